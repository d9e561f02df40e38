package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.diff.RowChange;
import dev.scion.versioning.diff.SchemaDiffer;
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
 * DELETE), the same text {@code scion diff --sql} prints. A renamed table (paired as dolt_diff pairs them) is
 * {@code RENAME TABLE} followed by its changes. Row statements stream from the prolly-tree diff.
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
        Iterator<TableChanges.Change> changes = TableChanges.between(db, sides.from().root(), sides.to().root())
                .stream().filter(c -> table == null || c.names(table)).iterator();
        return new RowStream() {
            long order;
            TableChanges.Change current;
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
                    while (rows.hasNext()) {
                        String statement = dataStatement(rows.next());
                        if (statement != null) {
                            return row("data", statement);
                        }
                    }
                    if (!changes.hasNext()) {
                        return null;
                    }
                    open(changes.next());
                }
            }

            private void open(TableChanges.Change c) {
                current = c;
                from = c.fromName() == null ? null : sides.from().table(db, c.fromName()).orElseThrow();
                to = c.toName() == null ? null : sides.to().table(db, c.toName()).orElseThrow();
                if (from == null) {
                    schemaStatements.add(dev.scion.sql.ddl.CreateTableText.of(c.toName(), to.schema(), 0) + ";");
                } else if (to == null) {
                    schemaStatements.add(SqlScript.dropTable(c.fromName()));
                } else {
                    if (c.renamed()) {
                        schemaStatements.add(SqlScript.renameTable(c.fromName(), c.toName()));
                    }
                    schemaStatements.addAll(SqlScript.alter(c.toName(), to.schema(),
                            SchemaDiffer.diff(from.schema(), to.schema())));
                }
                rows = to == null ? Collections.emptyIterator()
                        : DiffFunction.changes(db, sides, c.fromName(), c.toName());
            }

            /** The statement of one row change; null for a changed row no column of the same name differs in. */
            private String dataStatement(RowChange c) {
                String name = current.name();
                return switch (c.kind()) {
                    case ADDED -> SqlScript.insert(name, to.schema(), c.after());
                    case REMOVED -> SqlScript.delete(name, from.schema(), c.before());
                    case MODIFIED -> {
                        List<String> set = SqlScript.changedByName(from.schema(), c.before(), to.schema(), c.after());
                        yield set.isEmpty() ? null : SqlScript.update(name, to.schema(), c.after(), set);
                    }
                };
            }

            private Object[] row(String type, String statement) {
                return new Object[] {++order, sides.from().label(), sides.to().label(), current.name(), type,
                    statement};
            }
        };
    }
}
