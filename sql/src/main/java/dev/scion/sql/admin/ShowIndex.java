package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.catalog.IndexRows;
import dev.scion.versioning.schema.TableSchema;

import dev.scion.sql.stats.StatisticsStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /**
     * The rows of SHOW INDEX for a table. Cardinality is the number of distinct values of the index's columns up to
     * this one, from the table's statistics when ANALYZE TABLE (or dolt_statistics) has collected them for its
     * current content, else 0.
     */
    static List<Object[]> rows(String table, TableSchema schema, Map<String, List<Long>> cardinalities) {
        List<Object[]> rows = new ArrayList<>();
        for (IndexRows.KeyColumn k : IndexRows.of(schema)) {
            List<Long> c = cardinalities.get(k.index().toLowerCase(Locale.ROOT));
            long cardinality = c != null && k.seq() <= c.size() ? c.get(k.seq() - 1) : 0L;
            rows.add(new Object[] {table, k.unique() ? 0L : 1L, k.index(), (long) k.seq(), k.column(), "A",
                cardinality, k.subPart(), null, k.nullable() ? "YES" : "", k.type(), "", "", "YES", k.expression()});
        }
        return rows;
    }

    /** SHOW INDEX of a system table: the indexes it declares, with no statistics. */
    private static List<Object[]> systemRows(String table, List<dev.scion.versioning.schema.IndexDef> indexes) {
        List<Object[]> rows = new ArrayList<>();
        for (var ix : indexes) {
            for (int i = 0; i < ix.columns().size(); i++) {
                rows.add(new Object[] {table, ix.unique() ? 0L : 1L, ix.name(), (long) i + 1, ix.columns().get(i),
                    null, 0L, null, null, "YES", "BTREE", "", "", "YES", null});
            }
        }
        return rows;
    }

    @Override
    public StatementResult execute(Session session) {
        if (ViewColumns.ofSystemDatabase(session, database, table).isPresent()) {
            // information_schema and the mysql grant tables keep no indexes here (a missing table is 1146 above)
            return filter.result(session, COLUMNS, List.of());
        }
        var db = database == null ? session.current() : session.database(database);
        if (db.workingRoot().resolveName(table).isEmpty()) {
            var system = dev.scion.sql.dolt.SystemTables.find(table, db);
            if (system.isPresent()) {
                dev.scion.sql.privilege.AccessChecks.requireAnyOnTable(session, "SELECT", db.databaseName(), table);
                return filter.result(session, COLUMNS, systemRows(system.get().name(), system.get().indexes()));
            }
            if (dev.scion.sql.catalog.Views.definition(db, table).isPresent()) {
                // a view has no indexes: MySQL answers an empty set rather than 1146
                dev.scion.sql.privilege.AccessChecks.requireAnyOnTable(session, "SELECT", db.databaseName(), table);
                return filter.result(session, COLUMNS, List.of());
            }
        }
        TableLookup t = TableLookup.of(session, database, table);
        Map<String, List<Long>> cardinalities = new HashMap<>();
        StatisticsStore.of(t.db().repo()).cached(t.stored(), t.db().workingRoot().tableHash(t.stored()))
                .ifPresent(all -> all.forEach(s -> cardinalities.put(s.index(), s.prefixDistinct())));
        return filter.result(session, COLUMNS, rows(t.stored(), t.value().schema(), cardinalities));
    }
}
