package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

import java.util.Locale;

/**
 * MySQL's {@code NAME_CONST(name, value)}: the value itself, in a result column called by the name (MySQL writes
 * it into binary-logged statements for routine variables). Both arguments must be constants, a literal or a negated
 * numeric literal (else 1210); other argument counts are 1582. Handled on the parse tree: the select labeler takes
 * the name, the literal rewriter puts the value in the call's place.
 */
public final class NameConst {
    private NameConst() {
    }

    /** The column name a select item {@code NAME_CONST(name, value)} gets, or null for any other item. */
    public static String label(SqlNode item) {
        if (!isNameConst(item)) {
            return null;
        }
        SqlCall call = (SqlCall) item;
        return call.operandCount() == 2 && constant(call.operand(0)) ? text(call.operand(0)) : null;
    }

    /** The value a NAME_CONST call stands for, or null when {@code call} is another call. */
    public static SqlNode value(SqlCall call) {
        if (!isNameConst(call)) {
            return null;
        }
        if (call.operandCount() != 2) {
            throw new SqlError(ErrorCode.WRONG_PARAMCOUNT_TO_NATIVE_FCT,
                    "Incorrect parameter count in the call to native function 'NAME_CONST'");
        }
        if (!constant(call.operand(0)) || !constant(call.operand(1))) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to NAME_CONST");
        }
        return call.operand(1);
    }

    private static boolean isNameConst(SqlNode node) {
        return node instanceof SqlCall c && c.getKind() == SqlKind.OTHER_FUNCTION
                && c.getOperator().getName().toUpperCase(Locale.ROOT).equals("NAME_CONST");
    }

    private static boolean constant(SqlNode n) {
        if (n instanceof SqlLiteral) {
            return true;
        }
        return n instanceof SqlCall c && c.getKind() == SqlKind.MINUS_PREFIX
                && c.operand(0) instanceof SqlLiteral l && SqlLiteral.unchain(l).getTypeName().getFamily()
                == org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC;
    }

    private static String text(SqlNode n) {
        if (n instanceof SqlCall c) {
            return "-" + text(c.operand(0));
        }
        SqlLiteral l = (SqlLiteral) n;
        if (l.getValue() == null) {
            return "NULL";
        }
        if (l instanceof org.apache.calcite.sql.SqlCharStringLiteral s) {
            return s.getValueAs(String.class);
        }
        return l.toValue();
    }
}
