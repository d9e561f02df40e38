package dev.scion.sql.expr.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Three-way merge of two JSON documents changed from one base, as Dolt merges JSON cells: objects merge key by
 * key, recursively. A key only one side changed (added, removed or set) takes that change; the same change on both
 * sides is fine; different changes to one key, or different changes to anything that is not an object on all
 * three sides (arrays, scalars), conflict. Values compare as JSON values, so key order and number spelling do not
 * matter.
 */
public final class JsonMerge {
    private JsonMerge() {
    }

    /**
     * The merged document in MySQL's normal form, or null when the changes conflict (or a text is not JSON).
     * {@code base} null (no base document) merges as an empty object would.
     */
    public static String merge(String base, String ours, String theirs) {
        try {
            JsonNode o = JsonText.parse(ours);
            JsonNode t = JsonText.parse(theirs);
            JsonNode b = base == null ? JsonNodeFactory.instance.objectNode() : JsonText.parse(base);
            JsonNode m = merge(b, o, t);
            return m == null ? null : JsonText.print(m);
        } catch (JsonText.InvalidJson e) {
            return null;
        }
    }

    /** The merged value; null for a conflict (a key's absence is a Java null inside {@link #mergeObjects}). */
    private static JsonNode merge(JsonNode base, JsonNode ours, JsonNode theirs) {
        if (Objects.equals(ours, theirs) || Objects.equals(base, theirs)) {
            return ours;
        }
        if (Objects.equals(base, ours)) {
            return theirs;
        }
        if (base != null && base.isObject() && ours.isObject() && theirs.isObject()) {
            return mergeObjects(base, ours, theirs);
        }
        return null;
    }

    private static JsonNode mergeObjects(JsonNode base, JsonNode ours, JsonNode theirs) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode n : new JsonNode[] {ours, theirs}) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String k : keys) {
            JsonNode b = base.get(k);
            JsonNode o = ours.get(k);
            JsonNode t = theirs.get(k);
            JsonNode v;
            if (Objects.equals(o, t) || Objects.equals(b, t)) {
                v = o;
            } else if (Objects.equals(b, o)) {
                v = t;
            } else if (o != null && t != null) {
                v = merge(b, o, t);
                if (v == null) {
                    return null;
                }
            } else {
                return null; // removed on one side, changed on the other
            }
            if (v != null) {
                out.set(k, v);
            }
        }
        return out;
    }
}
