package dev.scion.sql.expr.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * MySQL's JSON text: parsing (Jackson's tree) and printing in MySQL's normal form. MySQL stores a JSON document
 * in a binary form whose object keys are ordered by length and then bytewise, and prints it with ", " and ": "
 * separators, so {@code {"b":2,  "a":1}} reads back as {@code {"a": 1, "b": 2}}. A number with a fraction or
 * exponent is a DOUBLE ({@code 1e2} prints as {@code 100.0}); integers stay integers.
 */
public final class JsonText {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .setNodeFactory(NODES);

    /** MySQL's key order: shorter keys first, equal lengths by their UTF-8 bytes. */
    static final Comparator<String> KEY_ORDER = Comparator.<String>comparingInt(
            k -> k.getBytes(StandardCharsets.UTF_8).length).thenComparing(JsonText::compareBytes);

    private JsonText() {
    }

    /** Thrown for text that is not JSON; {@code position} is the character offset MySQL reports. */
    public static final class InvalidJson extends RuntimeException {
        public final long position;

        InvalidJson(String reason, long position) {
            super(reason);
            this.position = position;
        }
    }

    public static JsonNode parse(String text) {
        if (text.isBlank()) {
            throw new InvalidJson("The document is empty.", text.length());
        }
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new InvalidJson("The document is empty.", text.length());
            }
            return normalise(n);
        } catch (JsonProcessingException e) {
            long pos = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getCharOffset());
            throw new InvalidJson(e.getOriginalMessage().contains("end-of-input")
                    ? "The document root must not be followed by other values." : "Invalid value.", pos);
        }
    }

    public static boolean valid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidJson e) {
            return false;
        }
    }

    /** Integers within long range become longs, fractions doubles: the two numeric kinds MySQL's parser makes. */
    static JsonNode normalise(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = NODES.objectNode();
            n.fields().forEachRemaining(e -> o.set(e.getKey(), normalise(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = NODES.arrayNode();
            n.forEach(x -> a.add(normalise(x)));
            return a;
        }
        if (n.isBigInteger() && n.canConvertToLong()) {
            return NODES.numberNode(n.longValue());
        }
        if (n.isFloatingPointNumber() && !n.isDouble()) {
            return NODES.numberNode(n.doubleValue());
        }
        return n;
    }

    /** The MySQL text of a JSON value. */
    public static String print(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        print(n, sb);
        return sb.toString();
    }

    private static void print(JsonNode n, StringBuilder sb) {
        if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            n.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey(KEY_ORDER));
            sb.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                quote(fields.get(i).getKey(), sb);
                sb.append(": ");
                print(fields.get(i).getValue(), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                print(n.get(i), sb);
            }
            sb.append(']');
        } else if (n.isTextual()) {
            quote(n.textValue(), sb);
        } else if (n.isDouble() || n.isFloat()) {
            sb.append(printDouble(n.doubleValue()));
        } else if (n.isBigDecimal()) {
            sb.append(n.decimalValue().toPlainString());
        } else {
            sb.append(n.asText());
        }
    }

    /** MySQL prints a JSON double in its shortest form, with ".0" on whole numbers and "e" for large ones. */
    /**
     * JSON_PRETTY's text: MySQL's layout, each member and element on its own line indented two spaces a level,
     * {@code "key": value}; an empty object or array stays {@code {}} / {@code []}.
     */
    public static String printPretty(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        printPretty(n, sb, 0);
        return sb.toString();
    }

    private static void printPretty(JsonNode n, StringBuilder sb, int depth) {
        if ((!n.isObject() && !n.isArray()) || n.isEmpty()) {
            print(n, sb);
            return;
        }
        String inner = "  ".repeat(depth + 1);
        if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            n.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey(KEY_ORDER));
            sb.append("{\n");
            for (int i = 0; i < fields.size(); i++) {
                sb.append(inner);
                quote(fields.get(i).getKey(), sb);
                sb.append(": ");
                printPretty(fields.get(i).getValue(), sb, depth + 1);
                sb.append(i + 1 < fields.size() ? ",\n" : "\n");
            }
            sb.append("  ".repeat(depth)).append('}');
        } else {
            sb.append("[\n");
            for (int i = 0; i < n.size(); i++) {
                sb.append(inner);
                printPretty(n.get(i), sb, depth + 1);
                sb.append(i + 1 < n.size() ? ",\n" : "\n");
            }
            sb.append("  ".repeat(depth)).append(']');
        }
    }

    static String printDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return new BigDecimal(d).toPlainString() + ".0";
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        String exp = s.substring(e + 1);
        return mantissa + "e" + (exp.startsWith("-") ? exp : "+" + exp);
    }

    /** A JSON string literal with MySQL's escapes. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** JSON_TYPE's names. */
    static String typeName(JsonNode n) {
        if (n.isObject()) {
            return "OBJECT";
        }
        if (n.isArray()) {
            return "ARRAY";
        }
        if (n.isTextual()) {
            return "STRING";
        }
        if (n.isBoolean()) {
            return "BOOLEAN";
        }
        if (n.isNull()) {
            return "NULL";
        }
        if (n.isIntegralNumber()) {
            return integerTypeName(n.bigIntegerValue());
        }
        if (n.isBigDecimal()) {
            return "DECIMAL";
        }
        return "DOUBLE";
    }

    /**
     * The type MySQL's JSON parser gives an integer: a number that fits 32 bits is INTEGER; past that a negative one
     * is a 64-bit INTEGER and a positive one UNSIGNED INTEGER (its reader takes every non-negative number wider
     * than 32 bits as unsigned 64-bit, so JSON_TYPE('4294967296') is UNSIGNED INTEGER); one that fits neither
     * 64-bit form is read as a DOUBLE.
     */
    private static String integerTypeName(java.math.BigInteger v) {
        if (v.signum() < 0) {
            return v.bitLength() < 64 ? "INTEGER" : "DOUBLE";
        }
        int bits = v.bitLength();
        return bits <= 32 ? "INTEGER" : bits <= 64 ? "UNSIGNED INTEGER" : "DOUBLE";
    }

    private static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
