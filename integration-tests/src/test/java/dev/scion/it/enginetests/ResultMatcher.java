package dev.scion.it.enginetests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares a JDBC result (values as text) with an expected JSON row list, loosely as shared/engine-tests/README.md
 * says: 1, "1" and 1.0 are equal, {"$any"} and {"$go"} values match anything (a whole row left as Go's
 * {@code sql.NewRow(...)} is read as its values, GoRows), true/false equal 1/0. Rows are compared in order when the
 * query has ORDER BY, as a multiset otherwise. A binary column's value ({@link Binary}) matches an expected list of
 * byte values (go-mysql-server writes []byte results so) by its bytes, anything else by its text.
 */
final class ResultMatcher {
    /** The Go spellings of an empty result. */
    private static final java.util.Set<String> NO_ROWS = java.util.Set.of("[]sql.Row(nil)", "[]sql.Row{}");

    private ResultMatcher() { }

    /** A value of a binary column: its bytes, and the text the driver gives for it (what it prints as). */
    record Binary(byte[] bytes, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    static boolean matches(JsonNode expected, List<List<Object>> actual, boolean ordered) {
        if (expected != null && expected.isObject() && NO_ROWS.contains(expected.path("$go").asText())) {
            return actual.isEmpty(); // Go's nil or empty row slice: no rows
        }
        if (expected == null || !expected.isArray() || expected.size() != actual.size()) {
            return false;
        }
        List<JsonNode> exp = new ArrayList<>();
        expected.forEach(e -> exp.add(GoRows.row(e)));
        if (ordered) {
            for (int i = 0; i < exp.size(); i++) {
                if (!rowMatches(exp.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        List<List<Object>> remaining = new ArrayList<>(actual);
        remaining.sort(Comparator.comparing(Object::toString));
        for (JsonNode e : exp) {
            int hit = -1;
            for (int i = 0; i < remaining.size() && hit < 0; i++) {
                if (rowMatches(e, remaining.get(i))) {
                    hit = i;
                }
            }
            if (hit < 0) {
                return false;
            }
            remaining.remove(hit);
        }
        return true;
    }

    private static boolean rowMatches(JsonNode row, List<Object> actual) {
        if (!row.isArray() || row.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < row.size(); i++) {
            if (!valueMatches(row.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean valueMatches(JsonNode e, Object a) {
        if (a instanceof Binary b) {
            byte[] expected = byteList(e);
            return expected != null ? java.util.Arrays.equals(expected, b.bytes()) : valueMatches(e, b.text());
        }
        return valueMatches(e, (String) a);
    }

    /** The bytes an expected value lists ([104, 105] for "hi"), or null when it is no list of byte values. */
    private static byte[] byteList(JsonNode e) {
        if (!e.isArray()) {
            return null;
        }
        byte[] out = new byte[e.size()];
        for (int i = 0; i < e.size(); i++) {
            JsonNode x = e.get(i);
            if (!x.isInt() || x.intValue() < 0 || x.intValue() > 255) {
                return null;
            }
            out[i] = (byte) x.intValue();
        }
        return out;
    }

    static boolean valueMatches(JsonNode e, String a) {
        if (e.isObject() && (e.has("$any") || e.has("$go"))) {
            return true;
        }
        if (e.isNull()) {
            return a == null;
        }
        if (a == null) {
            return false;
        }
        if (e.isBoolean()) {
            return a.equals(e.booleanValue() ? "1" : "0") || a.equalsIgnoreCase(e.asText());
        }
        String text = e.isTextual() ? e.textValue() : e.isContainerNode() ? e.toString() : e.asText();
        if (text.equals(a)) {
            return true;
        }
        BigDecimal x = number(text);
        BigDecimal y = number(a);
        if (x != null && y != null) {
            return x.compareTo(y) == 0;
        }
        // JSON documents: compare without insignificant blanks
        return text.replace(" ", "").equals(a.replace(" ", ""));
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
