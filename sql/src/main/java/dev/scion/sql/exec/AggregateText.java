package dev.scion.sql.exec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scion.sql.expr.Values;
import dev.scion.sql.expr.json.JsonFunctions;
import dev.scion.sql.expr.json.JsonText;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** The results of the aggregates that build text: GROUP_CONCAT, JSON_ARRAYAGG, JSON_OBJECTAGG. */
final class AggregateText {
    /** MySQL's ER_CUT_VALUE_GROUP_CONCAT, a warning. */
    private static final int CUT_VALUE_GROUP_CONCAT = 1260;

    private AggregateText() {
    }

    /**
     * Entries are {value, order keys...}; sorted by GROUP_CONCAT's ORDER BY (NULLs first ascending, as MySQL
     * sorts), joined with the separator and cut to {@code maxLength} bytes with warning 1260.
     */
    static String groupConcat(List<Object[]> entries, AggregateOp.Call c, String separator, long maxLength,
                              ExecContext ctx) {
        if (c.orderKeys().length > 0) {
            Comparator<Object[]> order = (x, y) -> 0;
            for (int k = 0; k < c.orderKeys().length; k++) {
                final int key = k + 1;
                Comparator<Object[]> byKey = (x, y) -> compareNullsLow(x[key], y[key]);
                order = order.thenComparing(c.descending()[k] ? byKey.reversed() : byKey);
            }
            entries.sort(order);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(Values.toStringValue(entries.get(i)[0]));
        }
        String out = sb.toString();
        byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxLength) {
            out = cut(out, (int) Math.min(maxLength, Integer.MAX_VALUE));
            if (ctx != null && ctx.session() != null) {
                ctx.session().addWarning(CUT_VALUE_GROUP_CONCAT, "Row " + (ctx.session().warnings().size() + 1)
                        + " was cut by GROUP_CONCAT()");
            }
        }
        return out;
    }

    /** The longest prefix of {@code s} of at most {@code max} UTF-8 bytes that does not split a character. */
    private static String cut(String s, int max) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > max) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private static int compareNullsLow(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return Values.compare(a, b);
    }

    static String jsonArray(List<Object[]> entries) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Object[] e : entries) {
            a.add(JsonFunctions.scalar(e[0]));
        }
        return JsonText.print(a);
    }

    static String jsonObject(List<Object[]> entries) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Object[] e : entries) {
            o.set(Values.toStringValue(e[0]), JsonFunctions.scalar(e[1]));
        }
        return JsonText.print(o);
    }
}
