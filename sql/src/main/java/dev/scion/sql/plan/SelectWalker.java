package dev.scion.sql.plan;

import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A walk over every SELECT of a statement for the rewrites that read the columns of the tables a FROM names from the
 * catalog: it keeps the statement's common table expression names, which shadow tables of the same name, so that
 * a CTE is never taken for the table.
 */
abstract class SelectWalker extends SqlBasicVisitor<Void> {
    protected final Session session;
    private final Set<String> cteNames = new HashSet<>();

    SelectWalker(Session session) {
        this.session = session;
    }

    /** Walks {@code query}, changing its SELECTs in place; returns it. */
    final SqlNode walk(SqlNode query) {
        query.accept(this);
        return query;
    }

    /** Rewrites one SELECT; sub-queries inside it are visited on their own afterwards. */
    protected abstract void select(SqlSelect select);

    @Override
    public final Void visit(SqlCall call) {
        if (call instanceof SqlWith with) {
            for (SqlNode item : with.withList) {
                cteNames.add(key(((SqlWithItem) item).name.getSimple()));
            }
        } else if (call instanceof SqlSelect select) {
            select(select);
        }
        return super.visit(call);
    }

    /**
     * The lower-case columns {@code SELECT *} shows of the table {@code id} names; null when it names a common table
     * expression or no table of the session's databases.
     */
    protected final List<String> tableColumns(SqlIdentifier id) {
        return cteNames.contains(key(id.names.get(id.names.size() - 1))) ? null
                : FromColumns.visibleColumns(session, id);
    }

    static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
