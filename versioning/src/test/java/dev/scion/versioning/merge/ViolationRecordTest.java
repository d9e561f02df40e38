package dev.scion.versioning.merge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The violation map's entries: description plus row copy, and entries written before the copy existed. */
class ViolationRecordTest {
    @Test
    void roundTripsTextAndRow() {
        ViolationRecord r = ViolationRecord.decode(ViolationRecord.encode("not null {\"Columns\": [\"ä\"]}",
                new byte[] {7, 0, 9}));
        assertEquals("not null {\"Columns\": [\"ä\"]}", r.description());
        assertArrayEquals(new byte[] {7, 0, 9}, r.rowValue());
    }

    @Test
    void anEmptyRowValueIsARowNotAMissingOne() {
        assertArrayEquals(new byte[0], ViolationRecord.decode(ViolationRecord.encode("x", new byte[0])).rowValue());
        assertNull(ViolationRecord.decode(ViolationRecord.encode("x", null)).rowValue());
    }

    @Test
    void bareTextFromOlderEntriesReadsAsADescriptionWithoutRow() {
        ViolationRecord r = ViolationRecord.decode("unique index 'u' violated by [1]".getBytes(StandardCharsets.UTF_8));
        assertEquals("unique index 'u' violated by [1]", r.description());
        assertNull(r.rowValue());
        assertEquals("a; b", new ViolationRecord("a", null).plus("b").description());
    }
}
