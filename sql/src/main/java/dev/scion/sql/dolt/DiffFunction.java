package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.diff.RowChange;
import dev.scion.versioning.diff.RowDiffer;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * dolt_diff(from, to, table) and dolt_diff('from..to', table): the row changes of one table between two
 * revisions. The to_ columns follow the table's schema at "to", the from_ columns its schema at "from" (a side
 * without the table borrows the other's; with @@dolt_override_schema both follow the override's), then the
 * revision names as given, their commit dates and diff_type.
 * Rows stream from a prolly-tree diff, so the cost follows the size of the change.
 */
final class DiffFunction implements SystemTable {
    private final DatabaseState db;
    private final DiffSides sides;
    private final String table;
    private final TableSchema fromSchema;
    private final TableSchema toSchema;
    private final ShownColumns fromColumns;
    private final ShownColumns toColumns;

    private DiffFunction(DatabaseState db, DiffSides sides, String table, TableSchema shown) {
        this.db = db;
        this.sides = sides;
        this.table = table;
        TableSchema f = sides.from().schema(db, table);
        TableSchema t = sides.to().schema(db, table);
        this.fromSchema = shown != null ? shown : f != null ? f : t;
        this.toSchema = shown != null ? shown : t != null ? t : f;
        this.fromColumns = new ShownColumns(fromSchema, f);
        this.toColumns = new ShownColumns(toSchema, t);
    }

    static DiffFunction create(Session session, DatabaseState db, List<String> args) {
        DiffSides.Parsed p = DiffSides.parse("dolt_diff", session, db, args, 1, 1);
        String table = p.sides().requireTable(p.rest().get(0));
        // with @@dolt_override_schema both sides show in the override's schema, cells placed by column
        return new DiffFunction(db, p.sides(), table, SchemaOverride.overriddenSchema(session, db, table));
    }

    /**
     * dolt_commit_diff_&lt;t&gt; (see CommitDiffRewriter): args are from, to and the table; both sides are shown
     * in the table's current schema, cells matched by column tag, and a side without the table is empty.
     */
    static DiffFunction commitDiff(Session session, DatabaseState db, List<String> args) {
        DiffSides.Parsed p = DiffSides.parse("dolt_commit_diff", session, db, args, 1, 1);
        String name = p.rest().get(0);
        String table = db.workingRoot().resolveName(name).orElseGet(() -> p.sides().requireTable(name));
        TableSchema current = db.workingRoot().table(table).map(h -> db.repo().readTable(db.buffer(), h).schema())
                .orElse(null);
        return new DiffFunction(db, p.sides(), table, current);
    }

    @Override
    public String name() {
        return "dolt_diff";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        addSide(f, b, "to", toSchema);
        addSide(f, b, "from", fromSchema);
        b.add("diff_type", Columns.text(f, 16));
        return b.build();
    }

    private static void addSide(RelDataTypeFactory f, RelDataTypeFactory.Builder b, String side, TableSchema s) {
        for (Column c : s.columns()) {
            b.add(side + "_" + c.name(), f.createTypeWithNullability(TypeMapping.toCalcite(f, c), true));
        }
        b.add(side + "_commit", Columns.text(f, 1024)).add(side + "_commit_date", Columns.datetime(f));
    }

    @Override
    public RowStream scan(Session session, DatabaseState ignored) {
        Iterator<RowChange> changes = changes(db, sides, table);
        int nTo = toSchema.columns().size();
        int nFrom = fromSchema.columns().size();
        return () -> {
            if (!changes.hasNext()) {
                return null;
            }
            RowChange ch = changes.next();
            Object[] out = new Object[nTo + nFrom + 5];
            toColumns.copy(ch.after(), out, 0, session);
            out[nTo] = sides.to().label();
            out[nTo + 1] = sides.to().date();
            fromColumns.copy(ch.before(), out, nTo + 2, session);
            out[nTo + nFrom + 2] = sides.from().label();
            out[nTo + nFrom + 3] = sides.from().date();
            out[nTo + nFrom + 4] = switch (ch.kind()) {
                case ADDED -> "added";
                case REMOVED -> "removed";
                case MODIFIED -> "modified";
            };
            return out;
        };
    }

    /** The row changes of a table between the two sides; a side without the table counts as an empty table. */
    static Iterator<RowChange> changes(DatabaseState db, DiffSides sides, String table) {
        return changes(db, sides, table, table);
    }

    /** The row changes of a table stored under {@code fromName} on one side and {@code toName} on the other. */
    static Iterator<RowChange> changes(DatabaseState db, DiffSides sides, String fromName, String toName) {
        var fromHash = fromName == null ? java.util.Optional.<dev.scion.storage.Hash>empty()
                : sides.from().root().table(fromName);
        var toHash = toName == null ? java.util.Optional.<dev.scion.storage.Hash>empty()
                : sides.to().root().table(toName);
        if (fromHash.equals(toHash)) {
            return Collections.emptyIterator();
        }
        TableValue f = fromHash.map(h -> db.repo().readTable(db.buffer(), h)).orElse(null);
        TableValue t = toHash.map(h -> db.repo().readTable(db.buffer(), h)).orElse(null);
        var empty = ProllyMap.empty(db.buffer()).root();
        if (f == null) {
            f = new TableValue(t.schema(), empty, Map.of(), 0);
        }
        if (t == null) {
            t = new TableValue(f.schema(), empty, Map.of(), 0);
        }
        return new RowDiffer(db.buffer(), f, t);
    }
}
