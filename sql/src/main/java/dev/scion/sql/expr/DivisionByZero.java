package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.session.Session;
import dev.scion.sql.session.SqlModes;

/**
 * What a division by zero ({@code /}, {@code DIV}, {@code MOD}, {@code %}) does besides giving NULL: nothing, unless
 * sql_mode has ERROR_FOR_DIVISION_BY_ZERO. Then it is error 1365 "Division by 0" inside an INSERT, UPDATE or LOAD
 * DATA that strict mode governs (strict sql_mode, no IGNORE), and warning 1365 anywhere else, as in MySQL 8.
 */
public final class DivisionByZero {
    private DivisionByZero() {
    }

    /** A division operator: its NULL for non-NULL operands means the divisor was zero. */
    @FunctionalInterface
    public interface Quotient {
        Object apply(Object dividend, Object divisor);
    }

    /** {@code quotient} of the two operand expressions, NULL when either is, reporting a division by zero. */
    public static Expr of(Expr dividend, Expr divisor, Quotient quotient) {
        return (row, ctx) -> {
            Object l = dividend.eval(row, ctx);
            if (l == null) {
                return null;
            }
            Object r = divisor.eval(row, ctx);
            if (r == null) {
                return null;
            }
            Object q = quotient.apply(l, r);
            if (q == null) {
                report(ctx);
            }
            return q;
        };
    }

    private static void report(ExecContext ctx) {
        Session session = ctx == null ? null : ctx.session();
        if (session == null || !SqlModes.errorForDivisionByZero(session)) {
            return;
        }
        if (session.strictWrite()) {
            throw new SqlError(ErrorCode.DIVISION_BY_ZERO, "Division by 0");
        }
        session.addWarning(ErrorCode.DIVISION_BY_ZERO.code(), "Division by 0");
    }
}
