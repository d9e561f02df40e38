package dev.scion.it.enginetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an expected row the conversion left as Go source, {@code {"$go": "sql.NewRow(int64(1), \"a\", nil)"}}, as
 * the row of values it spells, so it is checked instead of matching any row. Arguments other than string literals,
 * nil and (typed) numbers stay {@code {"$go": ...}} values, which match anything.
 */
final class GoRows {
    private static final Pattern NEW_ROW = Pattern.compile("(?s)^sql\\.NewRow\\((.*)\\)$");
    private static final Pattern NUMBER = Pattern.compile(
            "^(?:u?int(?:8|16|32|64)?|float(?:32|64))?\\(?(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\)?$");

    private GoRows() {
    }

    /** The row {@code e} spells, or {@code e} itself when it is no {@code sql.NewRow(...)}. */
    static JsonNode row(JsonNode e) {
        if (!e.isObject() || !e.has("$go")) {
            return e;
        }
        Matcher m = NEW_ROW.matcher(e.get("$go").asText().strip());
        if (!m.matches()) {
            return e;
        }
        List<String> args = split(m.group(1));
        if (args == null) {
            return e;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (String a : args) {
            out.add(value(a.strip()));
        }
        return out;
    }

    private static JsonNode value(String arg) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (arg.equals("nil")) {
            return f.nullNode();
        }
        if (arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"")) {
            return f.textNode(unquote(arg.substring(1, arg.length() - 1)));
        }
        Matcher n = NUMBER.matcher(arg);
        if (n.matches()) {
            return f.textNode(n.group(1));
        }
        ObjectNode any = f.objectNode();
        any.put("$go", arg);
        return any;
    }

    /** The top-level comma-separated arguments, or null when the text does not split cleanly. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (inString || depth != 0) {
            return null;
        }
        out.add(text.substring(start));
        return out;
    }

    private static String unquote(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
