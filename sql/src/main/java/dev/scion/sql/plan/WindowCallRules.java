package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Where MySQL and Calcite's validator read a window call differently, settled before validation:
 * <ul>
 * <li>RANK, DENSE_RANK, PERCENT_RANK and CUME_DIST over a window without ORDER BY are legal in MySQL (every row of
 * the partition is a peer: rank 1, percent rank 0); Calcite rejects them. The window gets {@code ORDER BY NULL},
 * which makes every row a peer, and so changes nothing for other functions sharing a named window either: the
 * default frame of an ordered window then spans the whole partition, as an unordered one does.</li>
 * <li>The offset of LAG and LEAD must be a non-negative integer constant (or a parameter); anything else is 1210,
 * where Calcite would accept an expression or a negative number.</li>
 * </ul>
 */
public final class WindowCallRules extends SqlBasicVisitor<Void> {
    /** By name: before validation a call's operator is still unresolved (its kind says nothing). */
    private static final Set<String> PEER_RANKINGS = Set.of("RANK", "DENSE_RANK", "PERCENT_RANK", "CUME_DIST");

    /** The SELECTs enclosing the call being visited, innermost first: where named windows are declared. */
    private final Deque<SqlSelect> selects = new ArrayDeque<>();

    private WindowCallRules() {
    }

    /** Rewrites {@code query} in place; returns it. */
    public static SqlNode rewrite(SqlNode query) {
        query.accept(new WindowCallRules());
        return query;
    }

    @Override
    public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select) {
            selects.push(select);
            try {
                return super.visit(call);
            } finally {
                selects.pop();
            }
        }
        if (call.getKind() == SqlKind.OVER && call.operand(0) instanceof SqlCall function) {
            String name = function.getOperator().getName().toUpperCase(Locale.ROOT);
            if (PEER_RANKINGS.contains(name)) {
                orderEveryRowAsPeer(call.operand(1));
            }
            if (name.equals("LAG") || name.equals("LEAD")) {
                checkOffset(function);
            }
        }
        return super.visit(call);
    }

    private void orderEveryRowAsPeer(SqlNode windowRef) {
        SqlWindow window = windowRef instanceof SqlWindow w ? w
                : windowRef instanceof SqlIdentifier name ? declared(name) : null;
        while (window != null && window.getRefName() != null && isEmpty(window.getOrderList())) {
            window = declared(window.getRefName()); // the order, if any, is inherited from the named window
        }
        if (window != null && isEmpty(window.getOrderList())) {
            SqlParserPos pos = window.getParserPosition();
            window.setOrderList(SqlNodeList.of(SqlLiteral.createNull(pos)));
        }
    }

    private static boolean isEmpty(SqlNodeList list) {
        return list == null || list.isEmpty();
    }

    /** The window named {@code name} in the innermost SELECT declaring it, or null. */
    private SqlWindow declared(SqlIdentifier name) {
        for (SqlSelect select : selects) {
            if (select.getWindowList() == null) {
                continue;
            }
            for (SqlNode node : select.getWindowList()) {
                if (node instanceof SqlWindow w && w.getDeclName() != null
                        && w.getDeclName().getSimple().equalsIgnoreCase(name.getSimple())) {
                    return w;
                }
            }
        }
        return null;
    }

    private static void checkOffset(SqlCall function) {
        if (function.operandCount() < 2) {
            return;
        }
        SqlNode offset = function.operand(1);
        if (offset instanceof SqlDynamicParam) {
            return;
        }
        boolean valid = offset instanceof SqlNumericLiteral n && n.isInteger()
                && n.getValueAs(BigDecimal.class).signum() >= 0;
        if (!valid) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "Incorrect arguments to " + function.getOperator().getName().toLowerCase(Locale.ROOT));
        }
    }
}
