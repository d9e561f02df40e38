package dev.scion.versioning.merge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One entry of a table's violation map (keyed by row key): what the row breaks, and a copy of the row as the
 * merge or check saw it. The copy is what dolt_constraint_violations_&lt;t&gt; shows once the row is no longer in
 * the table: a merge leaves a row with NULL in a NOT NULL column only here (as Dolt does), and a DELETE of the
 * table keeps the violation records (Dolt's artifacts outlive the rows too).
 *
 * <p>Layout: a marker byte, whether a row copy follows (1 byte), the description's length (4 bytes) and its UTF-8
 * text, then the row value bytes (a row value may be empty: a row whose only non-key column is NULL). Entries written before the row copy existed hold the bare text; descriptions always start with a
 * letter, so the marker cannot be mistaken for one.
 */
public record ViolationRecord(String description, byte[] rowValue) {
    private static final byte MARKER = 1;

    public byte[] encode() {
        byte[] text = description.getBytes(StandardCharsets.UTF_8);
        byte[] row = rowValue == null ? new byte[0] : rowValue;
        return ByteBuffer.allocate(6 + text.length + row.length).put(MARKER).put((byte) (rowValue == null ? 0 : 1))
                .putInt(text.length).put(text).put(row).array();
    }

    public static byte[] encode(String description, byte[] rowValue) {
        return new ViolationRecord(description, rowValue).encode();
    }

    public static ViolationRecord decode(byte[] stored) {
        if (stored.length == 0 || stored[0] != MARKER) {
            return new ViolationRecord(new String(stored, StandardCharsets.UTF_8), null);
        }
        ByteBuffer b = ByteBuffer.wrap(stored);
        b.get();
        boolean hasRow = b.get() != 0;
        int n = b.getInt();
        String text = new String(stored, 6, n, StandardCharsets.UTF_8);
        return new ViolationRecord(text, hasRow ? Arrays.copyOfRange(stored, 6 + n, stored.length) : null);
    }

    /** This record with {@code more} appended to its description ("; " between), keeping the row copy. */
    public ViolationRecord plus(String more) {
        return new ViolationRecord(description + "; " + more, rowValue);
    }
}
