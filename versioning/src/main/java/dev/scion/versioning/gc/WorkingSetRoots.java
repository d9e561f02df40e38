package dev.scion.versioning.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.gc.ChildSink;
import dev.scion.storage.gc.ChunkKind;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.WorkingSet;

/** The chunks a working set keeps alive: working and staged roots, and everything an unfinished merge needs. */
public final class WorkingSetRoots {
    private WorkingSetRoots() {
    }

    public static void report(WorkingSet ws, ChildSink sink) {
        sink.child(ws.working(), VersioningKinds.ROOT_VALUE);
        sink.child(ws.staged(), VersioningKinds.ROOT_VALUE);
        report(ws.mergeSource(), VersioningKinds.COMMIT, sink);
        MergeState m = ws.mergeState();
        if (m == null) {
            return;
        }
        report(m.source(), VersioningKinds.COMMIT, sink);
        report(m.preMergeWorking(), VersioningKinds.ROOT_VALUE, sink);
        report(m.preMergeStaged(), VersioningKinds.ROOT_VALUE, sink);
        for (TableConflicts t : m.tables()) {
            report(t, sink);
        }
    }

    /** The tables and maps one table's conflicts hold (in a merge state, or recorded by a forced commit). */
    public static void report(TableConflicts t, ChildSink sink) {
        report(t.base(), VersioningKinds.TABLE, sink);
        report(t.ours(), VersioningKinds.TABLE, sink);
        report(t.theirs(), VersioningKinds.TABLE, sink);
        report(t.rowConflicts(), VersioningKinds.CONFLICT_MAP, sink);
        report(t.violations(), VersioningKinds.VIOLATION_MAP, sink);
    }

    private static void report(Hash h, ChunkKind kind, ChildSink sink) {
        if (h != null) {
            sink.child(h, kind);
        }
    }
}
