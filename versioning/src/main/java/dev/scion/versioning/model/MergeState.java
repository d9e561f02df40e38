package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A merge in progress: the commit being merged in (null for cherry-pick and revert, whose commit gets one
 * parent), what the user called it, the working and staged roots from before the merge (so it can be
 * aborted), and the tables left with conflicts or constraint violations.
 */
public record MergeState(Hash source, String sourceSpec, Hash preMergeWorking, Hash preMergeStaged,
                         List<TableConflicts> tables) {
    /**
     * The source spec of a state that only keeps what a forced commit left unresolved: nothing is in progress, so
     * another merge may start (and its result is combined with these).
     */
    public static final String COMMITTED_SPEC = "commit --force";

    public MergeState {
        tables = List.copyOf(tables);
    }

    /** True when this state only keeps a forced commit's artifacts (no merge, cherry-pick or revert waits). */
    public boolean isCommittedArtifacts() {
        return source == null && COMMITTED_SPEC.equals(sourceSpec);
    }

    public boolean hasUnresolved() {
        return tables.stream().anyMatch(t -> !t.isResolved());
    }

    public Optional<TableConflicts> table(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return tables.stream().filter(t -> t.table().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    /** This state with one table's entry replaced (or removed when {@code next} is null or fully resolved). */
    public MergeState withTable(String name, TableConflicts next) {
        List<TableConflicts> out = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        for (TableConflicts t : tables) {
            if (!t.table().toLowerCase(Locale.ROOT).equals(lower)) {
                out.add(t);
            }
        }
        if (next != null && !next.isResolved()) {
            out.add(next);
        }
        out.sort((a, b) -> a.table().compareTo(b.table()));
        return new MergeState(source, sourceSpec, preMergeWorking, preMergeStaged, out);
    }

    void write(BinaryWriter w) {
        w.nullableHash(source).string(sourceSpec).hash(preMergeWorking).hash(preMergeStaged).varInt(tables.size());
        tables.forEach(t -> t.write(w));
    }

    static MergeState read(BinaryReader r) {
        Hash source = r.nullableHash();
        String spec = r.string();
        Hash pw = r.hash();
        Hash ps = r.hash();
        int n = r.varInt();
        List<TableConflicts> t = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            t.add(TableConflicts.read(r));
        }
        return new MergeState(source, spec, pw, ps, t);
    }
}
