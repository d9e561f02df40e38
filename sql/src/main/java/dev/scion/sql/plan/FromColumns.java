package dev.scion.sql.plan;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The column names a SELECT's FROM brings into scope, looked up before validation, for the rewrites that must tell
 * a column from a select alias by name.
 */
final class FromColumns {
    private FromColumns() {
    }

    /**
     * The lower-case column names of the tables a SELECT reads, when its FROM names only tables of the session's
     * databases (joined or not); empty without FROM; null when it reads a derived table, a table function or
     * anything else not known here.
     */
    static Set<String> of(Session session, SqlSelect select) {
        Set<String> out = new HashSet<>();
        return select.getFrom() == null || add(session, select.getFrom(), out) ? out : null;
    }

    /**
     * The lower-case names of the columns {@code SELECT *} shows of the table {@code id} names (hidden columns of
     * functional keys left out), in table order; null when it names no table of the session's databases.
     */
    static List<String> visibleColumns(Session session, SqlIdentifier id) {
        if (id.names.size() > 2) {
            return null;
        }
        String db = id.names.size() == 2 ? id.names.get(0) : session.currentDatabase();
        String table = id.names.get(id.names.size() - 1);
        DatabaseState state = db == null ? null : session.findDatabase(db).orElse(null);
        if (state == null) {
            return null;
        }
        for (var e : state.workingRoot().tables().entrySet()) {
            if (e.getKey().equalsIgnoreCase(table)) {
                List<String> out = new ArrayList<>();
                for (var c : state.repo().readTable(state.buffer(), e.getValue()).schema().columns()) {
                    if (!c.hidden()) {
                        out.add(c.name().toLowerCase(Locale.ROOT));
                    }
                }
                return out;
            }
        }
        return null;
    }

    private static boolean add(Session session, SqlNode from, Set<String> out) {
        if (from instanceof SqlJoin join) {
            return add(session, join.getLeft(), out) && add(session, join.getRight(), out);
        }
        if (from.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) from;
            return as.operandCount() == 2 && add(session, as.operand(0), out);
        }
        if (!(from instanceof SqlIdentifier id) || id.names.size() > 2) {
            return false;
        }
        String db = id.names.size() == 2 ? id.names.get(0) : session.currentDatabase();
        String table = id.names.get(id.names.size() - 1);
        DatabaseState state = db == null ? null : session.findDatabase(db).orElse(null);
        if (state == null) {
            return false;
        }
        for (var e : state.workingRoot().tables().entrySet()) {
            if (e.getKey().equalsIgnoreCase(table)) {
                var value = state.repo().readTable(state.buffer(), e.getValue());
                for (var c : value.schema().columns()) {
                    out.add(c.name().toLowerCase(Locale.ROOT));
                }
                return true;
            }
        }
        return false;
    }
}
