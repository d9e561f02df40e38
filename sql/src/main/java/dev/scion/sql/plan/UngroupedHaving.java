package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * MySQL reads HAVING in a query that neither groups nor aggregates as a filter on each row, one that may name the
 * select list's aliases ({@code SELECT v * 2 AS d FROM t HAVING d > 30}). Calcite reads any HAVING as grouping the
 * whole table into one group, which returned one row or none. Such a HAVING is moved into WHERE, each alias replaced
 * by the expression it names (MySQL resolves a HAVING name to a select alias before a column). Window functions
 * in the select list do not make a query aggregated: MySQL computes them after HAVING, as after WHERE.
 */
public final class UngroupedHaving {
    /**
     * The condition each rewritten SELECT got from its HAVING, so that an error in it still names the 'having clause'
     * ({@link ColumnClause}); weak keys, so a statement's entry goes with the statement.
     */
    private static final Map<SqlSelect, SqlNode> MOVED = java.util.Collections.synchronizedMap(new WeakHashMap<>());

    private UngroupedHaving() {
    }

    /** The condition moved from {@code select}'s HAVING into its WHERE, or null. */
    static SqlNode movedFrom(SqlSelect select) {
        return MOVED.get(select);
    }

    /** Rewrites every such SELECT of {@code query} in place; returns it. */
    public static SqlNode rewrite(SqlNode query) {
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select) {
                    moveToWhere(select);
                }
                return super.visit(call);
            }
        });
        return query;
    }

    private static void moveToWhere(SqlSelect select) {
        SqlNode having = select.getHaving();
        if (having == null || (select.getGroup() != null && !select.getGroup().isEmpty())
                || AggregateCalls.containsAggregateOrWindow(having)
                || AggregateCalls.containsAggregate(select.getSelectList())) {
            return;
        }
        Map<String, SqlNode> aliases = new HashMap<>();
        for (SqlNode item : select.getSelectList()) {
            if (item.getKind() == SqlKind.AS) {
                List<SqlNode> operands = ((SqlCall) item).getOperandList();
                aliases.putIfAbsent(key(((SqlIdentifier) operands.get(1)).getSimple()), operands.get(0));
            } else if (item instanceof SqlIdentifier id && !id.isStar()) {
                aliases.putIfAbsent(key(SqlValidatorUtil.alias(id)), id);
            }
        }
        SqlNode filter = having.accept(new AliasExpander(aliases));
        MOVED.put(select, filter);
        SqlNode where = select.getWhere();
        select.setWhere(where == null ? filter
                : new SqlBasicCall(SqlStdOperatorTable.AND, new SqlNode[] {where, filter}, SqlParserPos.ZERO));
        select.setHaving(null);
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    /** Replaces a one-part name that is a select alias by a copy of its expression; leaves subqueries alone. */
    private static final class AliasExpander extends SqlShuttle {
        private final Map<String, SqlNode> aliases;

        AliasExpander(Map<String, SqlNode> aliases) {
            this.aliases = aliases;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            if (id.isSimple()) {
                SqlNode expr = aliases.get(key(id.getSimple()));
                if (expr != null) {
                    return SqlDeepCopy.of(expr);
                }
            }
            return id;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call.getKind().belongsTo(SqlKind.QUERY)) {
                return call;
            }
            return super.visit(call);
        }
    }
}
