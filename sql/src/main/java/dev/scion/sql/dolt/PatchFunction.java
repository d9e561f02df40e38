package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.RowChange;
import dev.scion.versioning.diff.SchemaDiffer;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.sqlgen.SqlScript;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * dolt_patch(from, to [, table]): the SQL statements that turn "from" into "to", numbered in the order they must
 * run: per table its schema statements (CREATE / DROP / ALTER TABLE), then its row statements (INSERT, UPDATE,
 * DELETE), the same text {@code scion diff --sql} prints. Row statements stream from the prolly-tree diff.
 */
final class PatchFunction implements SystemTable {
    private final DatabaseState db;
    private final DiffSides sides;
    private final String table;

    private PatchFunction(DatabaseState db, DiffSides sides, String table) {
        this.db = db;
        this.sides = sides;
        this.table = table;
    }

    static PatchFunction create(Session session, DatabaseState db, List<String> args) {
        DiffSides.Parsed p = DiffSides.parse("dolt_patch", session, db, args, 0, 1);
        String table = p.rest().isEmpty() ? null : p.sides().requireTable(p.rest().get(0));
        return new PatchFunction(db, p.sides(), table);
    }

    @Override
    public String name() {
        return "dolt_patch";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("statement_order", Columns.bigint(f))
                .add("from_commit_hash", Columns.text(f, 1024)).add("to_commit_hash", Columns.text(f, 1024))
                .add("table_name", Columns.text(f, 1024)).add("diff_type", Columns.text(f, 16))
                .add("statement", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState ignored) {
        Iterator<TableDelta> deltas = new RootDiffer(db.repo(), db.buffer())
                .diff(sides.from().root(), sides.to().root()).stream()
                .filter(d -> table == null || d.name().equalsIgnoreCase(table)).iterator();
        return new RowStream() {
            long order;
            TableDelta current;
            final Deque<String> schemaStatements = new ArrayDeque<>();
            Iterator<RowChange> rows = Collections.emptyIterator();
            TableValue from;
            TableValue to;

            @Override
            public Object[] next() {
                while (true) {
                    if (!schemaStatements.isEmpty()) {
                        return row("schema", schemaStatements.poll());
                    }
                    if (rows.hasNext()) {
                        return row("data", dataStatement(rows.next()));
                    }
                    if (!deltas.hasNext()) {
                        return null;
                    }
                    open(deltas.next());
                }
            }

            private void open(TableDelta d) {
                current = d;
                from = sides.from().table(db, d.name()).orElse(null);
                to = sides.to().table(db, d.name()).orElse(null);
                switch (d.kind()) {
                    case ADDED -> schemaStatements.add(
                            dev.scion.sql.ddl.CreateTableText.of(d.name(), to.schema(), 0) + ";");
                    case DROPPED -> schemaStatements.add(SqlScript.dropTable(d.name()));
                    case MODIFIED -> schemaStatements.addAll(SqlScript.alter(d.name(), to.schema(),
                            SchemaDiffer.diff(from.schema(), to.schema())));
                }
                rows = d.kind() == TableDelta.Kind.DROPPED ? Collections.emptyIterator()
                        : DiffFunction.changes(db, sides, d.name());
            }

            private String dataStatement(RowChange c) {
                return switch (c.kind()) {
                    case ADDED -> SqlScript.insert(current.name(), to.schema(), c.after());
                    case REMOVED -> SqlScript.delete(current.name(), from.schema(), c.before());
                    case MODIFIED -> SqlScript.update(current.name(), to.schema(), c.after(), c.changedColumns());
                };
            }

            private Object[] row(String type, String statement) {
                return new Object[] {++order, sides.from().label(), sides.to().label(), current.name(), type,
                    statement};
            }
        };
    }
}
