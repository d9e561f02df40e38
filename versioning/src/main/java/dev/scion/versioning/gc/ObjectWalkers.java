package dev.scion.versioning.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.gc.ChildSink;
import dev.scion.storage.gc.ChunkKind;
import dev.scion.storage.tuple.OutOfLineValues;
import dev.scion.versioning.merge.ConflictCodec;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.Tag;

import java.util.Arrays;

/** The children of each versioning object, as {@link dev.scion.storage.gc.ChunkWalker}s. */
final class ObjectWalkers {
    private ObjectWalkers() {
    }

    static void commit(Hash address, byte[] chunk, ChildSink out) {
        Commit c = Commit.decode(chunk);
        out.child(c.root(), VersioningKinds.ROOT_VALUE);
        for (Hash p : c.parents()) {
            out.child(p, VersioningKinds.COMMIT);
        }
        if (c.artifacts() != null) {
            out.child(c.artifacts(), VersioningKinds.COMMIT_ARTIFACTS);
        }
    }

    static void commitArtifacts(Hash address, byte[] chunk, ChildSink out) {
        for (var t : dev.scion.versioning.model.CommitArtifacts.decode(chunk).tables()) {
            WorkingSetRoots.report(t, out);
        }
    }

    static void commitish(Hash address, byte[] chunk, ChildSink out) {
        if (Tag.isTagChunk(chunk)) {
            out.child(Tag.decode(chunk).target(), VersioningKinds.COMMITISH);
        } else {
            commit(address, chunk, out);
        }
    }

    /** A format 2 root names its table map; a format 1 root lists its tables. */
    static void rootValue(Hash address, byte[] chunk, ChildSink out) {
        Hash tableMap = RootValue.tableMapOf(chunk);
        if (tableMap != null) {
            out.child(tableMap, VersioningKinds.TABLE_MAP);
            return;
        }
        for (Hash t : RootValue.formatOneTables(chunk).values()) {
            out.child(t, VersioningKinds.TABLE);
        }
    }

    /** A table map value starts with the table's address. */
    static void tableMapValue(byte[] leaf, int start, int end, ChildSink out) {
        out.child(RootValue.tableOfSlot(leaf, start, end), VersioningKinds.TABLE);
    }

    static void table(Hash address, byte[] chunk, ChildSink out) {
        TableValue.References t = TableValue.references(chunk);
        if (t.schema() != null) {
            out.child(t.schema(), ChunkKind.LEAF);
        }
        out.child(t.rows(), ChunkKind.PROLLY_NODE);
        for (Hash index : t.indexes().values()) {
            out.child(index, ChunkKind.PROLLY_NODE);
        }
    }

    /** A conflict value holds up to three stored rows; each may have out-of-line fields. */
    static void conflictValue(byte[] leaf, int start, int end, ChildSink out) {
        ConflictCodec.Sides sides = ConflictCodec.decode(Arrays.copyOfRange(leaf, start, end));
        for (byte[] row : new byte[][] {sides.base(), sides.ours(), sides.theirs()}) {
            if (row != null) {
                OutOfLineValues.forEachBlob(row, 0, row.length, h -> out.child(h, ChunkKind.BLOB_NODE));
            }
        }
    }
}
