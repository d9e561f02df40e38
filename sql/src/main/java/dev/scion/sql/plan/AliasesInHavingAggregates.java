package dev.scion.sql.plan;

import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL lets an aggregate in HAVING take a select alias as its argument ({@code SELECT y AS z FROM xy GROUP BY z
 * HAVING AVG(z) > 0}): the aggregate is over the aliased expression. Calcite resolves an aggregate's argument
 * among the FROM columns only, so before validation such a name is replaced by the expression it aliases. A FROM
 * column of that name wins (an aggregate's argument is read from the rows), and an alias of an aggregate, window or
 * sub-query is left alone (an aggregate of an aggregate stays an error).
 */
public final class AliasesInHavingAggregates {
    private AliasesInHavingAggregates() {
    }

    /** Rewrites every such HAVING of {@code query} in place; returns it. */
    public static SqlNode rewrite(Session session, SqlNode query) {
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select && select.getHaving() != null) {
                    rewriteHaving(session, select);
                }
                return super.visit(call);
            }
        });
        return query;
    }

    private static void rewriteHaving(Session session, SqlSelect select) {
        Map<String, SqlNode> aliases = plainAliases(select.getSelectList());
        if (aliases.isEmpty() || !hasAggregateNaming(select.getHaving(), aliases.keySet())) {
            return;
        }
        Set<String> columns = FromColumns.of(session, select);
        if (columns == null) {
            return;
        }
        aliases.keySet().removeAll(columns);
        if (!aliases.isEmpty()) {
            select.setHaving(replace(select.getHaving(), aliases, false));
        }
    }

    /** The select list's aliases (lower case) of expressions that hold no aggregate, window or sub-query. */
    private static Map<String, SqlNode> plainAliases(SqlNodeList items) {
        Map<String, SqlNode> out = new HashMap<>();
        for (SqlNode item : items) {
            if (item.getKind() != SqlKind.AS) {
                continue;
            }
            SqlCall as = (SqlCall) item;
            SqlNode expr = as.operand(0);
            if (!AggregateCalls.containsAggregateOrWindow(expr) && !SubQueries.holds(expr)) {
                out.putIfAbsent(((SqlIdentifier) as.operand(1)).getSimple().toLowerCase(Locale.ROOT), expr);
            }
        }
        return out;
    }

    private static boolean hasAggregateNaming(SqlNode node, Set<String> names) {
        if (node instanceof SqlCall call) {
            if (AggregateCalls.isAggregateCall(call)) {
                return names(call, names);
            }
            for (SqlNode operand : call.getOperandList()) {
                if (hasAggregateNaming(operand, names)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean names(SqlNode node, Set<String> names) {
        if (node instanceof SqlIdentifier id) {
            return id.isSimple() && names.contains(id.getSimple().toLowerCase(Locale.ROOT));
        }
        if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                if (names(operand, names)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static SqlNode replace(SqlNode node, Map<String, SqlNode> aliases, boolean insideAggregate) {
        if (node instanceof SqlIdentifier id) {
            SqlNode expr = insideAggregate && id.isSimple() ? aliases.get(id.getSimple().toLowerCase(Locale.ROOT)) : null;
            return expr == null ? node : SqlDeepCopy.of(expr);
        }
        if (!(node instanceof SqlCall call) || SubQueries.isQuery(node)) {
            return node;
        }
        boolean inside = insideAggregate || AggregateCalls.isAggregateCall(call);
        SqlOperands.replace(call, operand -> replace(operand, aliases, inside));
        return node;
    }
}
