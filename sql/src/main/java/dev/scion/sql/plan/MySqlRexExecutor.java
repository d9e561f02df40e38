package dev.scion.sql.plan;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.NlsString;

import java.util.List;

/**
 * Calcite's constant folding, except for casts of string literals that hold a control character to numbers:
 * Calcite's conversion trims every character up to ' ' first (so {@code CAST('\0123' AS DOUBLE)} was 123), while
 * MySQL skips only blanks and reads no number after a NUL (0, with a warning). Those are left to run time
 * ({@link dev.scion.sql.expr.Casts}), the rest is reduced as before.
 */
final class MySqlRexExecutor implements RexExecutor {
    static final MySqlRexExecutor INSTANCE = new MySqlRexExecutor();

    private MySqlRexExecutor() {
    }

    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
        for (RexNode e : constExps) {
            if (castsControlText(e)) {
                reducedValues.add(e);
            } else {
                RexUtil.EXECUTOR.reduce(rexBuilder, List.of(e), reducedValues);
            }
        }
    }

    /** Whether {@code e} casts a string literal holding a control character to a number. */
    static boolean castsControlText(RexNode e) {
        Boolean found = e.accept(new RexVisitorImpl<Boolean>(true) {
            @Override
            public Boolean visitCall(RexCall call) {
                if (call.getKind() == SqlKind.CAST && SqlTypeUtil.isNumeric(call.getType())
                        && call.getOperands().get(0) instanceof RexLiteral literal
                        && literal.getValue() instanceof NlsString text && hasControlCharacter(text.getValue())) {
                    return true;
                }
                for (RexNode operand : call.getOperands()) {
                    if (Boolean.TRUE.equals(operand.accept(this))) {
                        return true;
                    }
                }
                return false;
            }
        });
        return Boolean.TRUE.equals(found);
    }

    /** Whether {@code s} holds a control character other than the blanks MySQL skips before a number. */
    static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' && " \t\n\u000B\f\r".indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }
}
