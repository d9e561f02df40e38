package dev.scion.sql.expr.spatial;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The linear units of measure MySQL 8 lists in information_schema.ST_UNITS_OF_MEASURE (the units {@code
 * ST_Distance(g1, g2, unit)} and {@code ST_Length(g, unit)} convert to), with their length in metres as the EPSG
 * dataset defines them, in MySQL's order. Every one is LINEAR and MySQL gives none a description; a unit is named
 * in any case ('METRE').
 */
public final class LengthUnits {
    private static final Object[][] UNITS = {
        {"metre", 1.0}, {"millimetre", 0.001}, {"centimetre", 0.01}, {"German legal metre", 1.0000135965},
        {"foot", 0.3048}, {"US survey foot", 0.30480060960121924}, {"Clarke's yard", 0.9143917962},
        {"Clarke's foot", 0.3047972654}, {"British link (Sears 1922 truncated)", 0.20116756},
        {"nautical mile", 1852.0}, {"fathom", 1.8288}, {"US survey chain", 20.11684023368047},
        {"US survey link", 0.2011684023368047}, {"US survey mile", 1609.3472186944375},
        {"Indian yard", 0.9143985307444408}, {"kilometre", 1000.0}, {"Clarke's chain", 20.1166195164},
        {"Clarke's link", 0.201166195164}, {"British yard (Benoit 1895 A)", 0.9143992},
        {"British yard (Sears 1922)", 0.9143984146160288}, {"British foot (Sears 1922)", 0.3047994715386762},
        {"Gold Coast foot", 0.3047997101815088}, {"British chain (Sears 1922)", 20.116765121552632},
        {"yard", 0.9144}, {"British link (Sears 1922)", 0.2011676512155263},
        {"British foot (Benoit 1895 A)", 0.3047997333333333}, {"Indian foot (1962)", 0.3047996},
        {"British chain (Benoit 1895 A)", 20.1167824}, {"chain", 20.1168},
        {"British link (Benoit 1895 A)", 0.201167824}, {"British yard (Benoit 1895 B)", 0.9143992042898124},
        {"British foot (Benoit 1895 B)", 0.30479973476327077}, {"British chain (Benoit 1895 B)", 20.116782494375872},
        {"British link (Benoit 1895 B)", 0.2011678249437587}, {"British foot (1865)", 0.30480083333333335},
        {"Indian foot", 0.30479951024814694}, {"Indian foot (1937)", 0.30479841}, {"Indian foot (1975)", 0.3047995},
        {"British foot (1936)", 0.3048007491}, {"Indian yard (1937)", 0.91439523}, {"Indian yard (1962)", 0.9143988},
        {"Indian yard (1975)", 0.9143985}, {"Statute mile", 1609.344}, {"link", 0.201168},
        {"British yard (Sears 1922 truncated)", 0.914398}, {"British foot (Sears 1922 truncated)", 0.30479933333333337},
        {"British chain (Sears 1922 truncated)", 20.116756},
    };

    private LengthUnits() {
    }

    /** information_schema.ST_UNITS_OF_MEASURE's rows: UNIT_NAME, UNIT_TYPE, CONVERSION_FACTOR, DESCRIPTION. */
    public static List<Object[]> rows() {
        List<Object[]> out = new ArrayList<>(UNITS.length);
        for (Object[] u : UNITS) {
            out.add(new Object[] {u[0], "LINEAR", u[1], ""});
        }
        return out;
    }

    /** The unit's length in metres, or null when MySQL has no unit of that name. */
    static Double metres(String name) {
        for (Object[] u : UNITS) {
            if (((String) u[0]).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return (Double) u[1];
            }
        }
        return null;
    }
}
