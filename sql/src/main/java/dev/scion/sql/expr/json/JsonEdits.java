package dev.scion.sql.expr.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The document-changing JSON functions (JSON_SET / INSERT / REPLACE / REMOVE / ARRAY_APPEND, the two merges),
 * each building a new tree and leaving its input untouched.
 */
final class JsonEdits {
    private JsonEdits() {
    }

    /** What happens at the end of a path: to a value that is there, and where none is. */
    interface Change {
        /** The new value for an existing one; null removes it. */
        JsonNode existing(JsonNode old);

        /** The value to add where the path finds nothing, or null to add nothing. */
        JsonNode missing();
    }

    static Change set(JsonNode v) {
        return change(old -> v, v);
    }

    static Change insert(JsonNode v) {
        return change(old -> old, v);
    }

    static Change replace(JsonNode v) {
        return change(old -> v, null);
    }

    static Change remove() {
        return change(old -> null, null);
    }

    /** JSON_ARRAY_APPEND: an array gets the value at its end, any other value becomes [value, v]. */
    static Change append(JsonNode v) {
        return change(old -> {
            ArrayNode a = old.isArray() ? ((ArrayNode) old).deepCopy() : JsonText.NODES.arrayNode().add(old);
            return a.add(v);
        }, null);
    }

    private static Change change(java.util.function.UnaryOperator<JsonNode> existing, JsonNode missing) {
        return new Change() {
            @Override
            public JsonNode existing(JsonNode old) {
                return existing.apply(old);
            }

            @Override
            public JsonNode missing() {
                return missing;
            }
        };
    }

    /** Applies {@code change} at {@code path} (no wildcards) in {@code node}; returns the new tree. */
    static JsonNode apply(JsonNode node, List<JsonPath.Leg> legs, int i, Change change) {
        if (i == legs.size()) {
            JsonNode n = change.existing(node);
            return n == null ? node : n;
        }
        JsonPath.Leg leg = legs.get(i);
        boolean last = i == legs.size() - 1;
        if (leg instanceof JsonPath.Member m) {
            if (!node.isObject()) {
                return node;
            }
            ObjectNode o = ((ObjectNode) node).deepCopy();
            JsonNode child = node.get(m.name());
            if (child == null) {
                if (last && change.missing() != null) {
                    o.set(m.name(), change.missing());
                }
                return o;
            }
            if (last) {
                JsonNode n = change.existing(child);
                if (n == null) {
                    o.remove(m.name());
                } else {
                    o.set(m.name(), n);
                }
                return o;
            }
            o.set(m.name(), apply(child, legs, i + 1, change));
            return o;
        }
        JsonPath.Index ix = (JsonPath.Index) leg;
        if (!node.isArray()) {
            // a non-array stands for a one-element array: [0] is the value itself, a later index appends
            if (ix.resolve(1) == 0) {
                if (last) {
                    JsonNode n = change.existing(node);
                    return n == null ? node : n;
                }
                return apply(node, legs, i + 1, change);
            }
            if (last && change.missing() != null) {
                return JsonText.NODES.arrayNode().add(node).add(change.missing());
            }
            return node;
        }
        ArrayNode a = ((ArrayNode) node).deepCopy();
        int k = ix.resolve(a.size());
        if (k < 0 || k >= a.size()) {
            if (last && change.missing() != null && k >= a.size()) {
                a.add(change.missing());
            }
            return a;
        }
        if (last) {
            JsonNode n = change.existing(a.get(k));
            if (n == null) {
                a.remove(k);
            } else {
                a.set(k, n);
            }
            return a;
        }
        a.set(k, apply(a.get(k), legs, i + 1, change));
        return a;
    }

    /** JSON_MERGE_PRESERVE of two values. */
    static JsonNode preserve(JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            ObjectNode o = ((ObjectNode) a).deepCopy();
            b.fields().forEachRemaining(e -> {
                JsonNode mine = o.get(e.getKey());
                o.set(e.getKey(), mine == null ? e.getValue() : preserve(mine, e.getValue()));
            });
            return o;
        }
        ArrayNode out = JsonText.NODES.arrayNode();
        addAll(out, a);
        addAll(out, b);
        return out;
    }

    private static void addAll(ArrayNode out, JsonNode v) {
        if (v.isArray()) {
            v.forEach(out::add);
        } else {
            out.add(v);
        }
    }

    /** JSON_MERGE_PATCH (RFC 7396): a null member in the patch removes the key. */
    static JsonNode patch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode o = target.isObject() ? ((ObjectNode) target).deepCopy() : JsonText.NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) patch::fields) {
            if (e.getValue().isNull()) {
                o.remove(e.getKey());
            } else {
                JsonNode mine = o.get(e.getKey());
                o.set(e.getKey(), patch(mine == null ? JsonText.NODES.nullNode() : mine, e.getValue()));
            }
        }
        return o;
    }

    /** JSON_CONTAINS: whether {@code candidate} is contained in {@code target}. */
    static boolean contains(JsonNode target, JsonNode candidate) {
        if (target.isObject()) {
            if (!candidate.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) candidate::fields) {
                JsonNode t = target.get(e.getKey());
                if (t == null || !contains(t, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (target.isArray()) {
            if (candidate.isArray()) {
                for (JsonNode c : candidate) {
                    if (!contains(target, c)) {
                        return false;
                    }
                }
                return true;
            }
            for (JsonNode t : target) {
                if (contains(t, candidate)) {
                    return true;
                }
            }
            return false;
        }
        return scalarEquals(target, candidate);
    }

    /** Scalars compare by value; numbers of different kinds compare numerically (1 = 1.0). */
    static boolean scalarEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return !a.isContainerNode() && !b.isContainerNode() && a.equals(b);
    }
}
