package dev.scion.sql.expr.spatial;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;

/** Well-known binary: reads either byte order, writes little-endian (what MySQL stores and returns). */
final class Wkb {
    /** More parts than this in one geometry cannot come from a packet-sized value: refuse before allocating. */
    private static final int MAX_PARTS = 1 << 24;

    private Wkb() {
    }

    static Shape read(byte[] bytes, int offset) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            Shape s = read(in, null, 0);
            if (in.hasRemaining()) {
                throw new InvalidGeometryException(in.remaining() + " bytes after the geometry");
            }
            return s;
        } catch (BufferUnderflowException e) {
            throw new InvalidGeometryException("the WKB ends inside the geometry");
        }
    }

    private static Shape read(ByteBuffer in, GeometryType expected, int depth) {
        if (depth > 32) {
            throw new InvalidGeometryException("geometry collections nested too deeply");
        }
        int order = in.get();
        if (order != 0 && order != 1) {
            throw new InvalidGeometryException("bad WKB byte order " + order);
        }
        in.order(order == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        GeometryType type = GeometryType.fromWkbCode(in.getInt());
        if (expected != null && type != expected) {
            throw new InvalidGeometryException(type + " inside a multi geometry of " + expected + "s");
        }
        return switch (type) {
            case POINT -> Shape.point(in.getDouble(), in.getDouble());
            case LINESTRING -> Shape.of(type, points(in));
            case POLYGON -> {
                int rings = count(in);
                List<Shape> parts = new ArrayList<>(rings);
                for (int i = 0; i < rings; i++) {
                    parts.add(Shape.of(GeometryType.LINESTRING, points(in)));
                }
                yield Shape.of(type, parts);
            }
            case MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION -> {
                int n = count(in);
                List<Shape> parts = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    parts.add(read(in, type.memberType(), depth + 1));
                }
                yield Shape.of(type, parts);
            }
        };
    }

    private static List<Shape> points(ByteBuffer in) {
        int n = count(in);
        if ((long) n * 16 > in.remaining()) {
            throw new InvalidGeometryException("the WKB ends inside the geometry");
        }
        List<Shape> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(Shape.point(in.getDouble(), in.getDouble()));
        }
        return points;
    }

    private static int count(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > MAX_PARTS) {
            throw new InvalidGeometryException("bad WKB element count " + Integer.toUnsignedString(n));
        }
        return n;
    }

    static byte[] write(Shape s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(s, out);
        return out.toByteArray();
    }

    private static void write(Shape s, ByteArrayOutputStream out) {
        out.write(1);
        int32(out, s.type().wkbCode());
        switch (s.type()) {
            case POINT -> coordinates(out, s);
            case LINESTRING -> {
                int32(out, s.parts().size());
                s.parts().forEach(p -> coordinates(out, p));
            }
            case POLYGON -> {
                int32(out, s.parts().size());
                for (Shape ring : s.parts()) {
                    int32(out, ring.parts().size());
                    ring.parts().forEach(p -> coordinates(out, p));
                }
            }
            default -> {
                int32(out, s.parts().size());
                s.parts().forEach(p -> write(p, out));
            }
        }
    }

    private static void coordinates(ByteArrayOutputStream out, Shape point) {
        int64(out, Double.doubleToLongBits(point.x()));
        int64(out, Double.doubleToLongBits(point.y()));
    }

    static void int32(ByteArrayOutputStream out, int v) {
        for (int i = 0; i < 4; i++) {
            out.write(v >>> (8 * i));
        }
    }

    private static void int64(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }
}
