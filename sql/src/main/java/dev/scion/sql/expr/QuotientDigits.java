package dev.scion.sql.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Where a decimal quotient's hidden digits stop. {@link Values#divide} computes to whole 9-digit words, as MySQL
 * does, so arithmetic and comparisons see 0.333333333 for {@code 1/3}; text sees only the digits the type shows
 * (MySQL's val_str prints the item's decimals): {@code CONCAT(1/3)} is '0.3333', as a client reads it.
 */
final class QuotientDigits {
    private QuotientDigits() {
    }

    /** The operands of {@code call}, with those that may carry hidden quotient digits rounded when it makes text. */
    static Expr[] forCall(RexCall call, Expr[] compiled) {
        if (!makesText(call)) {
            return compiled;
        }
        Expr[] out = compiled;
        for (int i = 0; i < compiled.length; i++) {
            RexNode operand = call.getOperands().get(i);
            if (carriesHiddenDigits(operand)) {
                if (out == compiled) {
                    out = compiled.clone();
                }
                out[i] = rounded(compiled[i], Math.max(operand.getType().getScale(), 0));
            }
        }
        return out;
    }

    /** A call producing text from its operands; CASE and COALESCE pass a value through and keep it. */
    private static boolean makesText(RexCall call) {
        SqlKind kind = call.getKind();
        return kind != SqlKind.CASE && kind != SqlKind.COALESCE && SqlTypeUtil.inCharOrBinaryFamilies(call.getType());
    }

    /** A DECIMAL computed from a quotient: the quotient itself, or arithmetic and choices over one. */
    static boolean carriesHiddenDigits(RexNode node) {
        if (!(node instanceof RexCall call) || node.getType().getSqlTypeName() != SqlTypeName.DECIMAL) {
            return false;
        }
        return switch (call.getKind()) {
            case DIVIDE -> true;
            case PLUS, MINUS, TIMES, MOD, MINUS_PREFIX, PLUS_PREFIX, CASE, COALESCE ->
                call.getOperands().stream().anyMatch(QuotientDigits::carriesHiddenDigits);
            default -> false;
        };
    }

    private static Expr rounded(Expr x, int scale) {
        return (row, ctx) -> {
            Object v = x.eval(row, ctx);
            return v instanceof BigDecimal d && d.scale() > scale ? d.setScale(scale, RoundingMode.HALF_UP) : v;
        };
    }
}
