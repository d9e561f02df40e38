package dev.scion.sql.dolt;

import dev.scion.versioning.ops.IgnorePatterns;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * dolt_status: tables whose staged version differs from HEAD (staged = 1) and whose working version (as the
 * session's transaction sees it) differs from the staged one (staged = 0), plus tables in conflict. A change of the
 * database collation is listed as Dolt lists it, as the table {@code __DATABASE__<db>}.
 */
final class DoltStatusTable implements SystemTable {
    /** dolt_status_ignored: the same rows plus new tables dolt_ignore matches, each with an ignored flag. */
    private final boolean withIgnored;

    DoltStatusTable() {
        this(false);
    }

    DoltStatusTable(boolean withIgnored) {
        this.withIgnored = withIgnored;
    }

    @Override
    public String name() {
        return withIgnored ? "dolt_status_ignored" : "dolt_status";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder().add("table_name", Columns.text(f, 1024))
                .add("staged", Columns.flag(f)).add("status", Columns.text(f, 64));
        if (withIgnored) {
            b.add("ignored", Columns.flag(f));
        }
        return b.build();
    }

    @Override
    public java.util.Optional<dev.scion.versioning.schema.TableSchema> declaredSchema() {
        DeclaredSchema d = new DeclaredSchema().key("table_name", DeclaredSchema.text())
                .key("staged", DeclaredSchema.bool()).key("status", DeclaredSchema.text());
        if (withIgnored) {
            d.column("ignored", DeclaredSchema.bool(), false);
        }
        return java.util.Optional.of(d.build());
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        RootValue head = VersionedRoots.head(session, db);
        RootValue staged = VersionedRoots.staged(session, db);
        RootValue working = db.workingRoot();
        RootDiffer differ = new RootDiffer(db.repo(), db.buffer());
        List<Object[]> rows = new ArrayList<>();
        MergeState ms = VersionedRoots.mergeState(db);
        // a table with only violations or a schema conflict is listed by that alone (Dolt's rule); one with row
        // conflicts also shows its unstaged changes
        java.util.Set<String> artifactOnly = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (ms != null) {
            for (TableConflicts t : ms.tables()) {
                if (!t.isResolved() && !t.hasRowConflicts()) {
                    artifactOnly.add(t.table());
                }
            }
        }
        for (TableDelta d : differ.diff(head, staged)) {
            rows.add(row(d.name(), 1L, word(d), false));
        }
        if (DatabaseCollationEntry.changed(head, staged)) {
            rows.add(row(DatabaseCollationEntry.name(db), 1L, "modified", false));
        }
        IgnorePatterns ignore = IgnorePatterns.of(db.repo(), db.buffer(), working);
        for (TableDelta d : differ.diff(staged, working)) {
            boolean ignored = d.kind() == TableDelta.Kind.ADDED && ignore.isIgnored(d.name());
            if ((withIgnored || !ignored) && !artifactOnly.contains(d.name())) {
                rows.add(row(d.name(), 0L, word(d), ignored));
            }
        }
        if (DatabaseCollationEntry.changed(staged, working)) {
            rows.add(row(DatabaseCollationEntry.name(db), 0L, "modified", false));
        }
        // as in Dolt, a table with row conflicts is listed again after its changes (the merged rows are unstaged)
        if (ms != null) {
            for (TableConflicts t : ms.tables()) {
                if (!t.isResolved()) {
                    rows.add(row(t.table(), 0L, t.schemaConflict() != null ? "schema conflict"
                            : t.hasRowConflicts() ? "conflict" : "constraint violation", false));
                }
            }
        }
        return RowStream.of(rows);
    }

    private Object[] row(String table, long staged, String status, boolean ignored) {
        return withIgnored ? new Object[] {table, staged, status, ignored ? 1L : 0L}
                : new Object[] {table, staged, status};
    }

    private static String word(TableDelta d) {
        return switch (d.kind()) {
            case ADDED -> "new table";
            case DROPPED -> "deleted";
            case MODIFIED -> "modified";
        };
    }
}
