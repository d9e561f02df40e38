package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.ObjectKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WorkingSetTest {
    private static Hash h(String s) {
        return Hash.of(s.getBytes());
    }

    @Test
    void roundTripsWithAndWithoutMergeState() {
        WorkingSet plain = new WorkingSet(h("w"), h("s"), null);
        assertEquals(plain, WorkingSet.decode(plain.encode()));
        TableConflicts tc = new TableConflicts("t", h("b"), h("o"), null, h("c"), 3, null, 0, "why");
        MergeState ms = new MergeState(h("src"), "feature", h("pw"), h("ps"), List.of(tc));
        WorkingSet merging = plain.withMergeState(ms);
        WorkingSet back = WorkingSet.decode(merging.encode());
        assertEquals(merging, back);
        assertEquals(h("src"), back.mergeSource());
        assertEquals(3, back.mergeState().table("T").orElseThrow().rowConflictCount());
    }

    @Test
    void readsTheFormatWrittenBeforeMergeStatesExisted() {
        byte[] old = new BinaryWriter().kind(ObjectKind.WORKING_SET).hash(h("w")).hash(h("s")).nullableHash(h("m"))
                .toByteArray();
        WorkingSet ws = WorkingSet.decode(old);
        assertEquals(h("m"), ws.mergeSource());
        assertNull(ws.mergeState());
    }

    @Test
    void tagRoundTrips() {
        Tag t = new Tag("v1", h("c"), new Signature("A", "a@x", 5), "release\nnotes");
        assertEquals(t, Tag.decode(t.encode()));
    }
}
