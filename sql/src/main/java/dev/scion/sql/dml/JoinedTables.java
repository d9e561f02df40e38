package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The base tables of a multi-table UPDATE / DELETE's join, each with the name it is referred to by. */
final class JoinedTables {
    /** One table of the join: its reference name (alias or table name) and its write target. */
    record Joined(String refName, SqlIdentifier table, TableTarget target) {
    }

    private final List<Joined> tables = new ArrayList<>();

    private JoinedTables() {
    }

    /** A multi-table UPDATE / DELETE takes neither ORDER BY nor LIMIT: 1221 naming the first one present, as MySQL. */
    static void refuseOrderAndLimit(String statement, SqlNode orderBy, SqlNode limit) {
        if (orderBy != null || limit != null) {
            throw new SqlError(ErrorCode.WRONG_USAGE, "Incorrect usage of " + statement + " and "
                    + (orderBy != null ? "ORDER BY" : "LIMIT"));
        }
    }

    static JoinedTables of(Session session, SqlNode from) {
        JoinedTables t = new JoinedTables();
        t.collect(session, from);
        return t;
    }

    private void collect(Session session, SqlNode node) {
        if (node instanceof SqlJoin join) {
            collect(session, join.getLeft());
            collect(session, join.getRight());
        } else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS
                && call.operand(0) instanceof SqlIdentifier id) {
            add(session, ((SqlIdentifier) call.operand(1)).getSimple(), id);
        } else if (node instanceof SqlIdentifier id) {
            add(session, id.names.get(id.names.size() - 1), id);
        }
        // Derived tables and other table expressions are read-only sources: nothing to collect.
    }

    private void add(Session session, String refName, SqlIdentifier id) {
        if (find(refName) != null) {
            throw new SqlError(ErrorCode.NONUNIQ_TABLE, "Not unique table/alias: '" + refName + "'");
        }
        tables.add(new Joined(refName, id, TableTarget.resolve(session, id)));
    }

    List<Joined> all() {
        return tables;
    }

    Joined find(String refName) {
        String lc = refName.toLowerCase(Locale.ROOT);
        for (Joined j : tables) {
            if (j.refName().toLowerCase(Locale.ROOT).equals(lc)) {
                return j;
            }
        }
        return null;
    }

    /** The table a DELETE target list names ({@code t} or {@code t.*}, by alias or name). */
    Joined require(SqlIdentifier target) {
        String name = target.isStar() ? target.names.get(target.names.size() - 2)
                : target.names.get(target.names.size() - 1);
        Joined j = find(name);
        if (j == null) {
            throw new SqlError(ErrorCode.UNKNOWN_TABLE, "Unknown table '" + name + "' in MULTI DELETE");
        }
        return j;
    }
}
