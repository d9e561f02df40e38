package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.IndexDef;
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

    /** The rows of SHOW INDEX for a table (also information_schema.STATISTICS). */
    static List<Object[]> rows(String table, TableSchema schema) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            rows.add(row(table, schema, "PRIMARY", false, i + 1, schema.primaryKey().get(i)));
        }
        for (IndexDef ix : schema.indexes()) {
            for (int i = 0; i < ix.columns().size(); i++) {
                rows.add(row(table, schema, ix.name(), !ix.unique(), i + 1, ix.columns().get(i)));
            }
        }
        return rows;
    }

    private static Object[] row(String table, TableSchema schema, String name, boolean nonUnique, int seq,
                                String column) {
        boolean nullable = schema.column(column).map(c -> c.nullable()).orElse(false);
        return new Object[] {table, nonUnique ? 1L : 0L, name, (long) seq, column, "A", 0L, null, null,
            nullable ? "YES" : "", "BTREE", "", "", "YES", null};
    }

    @Override
    public StatementResult execute(Session session) {
        TableLookup t = TableLookup.of(session, database, table);
        return filter.result(session, COLUMNS, rows(t.stored(), t.value().schema()));
    }
}
