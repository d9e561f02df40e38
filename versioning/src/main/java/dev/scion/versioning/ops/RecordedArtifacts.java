package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.CommitArtifacts;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conflicts and violations a forced commit recorded ({@link CommitArtifacts}) meeting a merge: like Dolt's
 * artifacts, which live in the tables, they are carried into the merge's result next to the conflicts the merge
 * itself finds, from both sides (the artifacts ours keeps in its working set, and those theirs' commit recorded).
 */
final class RecordedArtifacts {
    private RecordedArtifacts() {
    }

    /** The working set's kept artifacts when it only keeps a forced commit's (nothing in progress), else null. */
    static MergeState kept(WorkingSet ws) {
        MergeState m = ws.mergeState();
        return ws.mergeSource() == null && m != null && m.isCommittedArtifacts() ? m : null;
    }

    /** The artifacts {@code commit} recorded, empty for an ordinary commit. */
    static List<TableConflicts> of(Repository repo, Commit commit) {
        if (commit.artifacts() == null) {
            return List.of();
        }
        byte[] chunk = repo.chunks().get(commit.artifacts());
        return chunk == null ? List.of() : CommitArtifacts.decode(chunk).tables();
    }

    /**
     * The merge's own conflicts with the recorded ones added, table by table: row conflicts and violations are
     * unions of the maps (the merge's entry wins for a key in both, being the newer), and a table's schema
     * conflict is the merge's, else the recorded one.
     */
    static List<TableConflicts> combine(ChunkBuffer out, List<TableConflicts> fresh, List<TableConflicts> recorded) {
        Map<String, TableConflicts> byTable = new LinkedHashMap<>();
        fresh.forEach(t -> byTable.put(t.table().toLowerCase(Locale.ROOT), t));
        for (TableConflicts r : recorded) {
            if (r.isResolved()) {
                continue;
            }
            byTable.merge(r.table().toLowerCase(Locale.ROOT), r, (f, old) -> union(out, f, old));
        }
        List<TableConflicts> all = new ArrayList<>(byTable.values());
        all.sort((x, y) -> x.table().compareTo(y.table()));
        return all;
    }

    private static TableConflicts union(ChunkBuffer out, TableConflicts newer, TableConflicts older) {
        Hash rows = union(out, newer.rowConflicts(), older.rowConflicts());
        Hash violations = union(out, newer.violations(), older.violations());
        return new TableConflicts(newer.table(), newer.base(), newer.ours(), newer.theirs(), rows, count(out, rows),
                violations, count(out, violations),
                newer.schemaConflict() != null ? newer.schemaConflict() : older.schemaConflict());
    }

    private static Hash union(ChunkBuffer out, Hash newer, Hash older) {
        if (older == null || older.equals(newer)) {
            return newer;
        }
        if (newer == null) {
            return older;
        }
        ProllyMap into = ProllyMap.load(out, newer);
        MapEdits edits = new MapEdits();
        try (ProllyCursor c = ProllyMap.load(out, older).cursor()) {
            while (c.next()) {
                if (!into.contains(c.key())) {
                    edits.put(c.key(), c.value());
                }
            }
        }
        return edits.isEmpty() ? newer : into.edit(edits, out).root();
    }

    private static long count(ChunkBuffer out, Hash map) {
        return map == null ? 0 : ProllyMap.load(out, map).count();
    }
}
