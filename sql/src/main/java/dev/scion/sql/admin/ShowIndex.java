package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.catalog.IndexRows;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/** SHOW {INDEX | INDEXES | KEYS} FROM t [FROM db] [WHERE]: one row per key column, PRIMARY first. */
final class ShowIndex implements AdminStatement {
    static final List<String> COLUMNS = List.of("Table", "Non_unique", "Key_name", "Seq_in_index", "Column_name",
            "Collation", "Cardinality", "Sub_part", "Packed", "Null", "Index_type", "Comment", "Index_comment",
            "Visible", "Expression");

    private final String database;
    private final String table;
    private final ShowFilter filter;

    ShowIndex(String database, String table, ShowFilter filter) {
        this.database = database;
        this.table = table;
        this.filter = filter;
    }

    /** The rows of SHOW INDEX for a table. */
    static List<Object[]> rows(String table, TableSchema schema) {
        List<Object[]> rows = new ArrayList<>();
        for (IndexRows.KeyColumn k : IndexRows.of(schema)) {
            rows.add(new Object[] {table, k.unique() ? 0L : 1L, k.index(), (long) k.seq(), k.column(), "A", 0L, null,
                null, k.nullable() ? "YES" : "", k.type(), "", "", "YES", null});
        }
        return rows;
    }

    @Override
    public StatementResult execute(Session session) {
        TableLookup t = TableLookup.of(session, database, table);
        return filter.result(session, COLUMNS, rows(t.stored(), t.value().schema()));
    }
}
