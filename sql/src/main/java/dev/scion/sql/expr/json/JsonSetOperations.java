package dev.scion.sql.expr.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.Iterator;
import java.util.Map;

/**
 * MySQL's JSON functions that treat documents as sets of members: JSON_OVERLAPS, {@code value MEMBER OF (array)},
 * and the insertion step of JSON_ARRAY_INSERT. Values are equal as {@link JsonCompare} says (1 = 1.0, objects by
 * their members), so these agree with JSON comparisons elsewhere.
 */
final class JsonSetOperations {
    private JsonSetOperations() {
    }

    /**
     * JSON_OVERLAPS: two objects overlap when they share a key with equal values; when either side is an array, a
     * non-array other side counts as a one-element array and they overlap when they share an element; two other
     * values overlap when they are equal.
     */
    static boolean overlaps(JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other != null && JsonCompare.compare(e.getValue(), other) == 0) {
                    return true;
                }
            }
            return false;
        }
        if (a.isArray() || b.isArray()) {
            JsonNode arr = a.isArray() ? a : b;
            JsonNode other = a.isArray() ? b : a;
            if (!other.isArray()) {
                return memberOf(other, arr);
            }
            for (JsonNode x : arr) {
                if (memberOf(x, other)) {
                    return true;
                }
            }
            return false;
        }
        return JsonCompare.compare(a, b) == 0;
    }

    /** {@code value MEMBER OF (doc)}: an element of the array doc equals value, or a non-array doc equals it. */
    static boolean memberOf(JsonNode value, JsonNode doc) {
        if (!doc.isArray()) {
            return JsonCompare.compare(value, doc) == 0;
        }
        for (JsonNode x : doc) {
            if (JsonCompare.compare(value, x) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The change JSON_ARRAY_INSERT makes to the array its path leads to: the value goes in before the cell. */
    static JsonEdits.Change insertInto(JsonPath.Index cell, JsonNode value) {
        return new JsonEdits.Change() {
            @Override
            public JsonNode existing(JsonNode old) {
                if (!old.isArray()) {
                    return old;
                }
                ArrayNode copy = ((ArrayNode) old).deepCopy();
                int k = cell.resolve(copy.size());
                copy.insert(Math.max(0, Math.min(k, copy.size())), value);
                return copy;
            }

            @Override
            public JsonNode missing() {
                return null;
            }
        };
    }
}
