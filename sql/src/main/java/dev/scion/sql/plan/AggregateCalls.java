package dev.scion.sql.plan;

import dev.scion.sql.expr.SqlFunctions;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlNameMatchers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds aggregate calls in an unvalidated tree, where the parser has left most function names unresolved, so an
 * aggregate is known by its name in Scion's operator table. Nested queries are not looked into: their aggregates are
 * their own.
 */
final class AggregateCalls {
    private static final Map<String, Boolean> AGGREGATE_NAMES = new ConcurrentHashMap<>();

    private AggregateCalls() {
    }

    /** Whether {@code node} calls an aggregate function outside any window ({@code OVER}) and nested query. */
    static boolean containsAggregate(SqlNode node) {
        return contains(node, false);
    }

    /** Whether {@code node} calls an aggregate or window function outside any nested query. */
    static boolean containsAggregateOrWindow(SqlNode node) {
        return contains(node, true);
    }

    private static boolean contains(SqlNode node, boolean windows) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode n : list) {
                if (n != null && contains(n, windows)) {
                    return true;
                }
            }
            return false;
        }
        if (!(node instanceof SqlCall call) || SubQueries.isQuery(node)) {
            return false;
        }
        if (call.getKind() == SqlKind.OVER) {
            return windows;
        }
        if (isAggregateCall(call)) {
            return true;
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null && contains(operand, windows)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the call is to an aggregate function. */
    static boolean isAggregateCall(SqlCall call) {
        SqlOperator op = call.getOperator();
        if (op.isAggregator()) {
            return true;
        }
        if (op.getSyntax() != SqlSyntax.FUNCTION && op.getSyntax() != SqlSyntax.FUNCTION_STAR) {
            return false;
        }
        return AGGREGATE_NAMES.computeIfAbsent(op.getName().toUpperCase(Locale.ROOT), name -> {
            List<SqlOperator> found = new ArrayList<>();
            SqlFunctions.operatorTable().lookupOperatorOverloads(new SqlIdentifier(name, SqlParserPos.ZERO),
                    SqlFunctionCategory.USER_DEFINED_FUNCTION, SqlSyntax.FUNCTION, found, SqlNameMatchers.liberal());
            return found.stream().anyMatch(SqlOperator::isAggregator);
        });
    }
}
