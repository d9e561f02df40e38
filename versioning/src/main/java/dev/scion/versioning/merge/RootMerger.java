package dev.scion.versioning.merge;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.ForeignKeyIndex;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * Three-way merge of root values, table by table. A table changed on one side only is taken from that side;
 * a table changed on both sides goes to {@link TableMerger} (schema, then cells). A table dropped on one side
 * and changed on the other is a conflict. {@link #merge} is what a transaction commit runs (any conflict
 * fails it); {@link #mergeWithConflicts} is what {@code merge}, {@code cherry-pick} and {@code revert} run.
 */
public final class RootMerger {
    private final Repository repo;
    private final ChunkBuffer out;
    private final RowConstraintChecker checks;
    private final boolean strictRows;
    /** The foreign keys of ours' root, when the caller knows it: the checks then look only at tables the merge can affect. */
    private final ForeignKeyIndex oursForeignKeys;
    /** Tables the constraint checks of merges looked at, in this process (an operation count for the regression check). */
    private static final LongAdder TABLES_CHECKED = new LongAdder();

    public RootMerger(Repository repo, ChunkBuffer out) {
        this(repo, out, RowConstraintChecker.NONE);
    }

    /** {@code checks} evaluates CHECK constraints on the rows the merge changes ({@link RowConstraintChecker#NONE}: none). */
    public RootMerger(Repository repo, ChunkBuffer out, RowConstraintChecker checks) {
        this(repo, out, checks, false);
    }

    private RootMerger(Repository repo, ChunkBuffer out, RowConstraintChecker checks, boolean strictRows) {
        this(repo, out, checks, strictRows, null);
    }

    private RootMerger(Repository repo, ChunkBuffer out, RowConstraintChecker checks, boolean strictRows,
                       ForeignKeyIndex oursForeignKeys) {
        this.repo = repo;
        this.out = out;
        this.checks = checks;
        this.strictRows = strictRows;
        this.oursForeignKeys = oursForeignKeys;
    }

    /**
     * This merger, told the foreign keys of the root passed as ours ({@link Repository#foreignKeys}, cached per
     * root): foreign keys are then checked on the tables the merge changed and their children only, instead of on
     * every table of the database, so a transaction commit's merge costs what it changes, not the table count.
     */
    public RootMerger knowingOurForeignKeys(ForeignKeyIndex index) {
        return new RootMerger(repo, out, checks, strictRows, index);
    }

    /** Tables whose constraints merges have checked so far in this process. */
    public static long tablesChecked() {
        return TABLES_CHECKED.sum();
    }

    /**
     * The merge of a transaction commit: a row changed on both sides (in a table whose schema neither changed) is
     * a conflict even when its cells would merge, so two concurrent read-modify-writes never become one
     * (first committer wins; see {@link TableMerger#TableMerger(ChunkBuffer, boolean)}).
     */
    public static RootMerger forTransactionCommit(Repository repo, ChunkBuffer out, RowConstraintChecker checks) {
        return new RootMerger(repo, out, checks, true);
    }

    /** The merged root and the tables left unresolved (empty when clean). */
    public record Result(RootValue root, List<TableConflicts> conflicts) {
        public boolean isClean() {
            return conflicts.isEmpty();
        }
    }

    /** Merges and fails on the first table that does not merge cleanly. */
    public RootValue merge(RootValue base, RootValue ours, RootValue theirs) {
        Result r = mergeWithConflicts(base, ours, theirs);
        if (!r.isClean()) {
            throw failure(r.conflicts().get(0));
        }
        return r.root();
    }

    /** The failure {@link #merge} reports for a table left unresolved. */
    static MergeConflictException failure(TableConflicts c) {
        String why = c.schemaConflict() != null ? c.schemaConflict()
                : c.rowConflictCount() > 0 ? c.rowConflictCount() + " row(s) were changed concurrently"
                : c.violationCount() + " row(s) would violate a unique key, foreign key or check constraint";
        return new MergeConflictException(c.table(), "table '" + c.table() + "': " + why);
    }

    public Result mergeWithConflicts(RootValue base, RootValue ours, RootValue theirs) {
        // a table theirs left as it was in base keeps ours' version, so only theirs' changes need a look (a diff
        // of the two table maps: the cost follows the change, not the number of tables)
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(theirs.changedTablesSince(base));
        RootValue result = DatabaseCollationMerge.merge(base, ours, theirs);
        List<TableConflicts> conflicts = new ArrayList<>();
        // the tables whose value in result differs from ours: the only ones whose rows the checks below must see
        TreeSet<String> touched = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : names) {
            Hash b = base.table(name).orElse(null);
            Hash o = ours.table(name).orElse(null);
            Hash t = theirs.table(name).orElse(null);
            if (Objects.equals(b, t)) {
                continue;
            }
            if (Objects.equals(o, t) && !(strictRows && b != null && o != null)
                    && !(b != null && o != null && repo.readTable(out, o).schema().isKeyless())) {
                // both sides made the same change; in a transaction commit that is still two writers of the same
                // rows (two v = v + 1 from one snapshot give equal tables), which the strict merge below refuses;
                // in a keyless table every row both sides changed is a cardinality conflict (TableMerger)
                continue;
            }
            if (Objects.equals(b, o)) {
                String stored = theirs.resolveName(name).orElse(name);
                result = t == null ? result.withoutTable(name) : result.withTable(stored, t);
                touched.add(name);
                continue;
            }
            if (o == null || t == null) {
                conflicts.add(new TableConflicts(name, b, o, t, null, 0, null, 0,
                        "table was modified in one branch and deleted in the other")); // Dolt's words
                continue;
            }
            TableValue bt = b == null ? null : repo.readTable(out, b);
            TableMerger.Result r = new TableMerger(out, strictRows, checks).merge(ours.resolveName(name).orElse(name), b, bt, o,
                    repo.readTable(out, o), t, repo.readTable(out, t));
            TableValue ot = repo.readTable(out, o);
            TableValue filled = r.conflicts() != null && r.conflicts().schemaConflict() != null ? r.merged()
                    : NewColumnDefaults.fill(out, checks, bt, ot, repo.readTable(out, t), r.merged());
            TableValue merged = GeneratedColumnRefresh.refresh(out, checks, ot, filled);
            // written through the repository, which keeps it decoded: the foreign-key check below and the next
            // transaction (which starts from this root) read it back instead of decoding its chunk
            result = result.withTable(ours.resolveName(name).orElse(name), repo.writeTable(out, merged));
            touched.add(name);
            if (r.conflicts() != null) {
                conflicts.add(r.conflicts());
            }
        }
        if (sameTables(result, ours, touched)) {
            return new Result(result, conflicts); // nothing changed ours: no row can break a constraint
        }
        List<TableConflicts> all = withForeignKeyViolations(base, ours, theirs, result, conflicts, touched);
        return new Result(result, withCheckViolations(base, ours, theirs, result, all, touched));
    }

    /**
     * True when {@code merged}, which differs from {@code ours} in the {@code touched} tables at most, holds the same
     * table values as ours: one lookup per touched table, where comparing the roots listed both table maps (with the
     * merge's overlay, a root cannot compare its stored map by address).
     */
    private static boolean sameTables(RootValue merged, RootValue ours, TreeSet<String> touched) {
        for (String name : touched) {
            if (!Objects.equals(merged.tableHash(name), ours.tableHash(name))) {
                return false;
            }
        }
        return true;
    }

    /**
     * CHECK constraints hold for every row the merge changed relative to ours (each side's rows passed them, but
     * a merged row combines cells of both, and a check added on one side meets the other side's rows). Failing
     * rows stay and are recorded, like foreign-key violations.
     */
    private List<TableConflicts> withCheckViolations(RootValue base, RootValue ours, RootValue theirs,
                                                     RootValue merged, List<TableConflicts> conflicts,
                                                     TreeSet<String> touched) {
        if (checks == RowConstraintChecker.NONE) {
            return conflicts;
        }
        CheckConstraintScan scan = new CheckConstraintScan(repo, out, checks);
        List<TableConflicts> result = conflicts;
        // only a table the merge changed has rows ours did not have (a dropped one has none to check)
        TreeSet<String> stored = new TreeSet<>();
        for (String t : touched) {
            merged.resolveName(t).ifPresent(stored::add);
        }
        for (String name : stored) {
            if (!merged.table(name).equals(ours.table(name))) {
                TABLES_CHECKED.increment();
                result = withViolations(result, name, scan.checkChanges(name, merged, ours), base, ours, theirs,
                        merged);
            }
        }
        return result;
    }

    /**
     * Foreign keys are checked once every table is merged, since a child and its parent can each merge cleanly
     * and still disagree (a row added on one side, its parent deleted on the other). Violating rows stay; each
     * is recorded in its table's violation map next to any unique-key violations.
     */
    private List<TableConflicts> withForeignKeyViolations(RootValue base, RootValue ours, RootValue theirs,
                                                          RootValue merged, List<TableConflicts> conflicts,
                                                          TreeSet<String> touched) {
        ForeignKeyChecker checker = new ForeignKeyChecker(repo, out, merged);
        List<TableConflicts> result = conflicts;
        for (String name : foreignKeyTables(merged, touched)) {
            TABLES_CHECKED.increment();
            result = withViolations(result, name, checker.checkChanges(name, ours), base, ours, theirs, merged);
        }
        return result;
    }

    /**
     * The tables whose foreign keys the merge can break: a child's check finds something only when its own rows
     * or foreign keys changed (then it is touched) or a parent it references changed (then it is among that
     * parent's children in ours' index: a child that is not touched has ours' foreign keys). Without the index,
     * every table. Stored names, in order, as iterating the merged root gave them.
     */
    private java.util.Collection<String> foreignKeyTables(RootValue merged, TreeSet<String> touched) {
        if (oursForeignKeys == null) {
            return merged.tables().keySet();
        }
        TreeSet<String> names = new TreeSet<>();
        for (String t : touched) {
            merged.resolveName(t).ifPresent(names::add);
            for (ForeignKeyIndex.Reference ref : oursForeignKeys.childrenOf(t)) {
                merged.resolveName(ref.child()).ifPresent(names::add);
            }
        }
        return names;
    }

    /** Adds {@code found} (row key → description) to the table's violation map, creating its entry if needed. */
    private List<TableConflicts> withViolations(List<TableConflicts> conflicts, String name,
                                                java.util.Map<byte[], String> found, RootValue base,
                                                RootValue ours, RootValue theirs, RootValue merged) {
        if (found.isEmpty()) {
            return conflicts;
        }
        List<TableConflicts> result = new ArrayList<>(conflicts);
        TableConflicts existing = null;
        for (TableConflicts c : result) {
            if (c.table().equalsIgnoreCase(name)) {
                existing = c;
            }
        }
        ProllyMap violations = existing == null || existing.violations() == null ? ProllyMap.empty(out)
                : ProllyMap.load(out, existing.violations());
        dev.scion.storage.prolly.MapEdits edits = new dev.scion.storage.prolly.MapEdits();
        ProllyMap rows = merged.table(name).map(h -> ProllyMap.load(out, repo.readTable(out, h).rows()))
                .orElse(ProllyMap.empty(out));
        for (var e : found.entrySet()) {
            byte[] had = violations.get(e.getKey());
            ViolationRecord record = had == null ? new ViolationRecord(e.getValue(), rows.get(e.getKey()))
                    : ViolationRecord.decode(had).plus(e.getValue());
            edits.put(e.getKey(), record.encode());
        }
        ProllyMap next = violations.edit(edits, out);
        TableConflicts updated = existing == null
                ? new TableConflicts(name, base.table(name).orElse(null), ours.table(name).orElse(null),
                        theirs.table(name).orElse(null), null, 0, next.root(), next.count(), null)
                : new TableConflicts(existing.table(), existing.base(), existing.ours(), existing.theirs(),
                        existing.rowConflicts(), existing.rowConflictCount(), next.root(), next.count(),
                        existing.schemaConflict());
        result.remove(existing);
        result.add(updated);
        return result;
    }
}
