package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL resolves a name in HAVING (outside an aggregate's argument) among the select list's items and aliases,
 * then the GROUP BY columns, then the enclosing queries' FROM; never among the FROM columns of its own query. So
 * {@code SELECT a + 1 AS x FROM t HAVING a > 0} is 1054 "Unknown column 'a' in 'having clause'", where Calcite
 * (and Scion's rewrites that move such a HAVING into WHERE) would read {@code a} from the row.
 * <p>
 * Checked before validation, by name, erring toward accepting: only a one-part name that is a column of the
 * query's own FROM tables, is no select alias or plain select column, appears nowhere in GROUP BY and is no column
 * of an enclosing query's FROM is refused. A select list with {@code *} or a FROM this class cannot read (a derived
 * table, a table function) is not checked.
 */
public final class HavingNames extends SqlBasicVisitor<Void> {
    /** Stands for the FROM columns of an enclosing query that could not be read: any name may be one of them. */
    private static final Set<String> UNKNOWN = java.util.Collections.unmodifiableSet(new HashSet<>());

    private final Session session;
    /** The FROM columns of the enclosing SELECTs, innermost first; null where they are not known. */
    private final Deque<Set<String>> enclosing = new ArrayDeque<>();

    private HavingNames(Session session) {
        this.session = session;
    }

    /** Throws 1054 for the first HAVING name of {@code query} that MySQL cannot resolve; returns the query as is. */
    public static SqlNode check(Session session, SqlNode query) {
        if (hasHaving(query)) { // the FROM columns are read from the catalog: only for a query that needs them
            query.accept(new HavingNames(session));
        }
        return query;
    }

    private static boolean hasHaving(SqlNode query) {
        boolean[] found = {false};
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select && select.getHaving() != null) {
                    found[0] = true;
                }
                return found[0] ? null : super.visit(call);
            }
        });
        return found[0];
    }

    @Override
    public Void visit(SqlCall call) {
        if (!(call instanceof SqlSelect select)) {
            return super.visit(call);
        }
        Set<String> columns = FromColumns.of(session, select);
        if (select.getHaving() != null && columns != null && !columns.isEmpty()) {
            checkHaving(select, columns);
        }
        enclosing.push(columns == null ? UNKNOWN : columns);
        try {
            return super.visit(call);
        } finally {
            enclosing.pop();
        }
    }

    private void checkHaving(SqlSelect select, Set<String> fromColumns) {
        Set<String> selected = new HashSet<>();
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlIdentifier id && id.isStar()) {
                return;
            }
            if (item.getKind() == SqlKind.AS) {
                selected.add(key(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple()));
                item = ((SqlCall) item).operand(0);
            }
            if (item instanceof SqlIdentifier id) {
                selected.add(key(SqlValidatorUtil.alias(id)));
            }
        }
        Set<String> grouped = new HashSet<>();
        if (select.getGroup() != null) {
            select.getGroup().accept(new SqlBasicVisitor<Void>() {
                @Override
                public Void visit(SqlIdentifier id) {
                    grouped.add(key(id.names.get(id.names.size() - 1)));
                    return null;
                }
            });
        }
        select.getHaving().accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                if (!id.isSimple()) {
                    return null;
                }
                String name = key(id.getSimple());
                if (fromColumns.contains(name) && !selected.contains(name) && !grouped.contains(name)
                        && !inEnclosingFrom(name)) {
                    throw new SqlError(ErrorCode.BAD_FIELD,
                            "Unknown column '" + id.getSimple() + "' in 'having clause'");
                }
                return null;
            }

            @Override
            public Void visit(SqlCall call) {
                // an aggregate's argument is read from the rows; a sub-query resolves its own names
                if (call.getKind().belongsTo(SqlKind.QUERY) || AggregateCalls.isAggregateCall(call)) {
                    return null;
                }
                return super.visit(call);
            }
        });
    }

    private boolean inEnclosingFrom(String name) {
        for (Set<String> columns : enclosing) {
            if (columns == UNKNOWN || columns.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
