package dev.scion.sql.expr.json;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonMergeTest {
    @Test
    void keysAddedOnEachSideCombine() {
        assertEquals("{\"a\": 1, \"b\": 2}", JsonMerge.merge("{}", "{\"b\": 2}", "{\"a\": 1}"));
    }

    @Test
    void nestedObjectsMergeKeyByKeyAndRemovalsApply() {
        String base = "{\"x\": {\"p\": 1, \"q\": 2}, \"gone\": true}";
        String ours = "{\"x\": {\"p\": 10, \"q\": 2}, \"gone\": true}";
        String theirs = "{\"x\": {\"p\": 1, \"q\": 2, \"r\": 3}}";
        assertEquals("{\"x\": {\"p\": 10, \"q\": 2, \"r\": 3}}", JsonMerge.merge(base, ours, theirs));
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        assertEquals("{\"a\": 5}", JsonMerge.merge("{\"a\": 1}", "{\"a\": 5}", "{\"a\": 5}"));
    }

    @Test
    void differentChangesToOneKeyConflict() {
        assertNull(JsonMerge.merge("{\"a\": 1}", "{\"a\": 2}", "{\"a\": 3}"));
        // removed on one side, changed on the other
        assertNull(JsonMerge.merge("{\"a\": 1}", "{}", "{\"a\": 3}"));
        // arrays and scalars do not merge element-wise
        assertNull(JsonMerge.merge("[1]", "[1, 2]", "[1, 3]"));
        assertNull(JsonMerge.merge("{\"a\": 1}", "[]", "{\"a\": 1, \"b\": 2}"));
    }

    @Test
    void withoutABaseBothDocumentsMergeAsIfAddedToAnEmptyObject() {
        assertEquals("{\"a\": 1, \"b\": 2}", JsonMerge.merge(null, "{\"a\": 1}", "{\"b\": 2}"));
        assertNull(JsonMerge.merge(null, "{\"a\": 1}", "{\"a\": 2}"));
    }
}
