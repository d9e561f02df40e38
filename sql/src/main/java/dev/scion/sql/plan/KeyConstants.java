package dev.scion.sql.plan;

import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.expr.BoundParameters;
import dev.scion.sql.expr.ExprCompiler;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The two sides of a comparison that key access reads: a column (the column itself or a cast that keeps every value
 * of it exactly, as Calcite widens {@code dec_col} to compare it with a wider DECIMAL) and a constant (a literal, a
 * cached plan's parameter, or a cast of those, such as the {@code CAST('2020-01-01' AS DATE)} the validator puts on
 * a string compared with a DATE column). A cast of the column to another kind ({@code CAST(varchar_pk AS INTEGER) =
 * 5}, MySQL's numeric comparison of text) is no column: the key's order says nothing about it.
 */
final class KeyConstants {
    /** Marks a node that is not a constant (null is a constant: SQL NULL). */
    static final Object NOT_CONSTANT = new Object();

    private KeyConstants() {
    }

    /** The table column {@code n} stands for in a comparison, or -1. */
    static int column(RexNode n) {
        if (n instanceof RexInputRef ref) {
            return ref.getIndex();
        }
        if (n.getKind() == SqlKind.CAST && n instanceof RexCall cast
                && cast.getOperands().get(0) instanceof RexInputRef ref && widens(ref.getType(), cast.getType())) {
            return ref.getIndex();
        }
        return -1;
    }

    /** Whether {@code n} is a constant this class can evaluate. */
    static boolean isConstant(RexNode n) {
        if (n instanceof RexLiteral || n instanceof RexDynamicParam) {
            return true;
        }
        return n.getKind() == SqlKind.CAST && n instanceof RexCall c && isConstant(c.getOperands().get(0));
    }

    /** The value of a constant for this execution, or {@link #NOT_CONSTANT}. */
    static Object value(RexNode n) {
        if (n instanceof RexLiteral lit) {
            return ExprCompiler.literalValue(lit);
        }
        if (n instanceof RexDynamicParam p) {
            return BoundParameters.value(p.getIndex());
        }
        if (!isConstant(n)) {
            return NOT_CONSTANT;
        }
        try {
            // the cast is evaluated by the interpreter that evaluates it in the filter, so the value is the same
            return ExprCompiler.compile(n).eval(new Object[0], ExecContext.forConstants(BoundParameters.current()));
        } catch (RuntimeException e) {
            return NOT_CONSTANT; // a cast that fails (or needs a session) leaves the filter to decide
        }
    }

    /** Whether every value of {@code from} keeps its exact value and order as {@code to}. */
    static boolean widens(RelDataType from, RelDataType to) {
        SqlTypeName f = from.getSqlTypeName();
        if (f == SqlTypeName.DECIMAL) {
            return to.getSqlTypeName() == SqlTypeName.DECIMAL && to.getScale() >= from.getScale()
                    && to.getPrecision() - to.getScale() >= from.getPrecision() - from.getScale();
        }
        if (f == SqlTypeName.FLOAT || f == SqlTypeName.REAL) {
            // every float is exactly a double (Calcite's FLOAT is double precision already)
            return to.getSqlTypeName() == SqlTypeName.DOUBLE || to.getSqlTypeName() == f;
        }
        int digits = switch (f) {
            case TINYINT, UTINYINT -> 3;
            case SMALLINT, USMALLINT -> 5;
            case INTEGER, UINTEGER -> 10;
            case BIGINT -> 19;
            case UBIGINT -> 20;
            default -> -1;
        };
        if (digits < 0) {
            return false;
        }
        boolean unsigned = dev.scion.sql.expr.UnsignedArithmetic.isUnsigned(from);
        return switch (to.getSqlTypeName()) {
            case BIGINT -> f != SqlTypeName.UBIGINT;
            case UBIGINT -> unsigned;
            case UINTEGER -> unsigned && digits <= 10;
            case INTEGER -> digits <= 10 && f != SqlTypeName.BIGINT && f != SqlTypeName.UINTEGER;
            case DOUBLE, FLOAT, REAL -> digits <= 10; // a BIGINT beyond 2^53 would round
            case DECIMAL -> to.getPrecision() - to.getScale() >= digits;
            default -> false;
        };
    }
}
