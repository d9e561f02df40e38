package dev.scion.it.enginetests;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Spells out a statement the conversion left as Go source because go-mysql-server builds it at run time. Only the
 * form its large-geometry scripts use is known: {@code fmt.Sprintf("... %s ...", makeLargeLineString(N))} (or
 * {@code makeLargePolygonPointList(N)}), with N a number or {@code numLargeGeomPoints} (5,000 in those scripts, so
 * that a value serializes to more than 64 KB). Anything else is null: nothing to send.
 */
final class GoStatements {
    /** go-mysql-server's numLargeGeomPoints. */
    private static final int LARGE_GEOMETRY_POINTS = 5000;
    private static final Pattern SPRINTF = Pattern.compile(
            "(?s)^fmt\\.Sprintf\\(\"((?:[^\"\\\\]|\\\\.)*)\",\\s*(makeLargeLineString|makeLargePolygonPointList)"
                    + "\\((numLargeGeomPoints|[0-9]+)\\)\\)$");

    private GoStatements() {
    }

    /** The SQL {@code s} spells: its text, or the statement built from a known Go expression, or null. */
    static String sql(JsonNode s) {
        if (s.isTextual()) {
            return s.asText();
        }
        Matcher m = SPRINTF.matcher(s.path("$go").asText().strip());
        if (!m.matches()) {
            return null;
        }
        int n = m.group(3).equals("numLargeGeomPoints") ? LARGE_GEOMETRY_POINTS : Integer.parseInt(m.group(3));
        String argument = m.group(2).equals("makeLargeLineString") ? lineString(n) : closedRing(n);
        String format = m.group(1).replace("\\\"", "\"");
        int at = format.indexOf("%s");
        return at < 0 ? null : format.substring(0, at) + argument + format.substring(at + 2);
    }

    /** {@code LINESTRING(POINT(0,0),POINT(1,1),...)} with n points on the diagonal. */
    private static String lineString(int n) {
        StringBuilder b = new StringBuilder("LINESTRING(");
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? "," : "").append("POINT(").append(i).append(',').append(i).append(')');
        }
        return b.append(')').toString();
    }

    /** n points along the x axis, the last back at the origin: a closed (degenerate) polygon ring's point list. */
    private static String closedRing(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n - 1; i++) {
            b.append(i > 0 ? "," : "").append("POINT(").append(i).append(",0)");
        }
        return b.append(",POINT(0,0)").toString();
    }
}
