package dev.scion.sql.expr.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scion.sql.expr.Values;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * MySQL's comparison of JSON values (comparison operators and ORDER BY on a JSON operand). Values of different JSON
 * types order by type precedence, low to high: null, numbers, strings, objects, arrays, booleans (MySQL's BLOB,
 * BIT, OPAQUE and temporal JSON types cannot arise from text). Numbers compare numerically whatever their
 * representation (1 = 1.0); strings by their UTF-8 bytes; arrays element by element, then by length; booleans
 * false before true; objects are equal when they hold the same keys with equal values, and otherwise order by
 * their normal-form text, which MySQL leaves unspecified but consistent.
 */
public final class JsonCompare {
    private JsonCompare() {
    }

    /** A JSON-typed SQL value as a JSON node, or null when its text is not JSON (it is then compared as text). */
    public static JsonNode document(Object v) {
        try {
            return JsonText.parse(Values.toStringValue(v));
        } catch (JsonText.InvalidJson e) {
            return null;
        }
    }

    /**
     * Compares two non-null SQL values, {@code aJson} / {@code bJson} telling which are JSON-typed; a side that is
     * not JSON is converted as MySQL converts an SQL scalar for comparison with JSON.
     */
    public static int compare(Object a, boolean aJson, Object b, boolean bJson) {
        JsonNode x = aJson ? document(a) : JsonFunctions.scalar(a);
        JsonNode y = bJson ? document(b) : JsonFunctions.scalar(b);
        if (x == null || y == null) {
            return Values.compare(a, b);
        }
        return compare(x, y);
    }

    public static int compare(JsonNode x, JsonNode y) {
        int rx = rank(x);
        int ry = rank(y);
        if (rx != ry) {
            return Integer.compare(rx, ry);
        }
        switch (rx) {
            case 0:
                return 0;
            case 1:
                return x.decimalValue().compareTo(y.decimalValue());
            case 2:
                return java.util.Arrays.compareUnsigned(x.textValue().getBytes(StandardCharsets.UTF_8),
                        y.textValue().getBytes(StandardCharsets.UTF_8));
            case 3:
                return compareObjects(x, y);
            case 4: {
                int n = Math.min(x.size(), y.size());
                for (int i = 0; i < n; i++) {
                    int c = compare(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(x.size(), y.size());
            }
            default:
                return Boolean.compare(x.booleanValue(), y.booleanValue());
        }
    }

    private static int rank(JsonNode n) {
        if (n.isNull() || n.isMissingNode()) {
            return 0;
        }
        if (n.isNumber()) {
            return 1;
        }
        if (n.isTextual()) {
            return 2;
        }
        if (n.isObject()) {
            return 3;
        }
        if (n.isArray()) {
            return 4;
        }
        return 5;
    }

    private static int compareObjects(JsonNode x, JsonNode y) {
        if (x.size() == y.size()) {
            boolean equal = true;
            Iterator<Map.Entry<String, JsonNode>> it = x.fields();
            while (equal && it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = y.get(e.getKey());
                equal = other != null && compare(e.getValue(), other) == 0;
            }
            if (equal) {
                return 0;
            }
        }
        return JsonText.print(x).compareTo(JsonText.print(y));
    }
}
