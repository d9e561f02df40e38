package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.function.UnaryOperator;

/** The in-place operand replacement the rewrites before validation share. */
final class SqlOperands {
    private SqlOperands() {
    }

    /**
     * Replaces each operand of {@code call} by what {@code rewrite} makes of it. A call whose operands cannot be set
     * (some Calcite calls are fixed) is left as it is from there on, for the validator to judge as written.
     */
    static void replace(SqlCall call, UnaryOperator<SqlNode> rewrite) {
        List<SqlNode> operands = call.getOperandList();
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            SqlNode replaced = rewrite.apply(operand);
            if (replaced != operand) {
                try {
                    call.setOperand(i, replaced);
                } catch (UnsupportedOperationException e) {
                    return;
                }
            }
        }
    }
}
