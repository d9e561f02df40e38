package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.ddl.CreateTableText;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.TableValue;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.Iterator;
import java.util.List;

/**
 * dolt_schema_diff(from, to [, table]): for each table whose definition differs, its name and CREATE TABLE
 * statement (as `scion diff` prints it) on each side; '' where the table is absent.
 */
final class SchemaDiffFunction implements SystemTable {
    private final DatabaseState db;
    private final DiffSides sides;
    private final String table;

    private SchemaDiffFunction(DatabaseState db, DiffSides sides, String table) {
        this.db = db;
        this.sides = sides;
        this.table = table;
    }

    static SchemaDiffFunction create(Session session, DatabaseState db, List<String> args) {
        DiffSides.Parsed p = DiffSides.parse("dolt_schema_diff", session, db, args, 0, 1);
        // a table neither side holds gives no rows, as in Dolt (dolt_diff and dolt_patch refuse it)
        String table = p.rest().isEmpty() ? null : p.rest().get(0);
        return new SchemaDiffFunction(db, p.sides(), table);
    }

    @Override
    public String name() {
        return "dolt_schema_diff";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("from_table_name", Columns.text(f, 1024)).add("to_table_name", Columns.text(f, 1024))
                .add("from_create_statement", Columns.text(f, 65535))
                .add("to_create_statement", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState ignored) {
        Iterator<Object[]> rows = TableChanges.between(db, sides.from().root(), sides.to().root()).stream()
                .filter(c -> table == null || c.names(table))
                .map(this::row).filter(r -> !r[2].equals(r[3])).iterator();
        return () -> rows.hasNext() ? rows.next() : null;
    }

    /** A renamed table (paired as dolt_diff pairs them) is one row naming both names. */
    private Object[] row(TableChanges.Change c) {
        TableValue f = c.fromName() == null ? null : sides.from().table(db, c.fromName()).orElse(null);
        TableValue t = c.toName() == null ? null : sides.to().table(db, c.toName()).orElse(null);
        return new Object[] {f == null ? "" : c.fromName(), t == null ? "" : c.toName(),
            f == null ? "" : CreateTableText.of(c.fromName(), f.schema(), 0) + ";",
            t == null ? "" : CreateTableText.of(c.toName(), t.schema(), 0) + ";"};
    }
}
