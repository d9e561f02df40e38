package dev.scion.sql.expr.spatial;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;

import java.util.Locale;

/**
 * The options argument of the WKT and WKB constructors ({@code 'axis-order=long-lat'}): a comma-separated list of
 * {@code key=value} pairs of which MySQL knows only axis-order. A geographic SRS takes latitude first; long-lat
 * says the text gives longitude first, so the coordinates are swapped into the stored order. The plane has no
 * axis order to honour.
 */
final class AxisOrder {
    private static final int OPTIONS_ARG = 2;

    private AxisOrder() {
    }

    /** The geometry with the order its options argument (if any) asks for. */
    static byte[] apply(byte[] internal, long srid, String fn, Object[] args) {
        if (args.length <= OPTIONS_ARG) {
            return internal;
        }
        boolean longitudeFirst = longitudeFirst(Values.toStringValue(args[OPTIONS_ARG]), fn);
        return longitudeFirst && srid != 0 ? Geometries.of(srid, swap(Geometries.shape(internal))) : internal;
    }

    private static boolean longitudeFirst(String options, String fn) {
        boolean longitudeFirst = false;
        for (String entry : options.split(",", -1)) {
            int eq = entry.indexOf('=');
            if (eq < 0 || entry.indexOf('=', eq + 1) >= 0) {
                throw new SqlError(ErrorCode.INVALID_OPTION_KEY_VALUE_PAIR, "The string '" + entry
                        + "' is not a valid key = value pair in function " + fn + ".");
            }
            String key = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = entry.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            if (!key.equals("axis-order")) {
                throw new SqlError(ErrorCode.INVALID_OPTION_KEY, "Invalid option key '" + key + "' in function "
                        + fn + ".");
            }
            longitudeFirst = switch (value) {
                case "long-lat" -> true;
                case "lat-long", "srid-defined" -> false;
                default -> throw new SqlError(ErrorCode.INVALID_OPTION_VALUE, "Invalid value '" + value
                        + "' for option '" + key + "' in function '" + fn + "'.");
            };
        }
        return longitudeFirst;
    }

    /**
     * ST_SRID(g, srid): the geometry under another SRID. MySQL keeps a geographic point as (longitude, latitude)
     * and a Cartesian one as (x, y), and the setter leaves those numbers alone; as Scion stores geographic points
     * latitude first, moving between the plane and a geographic SRS swaps the stored coordinates.
     */
    static byte[] reassign(byte[] internal, long srid) {
        boolean swap = geographic(Geometries.srid(internal)) != geographic(srid);
        return swap ? Geometries.of(srid, swap(Geometries.shape(internal))) : Geometries.withSrid(internal, srid);
    }

    /** The shape in longitude-first order (GeoJSON's) from the stored order of {@code srid}, or back. */
    static Shape longitudeFirst(Shape s, long srid) {
        return geographic(srid) ? swap(s) : s;
    }

    private static boolean geographic(long srid) {
        return srid != 0;
    }

    private static Shape swap(Shape s) {
        return s.type() == GeometryType.POINT ? Shape.point(s.y(), s.x())
                : Shape.of(s.type(), s.parts().stream().map(AxisOrder::swap).toList());
    }
}
