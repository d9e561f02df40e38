package dev.scion.sql.plan;

import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How MySQL names a column in its ONLY_FULL_GROUP_BY errors (1055, 1140): database, table alias and column,
 * {@code 'd.t.val'}; a derived table's column has no database ({@code 'dt.val'}). Found by the column's qualifier,
 * or for a bare name by the one FROM table having that column; the name is left as written when neither tells.
 */
final class ColumnFullName {
    private ColumnFullName() {
    }

    /** A FROM item by its alias: a table of a database, or a derived table ({@code database} null). */
    private record Source(String alias, String database, SqlIdentifier table) {
    }

    static String of(Session session, SqlSelect select, String expression) {
        String[] parts = expression.replace("`", "").split("\\.");
        String column = parts[parts.length - 1];
        List<Source> sources = new ArrayList<>();
        if (session == null || select == null || select.getFrom() == null
                || !collect(session, select.getFrom(), sources)) {
            return String.join(".", parts);
        }
        Source found = null;
        if (parts.length >= 2) {
            for (Source s : sources) {
                if (s.alias().equalsIgnoreCase(parts[parts.length - 2])) {
                    found = s;
                }
            }
        } else {
            for (Source s : sources) {
                List<String> columns = s.table() == null ? null : FromColumns.visibleColumns(session, s.table());
                if (columns == null) {
                    return column; // a derived table may have it too
                }
                if (columns.contains(column.toLowerCase(Locale.ROOT))) {
                    if (found != null) {
                        return column;
                    }
                    found = s;
                }
            }
        }
        if (found == null) {
            return String.join(".", parts);
        }
        return (found.database() == null ? "" : found.database() + ".") + found.alias() + "." + column;
    }

    /** Adds the FROM items of {@code from}; false when one is neither a table nor an aliased derived table. */
    private static boolean collect(Session session, SqlNode from, List<Source> out) {
        if (from instanceof SqlJoin join) {
            return collect(session, join.getLeft(), out) && collect(session, join.getRight(), out);
        }
        SqlNode item = from;
        String alias = null;
        if (from.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) from;
            item = as.operand(0);
            alias = ((SqlIdentifier) as.operand(1)).getSimple();
        }
        if (item instanceof SqlIdentifier id && id.names.size() <= 2) {
            String database = id.names.size() == 2 ? id.names.get(0) : session.currentDatabase();
            out.add(new Source(alias != null ? alias : id.names.get(id.names.size() - 1), database, id));
            return database != null;
        }
        if (alias != null && SubQueries.isQuery(item)) {
            out.add(new Source(alias, null, null));
            return true;
        }
        return false;
    }
}
