package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.merge.RootMerger;
import dev.scion.versioning.merge.SchemaMerger;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.table.RowCodec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * What merging one commit into another would leave unresolved, without merging: the three-way merge runs into a
 * private buffer that is never written, so nothing in the repository changes (dolt_preview_merge_conflicts*).
 * Up to date and fast-forward merges have nothing to preview.
 */
public final class MergePreview {
    private final Repository repo;
    private final ChunkBuffer buffer;
    private final RootMerger.Result result;

    private MergePreview(Repository repo, ChunkBuffer buffer, RootMerger.Result result) {
        this.repo = repo;
        this.buffer = buffer;
        this.result = result;
    }

    public static MergePreview of(Repository repo, Hash ours, Hash theirs) {
        return of(repo, ours, theirs, dev.scion.versioning.merge.RowConstraintChecker.NONE);
    }

    /** With the SQL evaluation the merge itself would use (JSON cells, defaults and generated columns). */
    public static MergePreview of(Repository repo, Hash ours, Hash theirs,
                                  dev.scion.versioning.merge.RowConstraintChecker sql) {
        ChunkBuffer buf = repo.newBuffer();
        Optional<Hash> base = MergeBase.find(repo, ours, theirs);
        if (base.isEmpty() || base.get().equals(theirs) || base.get().equals(ours)) {
            return new MergePreview(repo, buf, null);
        }
        RootValue b = repo.readRoot(buf, repo.readCommit(base.get()).root());
        RootValue o = repo.readRoot(buf, repo.readCommit(ours).root());
        RootValue t = repo.readRoot(buf, repo.readCommit(theirs).root());
        return new MergePreview(repo, buf, new RootMerger(repo, buf, sql).mergeWithConflicts(b, o, t));
    }

    /**
     * Tables with row or schema conflicts, in name order. Constraint violations are not previewed, and, as in Dolt,
     * neither are differing foreign-key definitions: the preview compares table schemas without them.
     */
    public List<TableConflicts> conflicts() {
        List<TableConflicts> out = new ArrayList<>();
        if (result != null) {
            for (TableConflicts c : result.conflicts()) {
                String schema = SchemaMerger.withoutForeignKeyProblems(c.schemaConflict());
                if (c.rowConflictCount() > 0 || schema != null) {
                    out.add(new TableConflicts(c.table(), c.base(), c.ours(), c.theirs(), c.rowConflicts(),
                            c.rowConflictCount(), c.violations(), c.violationCount(), schema));
                }
            }
            out.sort((x, y) -> x.table().compareToIgnoreCase(y.table()));
        }
        return out;
    }

    /** The merged root (ours when there is nothing to merge). */
    public Optional<RootValue> merged() {
        return result == null ? Optional.empty() : Optional.of(result.root());
    }

    /** A table of the merged root (read from the preview's own buffer) by name, case-insensitively. */
    public Optional<dev.scion.versioning.schema.TableSchema> mergedSchema(String table) {
        return result == null ? Optional.empty()
                : result.root().table(table).map(h -> repo.readTable(buffer, h).schema());
    }

    /** The conflicting rows of one table, decoded in the merged schema, streamed from the conflict map. */
    public Iterator<ConflictsOp.RowConflict> rows(String table) {
        TableConflicts tc = conflicts().stream().filter(c -> c.table().equalsIgnoreCase(table)).findFirst()
                .orElse(null);
        if (tc == null || tc.rowConflicts() == null) {
            return List.<ConflictsOp.RowConflict>of().iterator();
        }
        Hash merged = result.root().table(table).orElseThrow();
        RowCodec codec = new RowCodec(repo.readTable(buffer, merged).schema());
        ProllyCursor c = ProllyMap.load(buffer, tc.rowConflicts()).cursor();
        return new Iterator<>() {
            private Boolean has;

            @Override
            public boolean hasNext() {
                if (has == null) {
                    has = c.next();
                    if (!has) {
                        c.close();
                    }
                }
                return has;
            }

            @Override
            public ConflictsOp.RowConflict next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                has = null;
                return ConflictsOp.RowConflict.of(codec, c.key(), c.value());
            }
        };
    }
}
