package dev.scion.sql.dml;

import dev.scion.sql.expr.Values;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.math.BigDecimal;

/** Turns stored values back into SQL literals, to substitute a row's values into an expression. */
public final class ValueLiterals {
    private ValueLiterals() {
    }

    public static SqlNode of(Object v) {
        SqlParserPos pos = SqlParserPos.ZERO;
        if (v == null) {
            return SqlLiteral.createNull(pos);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return SqlLiteral.createExactNumeric(v.toString(), pos);
        }
        if (v instanceof java.math.BigInteger i) {
            return SqlLiteral.createExactNumeric(i.toString(), pos);
        }
        if (v instanceof BigDecimal d) {
            return SqlLiteral.createExactNumeric(d.toPlainString(), pos);
        }
        if (v instanceof Double || v instanceof Float) {
            return SqlLiteral.createApproxNumeric(new BigDecimal(v.toString()).toString(), pos);
        }
        if (v instanceof Boolean b) {
            return SqlLiteral.createExactNumeric(b ? "1" : "0", pos);
        }
        if (v instanceof byte[] b) {
            return SqlLiteral.createBinaryString(b, pos);
        }
        String s = Values.toStringValue(v);
        return SqlLiteral.createCharString(s, pos);
    }
}
