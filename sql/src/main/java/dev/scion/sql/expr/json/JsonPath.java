package dev.scion.sql.expr.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A MySQL JSON path: {@code $} followed by legs {@code .key}, {@code ."quoted key"}, {@code [n]},
 * {@code [last]}, {@code [last-n]}, and the wildcards {@code .*}, {@code [*]} and {@code **}.
 */
public final class JsonPath {
    /** One step of a path. */
    sealed interface Leg permits Member, Index, AnyMember, AnyIndex, Descendants {
    }

    record Member(String name) implements Leg {
    }

    /** {@code [n]} or, with {@code fromLast}, {@code [last-n]}. */
    record Index(int n, boolean fromLast) implements Leg {
        int resolve(int size) {
            return fromLast ? size - 1 - n : n;
        }
    }

    record AnyMember() implements Leg {
    }

    record AnyIndex() implements Leg {
    }

    record Descendants() implements Leg {
    }

    final List<Leg> legs;

    private JsonPath(List<Leg> legs) {
        this.legs = legs;
    }

    /** True if the path has a wildcard, so it may select several values. */
    public boolean wildcard() {
        return legs.stream().anyMatch(l -> l instanceof AnyMember || l instanceof AnyIndex
                || l instanceof Descendants);
    }

    /** Thrown for a malformed path; {@code position} as MySQL's 3143 message reports it. */
    public static final class InvalidPath extends RuntimeException {
        final int position;

        InvalidPath(int position) {
            super("Invalid JSON path expression. The error is around character position " + position + ".");
            this.position = position;
        }
    }

    public static JsonPath parse(String text) {
        String s = text.strip();
        int i = 0;
        if (s.isEmpty() || s.charAt(0) != '$') {
            throw new InvalidPath(0);
        }
        i++;
        List<Leg> legs = new ArrayList<>();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '.') {
                i++;
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    throw new InvalidPath(i);
                }
                if (s.charAt(i) == '*') {
                    legs.add(new AnyMember());
                    i++;
                } else if (s.charAt(i) == '"') {
                    int end = i + 1;
                    StringBuilder name = new StringBuilder();
                    while (end < s.length() && s.charAt(end) != '"') {
                        if (s.charAt(end) == '\\' && end + 1 < s.length()) {
                            end++;
                        }
                        name.append(s.charAt(end++));
                    }
                    if (end >= s.length()) {
                        throw new InvalidPath(end);
                    }
                    legs.add(new Member(name.toString()));
                    i = end + 1;
                } else {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                            || s.charAt(i) == '$')) {
                        i++;
                    }
                    if (i == start || Character.isDigit(s.charAt(start))) {
                        throw new InvalidPath(start + 1);
                    }
                    legs.add(new Member(s.substring(start, i)));
                }
            } else if (c == '[') {
                int end = s.indexOf(']', i);
                if (end < 0) {
                    throw new InvalidPath(s.length());
                }
                String inner = s.substring(i + 1, end).strip();
                if (inner.equals("*")) {
                    legs.add(new AnyIndex());
                } else if (inner.startsWith("last")) {
                    String rest = inner.substring(4).strip();
                    int back = 0;
                    if (!rest.isEmpty()) {
                        if (!rest.startsWith("-")) {
                            throw new InvalidPath(i + 1);
                        }
                        back = number(rest.substring(1).strip(), i + 1);
                    }
                    legs.add(new Index(back, true));
                } else {
                    legs.add(new Index(number(inner, i + 1), false));
                }
                i = end + 1;
            } else if (c == '*' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                if (i + 2 >= s.length()) {
                    throw new InvalidPath(i + 2); // ** may not end a path
                }
                legs.add(new Descendants());
                i += 2;
            } else {
                throw new InvalidPath(i + 1);
            }
        }
        return new JsonPath(List.copyOf(legs));
    }

    private static int number(String digits, int position) {
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            throw new InvalidPath(position);
        }
        return Integer.parseInt(digits);
    }

    /** Every value the path selects in {@code doc}, in document order. */
    public List<JsonNode> select(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        walk(doc, 0, (node, parentAndKey) -> out.add(node));
        return out;
    }

    /** The first value the path selects, or null. */
    public JsonNode first(JsonNode doc) {
        List<JsonNode> all = select(doc);
        return all.isEmpty() ? null : all.get(0);
    }

    private void walk(JsonNode node, int leg, BiConsumer<JsonNode, Object> found) {
        if (leg == legs.size()) {
            found.accept(node, null);
            return;
        }
        Leg l = legs.get(leg);
        if (l instanceof Member m) {
            if (node.isObject() && node.has(m.name())) {
                walk(node.get(m.name()), leg + 1, found);
            }
        } else if (l instanceof Index ix) {
            // MySQL: a scalar or object is treated as a one-element array for [0] / [last]
            JsonNode arr = node;
            if (!node.isArray()) {
                if (ix.resolve(1) == 0) {
                    walk(node, leg + 1, found);
                }
                return;
            }
            int k = ix.resolve(arr.size());
            if (k >= 0 && k < arr.size()) {
                walk(arr.get(k), leg + 1, found);
            }
        } else if (l instanceof AnyMember) {
            if (node.isObject()) {
                List<String> keys = new ArrayList<>();
                node.fieldNames().forEachRemaining(keys::add);
                keys.sort(JsonText.KEY_ORDER);
                for (String k : keys) {
                    walk(node.get(k), leg + 1, found);
                }
            }
        } else if (l instanceof AnyIndex) {
            if (node.isArray()) {
                for (JsonNode x : node) {
                    walk(x, leg + 1, found);
                }
            }
        } else {
            // **: this node and every node below it, then the rest of the path from each
            walk(node, leg + 1, found);
            if (node.isObject()) {
                List<String> keys = new ArrayList<>();
                node.fieldNames().forEachRemaining(keys::add);
                keys.sort(JsonText.KEY_ORDER);
                for (String k : keys) {
                    walk(node.get(k), leg, found);
                }
            } else if (node.isArray()) {
                for (JsonNode x : node) {
                    walk(x, leg, found);
                }
            }
        }
    }

    /** The legs as MySQL prints a path ({@code $.a[0]}), for JSON_SEARCH. */
    static String print(List<Object> steps) {
        StringBuilder sb = new StringBuilder("$");
        for (Object s : steps) {
            if (s instanceof Integer n) {
                sb.append('[').append(n).append(']');
            } else {
                String k = (String) s;
                sb.append('.').append(k.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? k : JsonText.quote(k));
            }
        }
        return sb.toString();
    }
}
