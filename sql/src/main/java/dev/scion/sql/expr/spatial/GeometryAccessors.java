package dev.scion.sql.expr.spatial;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.ArrayList;
import java.util.List;

/**
 * MySQL's geometry constructors from geometries (LINESTRING(p, ...), POLYGON(ls, ...), MULTIPOINT, MULTILINESTRING,
 * MULTIPOLYGON, GEOMETRYCOLLECTION) and the accessors and measures over one geometry: ST_Dimension, ST_SwapXY,
 * ST_StartPoint / ST_EndPoint / ST_PointN / ST_NumPoints / ST_IsClosed, ST_NumGeometries / ST_GeometryN,
 * ST_ExteriorRing / ST_InteriorRingN / ST_NumInteriorRings, and ST_Length / ST_Area on the Cartesian plane
 * (SRID 0). An accessor given a geometry of another type answers NULL.
 */
final class GeometryAccessors {
    private GeometryAccessors() {
    }

    /** A constructor's geometry from its member geometries; they must share one SRID (else 3033). */
    static byte[] construct(String name, Object[] members) {
        GeometryType type;
        GeometryType member;
        switch (name) {
            case "LINESTRING" -> { type = GeometryType.LINESTRING; member = GeometryType.POINT; }
            case "POLYGON" -> { type = GeometryType.POLYGON; member = GeometryType.LINESTRING; }
            case "MULTIPOINT" -> { type = GeometryType.MULTIPOINT; member = GeometryType.POINT; }
            case "MULTILINESTRING" -> { type = GeometryType.MULTILINESTRING; member = GeometryType.LINESTRING; }
            case "MULTIPOLYGON" -> { type = GeometryType.MULTIPOLYGON; member = GeometryType.POLYGON; }
            default -> { type = GeometryType.GEOMETRYCOLLECTION; member = null; }
        }
        List<Shape> parts = new ArrayList<>();
        long srid = -1;
        for (Object m : members) {
            byte[] g = SpatialFunctions.bytes(m);
            long s = Geometries.srid(g);
            if (srid >= 0 && s != srid) {
                throw new SqlError(ErrorCode.GIS_DIFFERENT_SRIDS, "Binary geometry function " + name.toLowerCase()
                        + " given two geometries of different srids: " + srid + " and " + s
                        + ", which should have been identical.");
            }
            srid = s;
            Shape shape = Geometries.shape(g);
            if (member != null && shape.type() != member) {
                throw new InvalidGeometryException("a " + member + " expected in " + name + ", got a " + shape.type());
            }
            parts.add(shape);
        }
        return Geometries.of(Math.max(srid, 0), Shape.of(type, parts));
    }

    /**
     * ST_Distance(g1, g2 [, unit]) on the plane; both must have one SRID (3033), a geographic one is not supported
     * (1235), and a unit must be one MySQL knows (3902) and cannot be asked of SRID 0, whose plane has no length
     * unit (3882).
     */
    static double distance(byte[] g1, byte[] g2, Object unit) {
        long s1 = Geometries.srid(g1);
        long s2 = Geometries.srid(g2);
        if (s1 != s2) {
            throw new SqlError(ErrorCode.GIS_DIFFERENT_SRIDS, "Binary geometry function st_distance given two "
                    + "geometries of different srids: " + s1 + " and " + s2 + ", which should have been identical.");
        }
        checkUnit("st_distance", s1, unit);
        cartesian("ST_DISTANCE", s1, 0.0);
        return PlanarDistance.between(Geometries.shape(g1), Geometries.shape(g2));
    }

    /** The checks of a length unit argument (null: none given) that come before the measuring. */
    private static void checkUnit(String fn, long srid, Object unit) {
        if (unit == null) {
            return;
        }
        String name = dev.scion.sql.expr.Values.toStringValue(unit);
        if (LengthUnits.metres(name) == null) {
            throw new SqlError(ErrorCode.UNIT_NOT_FOUND, "There's no unit of measure named '" + name + "'.");
        }
        if (srid == 0) {
            throw new SqlError(ErrorCode.GEOMETRY_IN_UNKNOWN_LENGTH_UNIT, "The geometry passed to function " + fn
                    + " is in SRID 0, which doesn't specify a length unit. Can't convert to '" + name + "'.");
        }
    }

    /** The accessor's value, or null when the geometry is not of a type it reads. */
    static Object access(String name, byte[] g, Object[] args) {
        Shape s = Geometries.shape(g);
        long srid = Geometries.srid(g);
        return switch (name) {
            case "ST_DIMENSION" -> dimension(s);
            case "ST_SWAPXY" -> Geometries.of(srid, swap(s));
            case "ST_STARTPOINT" -> s.type() == GeometryType.LINESTRING ? Geometries.of(srid, s.parts().get(0)) : null;
            case "ST_ENDPOINT" -> s.type() == GeometryType.LINESTRING
                    ? Geometries.of(srid, s.parts().get(s.parts().size() - 1)) : null;
            case "ST_NUMPOINTS" -> s.type() == GeometryType.LINESTRING ? (Object) (long) s.parts().size() : null;
            case "ST_POINTN" -> s.type() == GeometryType.LINESTRING ? nth(srid, s.parts(), args[1], 0) : null;
            case "ST_ISCLOSED" -> isClosed(s);
            case "ST_NUMGEOMETRIES" -> collection(s) ? (Object) (long) s.parts().size() : null;
            case "ST_GEOMETRYN" -> collection(s) ? nth(srid, s.parts(), args[1], 0) : null;
            case "ST_EXTERIORRING" -> s.type() == GeometryType.POLYGON ? Geometries.of(srid, s.parts().get(0)) : null;
            case "ST_INTERIORRINGN" -> s.type() == GeometryType.POLYGON ? nth(srid, s.parts(), args[1], 1) : null;
            case "ST_NUMINTERIORRINGS", "ST_NUMINTERIORRING" -> s.type() == GeometryType.POLYGON
                    ? (Object) (long) (s.parts().size() - 1) : null;
            case "ST_LENGTH" -> {
                Double length = length(s);
                if (length != null) {
                    checkUnit("st_length", srid, args.length > 1 ? args[1] : null);
                }
                yield cartesian(name, srid, length);
            }
            case "ST_AREA" -> cartesian(name, srid, area(s));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static boolean collection(Shape s) {
        return switch (s.type()) {
            case MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION -> true;
            default -> false;
        };
    }

    /** The n-th (1-based) part after skipping {@code skip} leading ones, or null when there is none. */
    private static Object nth(long srid, List<Shape> parts, Object n, int skip) {
        long i = dev.scion.sql.expr.Values.toLong(n);
        if (i < 1 || i + skip > parts.size()) {
            return null;
        }
        return Geometries.of(srid, parts.get((int) (i - 1 + skip)));
    }

    private static Object dimension(Shape s) {
        return switch (s.type()) {
            case POINT, MULTIPOINT -> 0L;
            case LINESTRING, MULTILINESTRING -> 1L;
            case POLYGON, MULTIPOLYGON -> 2L;
            case GEOMETRYCOLLECTION -> {
                Long max = null;
                for (Shape p : s.parts()) {
                    Object d = dimension(p);
                    if (d != null && (max == null || (Long) d > max)) {
                        max = (Long) d;
                    }
                }
                yield max;
            }
        };
    }

    private static Shape swap(Shape s) {
        if (s.type() == GeometryType.POINT) {
            return Shape.point(s.y(), s.x());
        }
        return Shape.of(s.type(), s.parts().stream().map(GeometryAccessors::swap).toList());
    }

    /** A line string whose ends meet, or a multi line string whose every member's do; NULL for other types. */
    private static Object isClosed(Shape s) {
        if (s.type() == GeometryType.LINESTRING) {
            Shape a = s.parts().get(0);
            Shape b = s.parts().get(s.parts().size() - 1);
            return a.x() == b.x() && a.y() == b.y() ? 1L : 0L;
        }
        if (s.type() == GeometryType.MULTILINESTRING) {
            for (Shape l : s.parts()) {
                if ((Long) isClosed(l) == 0L) {
                    return 0L;
                }
            }
            return 1L;
        }
        return null;
    }

    private static Double length(Shape s) {
        return switch (s.type()) {
            case LINESTRING -> {
                double sum = 0;
                for (int i = 1; i < s.parts().size(); i++) {
                    Shape a = s.parts().get(i - 1);
                    Shape b = s.parts().get(i);
                    sum += Math.hypot(b.x() - a.x(), b.y() - a.y());
                }
                yield sum;
            }
            case MULTILINESTRING -> s.parts().stream().mapToDouble(GeometryAccessors::length).sum();
            default -> null;
        };
    }

    /** A polygon's area: its outer ring's (shoelace formula) less its holes'; a multi polygon's sum. */
    private static Double area(Shape s) {
        return switch (s.type()) {
            case POLYGON -> {
                double a = Math.abs(ring(s.parts().get(0)));
                for (int i = 1; i < s.parts().size(); i++) {
                    a -= Math.abs(ring(s.parts().get(i)));
                }
                yield a;
            }
            case MULTIPOLYGON -> s.parts().stream().mapToDouble(GeometryAccessors::area).sum();
            default -> null;
        };
    }

    private static double ring(Shape ring) {
        double twice = 0;
        List<Shape> p = ring.parts();
        for (int i = 1; i < p.size(); i++) {
            twice += p.get(i - 1).x() * p.get(i).y() - p.get(i).x() * p.get(i - 1).y();
        }
        return twice / 2;
    }

    /** Measures are computed on the plane only: a geographic SRID (4326) is not supported yet (1235). */
    private static Object cartesian(String name, long srid, Double value) {
        if (value != null && srid != 0) {
            throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support '"
                    + name.toLowerCase() + " on a geographic spatial reference system'");
        }
        return value;
    }
}
