package dev.scion.versioning.fsck;

import dev.scion.storage.Hash;

/**
 * One thing wrong with a database's stored history.
 *
 * @param type what is wrong
 * @param address the chunk concerned, or null for a ref whose value cannot be read
 * @param kind what the chunk was expected to be (a commit, a table, a prolly node...), or null for a ref
 * @param ref the first ref (branch, tag, working set) from which the chunk was reached
 * @param detail a human-readable explanation
 */
public record FsckProblem(Type type, Hash address, String kind, String ref, String detail) {
    public enum Type {
        /** Reachable, but no chunk is stored under the address. */
        MISSING,
        /** Stored, but its bytes do not hash to its address. */
        CORRUPT,
        /** Stored with the right hash, but it cannot be decoded as the kind of object that references it. */
        UNDECODABLE,
        /** A ref whose value is not a well-formed address or working set. */
        BAD_REF
    }

    @Override
    public String toString() {
        String where = address == null ? "" : " " + address + " (" + kind + ")";
        return type.name().toLowerCase(java.util.Locale.ROOT) + where + " reached from " + ref + ": " + detail;
    }
}
