package dev.scion.versioning.merge;

import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;

/**
 * Encodes the three versions of a conflicting row (each the stored row value in the merged table's schema,
 * or null when the row is absent on that side) as the value of a conflict-map entry.
 */
public final class ConflictCodec {
    private ConflictCodec() {
    }

    /** The three sides of one conflicting row; null means the row does not exist on that side. */
    public record Sides(byte[] base, byte[] ours, byte[] theirs) {
    }

    public static byte[] encode(byte[] base, byte[] ours, byte[] theirs) {
        BinaryWriter w = new BinaryWriter();
        nullable(w, base);
        nullable(w, ours);
        nullable(w, theirs);
        return w.toByteArray();
    }

    public static Sides decode(byte[] value) {
        BinaryReader r = new BinaryReader(value);
        return new Sides(nullable(r), nullable(r), nullable(r));
    }

    private static void nullable(BinaryWriter w, byte[] b) {
        w.bool(b != null);
        if (b != null) {
            w.bytes(b);
        }
    }

    private static byte[] nullable(BinaryReader r) {
        return r.bool() ? r.bytes() : null;
    }
}
