package dev.scion.versioning.model;

import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.ObjectKind;

import java.util.ArrayList;
import java.util.List;

/**
 * What a forced commit ({@code dolt_commit -f}, or a commit while @@dolt_allow_commit_conflicts is on) left
 * unresolved: per table, its row conflicts, constraint violations and schema conflict, exactly as the merge state
 * held them. Dolt keeps these artifacts inside its tables, so they travel with the commit; Scion keeps them in one
 * object the commit names, so a later merge of that commit, or a branch made from it, still sees them.
 */
public record CommitArtifacts(List<TableConflicts> tables) {

    public CommitArtifacts {
        tables = List.copyOf(tables);
    }

    /** The artifacts of a merge state's unresolved tables. */
    public static CommitArtifacts of(MergeState state) {
        return new CommitArtifacts(state.tables().stream().filter(t -> !t.isResolved()).toList());
    }

    /** A merge state keeping these artifacts with nothing in progress (no source commit). */
    public MergeState asKeptState(dev.scion.storage.Hash working, dev.scion.storage.Hash staged) {
        return new MergeState(null, MergeState.COMMITTED_SPEC, working, staged, tables);
    }

    public byte[] encode() {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.COMMIT_ARTIFACTS).varInt(tables.size());
        tables.forEach(t -> t.write(w));
        return w.toByteArray();
    }

    public static CommitArtifacts decode(byte[] chunk) {
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.COMMIT_ARTIFACTS);
        int n = r.varInt();
        List<TableConflicts> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(TableConflicts.read(r));
        }
        return new CommitArtifacts(out);
    }
}
