package dev.scion.sql.catalog;

import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * information_schema.VIEW_TABLE_USAGE: for each view, the tables and views its query reads (FROM clauses at any
 * depth, subqueries included, common table expressions not), read from the stored CREATE VIEW text.
 */
final class ViewTableUsage {
    private static final String CATALOG = "def";

    private ViewTableUsage() {
    }

    static List<Object[]> rows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (String name : InformationSchema.shownDatabases(session)) {
            if (!session.access().hasAnyOnDatabase(RevisionName.parse(name).database())) {
                continue;
            }
            session.findDatabase(name).ifPresent(db -> Views.all(db).forEach((view, definition) -> {
                if (!session.access().hasAnyOnTable(db.databaseName(), view)) {
                    return;
                }
                for (String[] table : tablesOf(definition.substring(definition.indexOf(" AS ") + 4), db.name())) {
                    rows.add(new Object[] {CATALOG, db.name(), view, CATALOG, table[0], table[1]});
                }
            }));
        }
        return rows;
    }

    /** The distinct {schema, table} pairs a query reads; none when its text does not parse. */
    static List<String[]> tablesOf(String query, String defaultSchema) {
        SqlNode node;
        try {
            node = StatementReader.statement(query);
        } catch (RuntimeException unparsable) {
            return List.of();
        }
        Set<List<String>> found = new LinkedHashSet<>();
        new Walker(defaultSchema, found).query(node, Set.of());
        return found.stream().map(l -> l.toArray(new String[0])).toList();
    }

    /** Walks a query tree, collecting the identifiers that stand in FROM positions. */
    private record Walker(String defaultSchema, Set<List<String>> found) {
        void query(SqlNode node, Set<String> ctes) {
            if (node instanceof SqlWith with) {
                Set<String> inner = new java.util.HashSet<>(ctes);
                for (SqlNode item : with.withList) {
                    SqlWithItem w = (SqlWithItem) item;
                    query(w.query, inner);
                    inner.add(w.name.getSimple().toLowerCase(Locale.ROOT));
                }
                query(with.body, inner);
            } else if (node instanceof SqlSelect select) {
                from(select.getFrom(), ctes);
                for (SqlNode operand : select.getOperandList()) {
                    if (operand != null && operand != select.getFrom()) {
                        query(operand, ctes);
                    }
                }
            } else if (node instanceof SqlCall call) {
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null) {
                        query(operand, ctes);
                    }
                }
            } else if (node instanceof org.apache.calcite.sql.SqlNodeList list) {
                for (SqlNode n : list) {
                    if (n != null) {
                        query(n, ctes);
                    }
                }
            }
        }

        private void from(SqlNode from, Set<String> ctes) {
            if (from instanceof SqlIdentifier id) {
                String table = id.names.get(id.names.size() - 1);
                if (id.names.size() == 1 && ctes.contains(table.toLowerCase(Locale.ROOT))) {
                    return;
                }
                String schema = id.names.size() >= 2 ? id.names.get(id.names.size() - 2) : defaultSchema;
                found.add(List.of(schema, table));
            } else if (from instanceof SqlJoin join) {
                from(join.getLeft(), ctes);
                from(join.getRight(), ctes);
                if (join.getCondition() != null) {
                    query(join.getCondition(), ctes);
                }
            } else if (from instanceof SqlCall call && call.getKind() == SqlKind.AS) {
                from(call.operand(0), ctes);
            } else if (from != null) {
                query(from, ctes);
            }
        }
    }
}
