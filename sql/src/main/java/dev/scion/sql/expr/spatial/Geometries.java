package dev.scion.sql.expr.spatial;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * MySQL's internal geometry format, which spatial columns store and clients receive: a 4-byte little-endian SRID
 * followed by the geometry's WKB. Every way in (WKT, WKB, POINT(), a value for a spatial column) checks the
 * geometry as MySQL does: line strings have two points or more, polygon rings four or more and are closed, only a
 * collection may be empty.
 */
public final class Geometries {
    private static final int SRID_BYTES = 4;
    /** The spatial reference systems Scion knows: 0 (the Cartesian plane) and 4326 (WGS 84). */
    private static final long WGS84 = 4326;

    private Geometries() {
    }

    /** Whether MySQL (8.0) knows this SRID; Scion knows 0 and 4326. */
    public static boolean knownSrid(long srid) {
        return srid == 0 || srid == WGS84;
    }

    /** WGS 84's definition in the well-known text MySQL 8 keeps for SRID 4326 (latitude first, as EPSG has it). */
    public static final String WGS84_DEFINITION = "GEOGCS[\"WGS 84\",DATUM[\"World Geodetic System 1984\","
            + "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
            + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.017453292519943278,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AXIS[\"Lat\",NORTH],AXIS[\"Lon\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    /** The name of a known spatial reference system, as information_schema shows it (the plane's is empty). */
    public static String srsName(long srid) {
        return srid == WGS84 ? "WGS 84" : "";
    }

    public static byte[] fromText(String wkt, long srid) {
        return internal(srid, checked(Wkt.read(wkt)));
    }

    public static byte[] fromWkb(byte[] wkb, long srid) {
        return internal(srid, checked(Wkb.read(wkb, 0)));
    }

    public static byte[] point(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            throw new InvalidGeometryException("coordinate out of range");
        }
        return internal(0, Shape.point(x, y));
    }

    /** The geometry type of a value in the internal format; throws if it is none. */
    public static GeometryType check(byte[] internal) {
        return parse(internal).type();
    }

    public static String asText(byte[] internal) {
        return Wkt.write(parse(internal));
    }

    public static byte[] asWkb(byte[] internal) {
        parse(internal);
        return Arrays.copyOfRange(internal, SRID_BYTES, internal.length);
    }

    public static long srid(byte[] internal) {
        parse(internal);
        return Integer.toUnsignedLong((internal[0] & 0xff) | (internal[1] & 0xff) << 8 | (internal[2] & 0xff) << 16
                | (internal[3] & 0xff) << 24);
    }

    public static byte[] withSrid(byte[] internal, long srid) {
        return internal(srid, parse(internal));
    }

    /** X of a POINT; throws for other types. */
    public static double x(byte[] internal) {
        return requirePoint(internal).x();
    }

    public static double y(byte[] internal) {
        return requirePoint(internal).y();
    }

    /** The POINT {@code internal} with X replaced (ST_X's setter form); throws for other types. */
    public static byte[] withX(byte[] internal, double x) {
        return of(srid(internal), Shape.point(x, requirePoint(internal).y()));
    }

    public static byte[] withY(byte[] internal, double y) {
        return of(srid(internal), Shape.point(requirePoint(internal).x(), y));
    }

    private static Shape requirePoint(byte[] internal) {
        Shape s = parse(internal);
        if (s.type() != GeometryType.POINT) {
            throw new InvalidGeometryException("a POINT expected, got a " + s.type());
        }
        return s;
    }

    /** The checked shape of a value in the internal format. */
    static Shape shape(byte[] internal) {
        return parse(internal);
    }

    /** A checked shape in the internal format with {@code srid}. */
    static byte[] of(long srid, Shape s) {
        return internal(srid, checked(s));
    }

    private static Shape parse(byte[] internal) {
        if (internal == null || internal.length < SRID_BYTES + 5) {
            throw new InvalidGeometryException("too short for a geometry");
        }
        return checked(Wkb.read(internal, SRID_BYTES));
    }

    private static byte[] internal(long srid, Shape s) {
        if (srid < 0 || srid > 0xFFFFFFFFL) {
            throw new InvalidGeometryException("SRID out of range: " + srid);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wkb.int32(out, (int) srid);
        out.writeBytes(Wkb.write(s));
        return out.toByteArray();
    }

    private static Shape checked(Shape s) {
        switch (s.type()) {
            case POINT -> {
                if (Double.isNaN(s.x()) || Double.isNaN(s.y()) || Double.isInfinite(s.x()) || Double.isInfinite(s.y())) {
                    throw new InvalidGeometryException("coordinate out of range");
                }
            }
            case LINESTRING -> {
                if (s.parts().size() < 2) {
                    throw new InvalidGeometryException("a LINESTRING needs two points or more");
                }
                s.parts().forEach(Geometries::checked);
            }
            case POLYGON -> {
                if (s.parts().isEmpty()) {
                    throw new InvalidGeometryException("a POLYGON needs a ring");
                }
                for (Shape ring : s.parts()) {
                    int n = ring.parts().size();
                    if (n < 4) {
                        throw new InvalidGeometryException("a polygon ring needs four points or more");
                    }
                    Shape first = ring.parts().get(0);
                    Shape last = ring.parts().get(n - 1);
                    if (first.x() != last.x() || first.y() != last.y()) {
                        throw new InvalidGeometryException("a polygon ring must be closed");
                    }
                    ring.parts().forEach(Geometries::checked);
                }
            }
            case MULTIPOINT, MULTILINESTRING, MULTIPOLYGON -> {
                if (s.parts().isEmpty()) {
                    throw new InvalidGeometryException("an empty " + s.type());
                }
                s.parts().forEach(Geometries::checked);
            }
            case GEOMETRYCOLLECTION -> s.parts().forEach(Geometries::checked);
        }
        return s;
    }
}
