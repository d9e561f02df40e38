package dev.scion.sql.routine;

import dev.scion.sql.expr.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;

/** Values written back into SQL text (a routine's variables and a trigger's NEW/OLD columns are bound this way). */
public final class SqlLiterals {
    private SqlLiterals() {
    }

    /** The value as SQL text that reads back as the same value (negative numbers parenthesised). */
    public static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        String number = null;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            number = v.toString();
        } else if (v instanceof BigDecimal d) {
            number = d.toPlainString();
        } else if (v instanceof Double || v instanceof Float) {
            String d = Double.toString(((Number) v).doubleValue());
            number = d.contains("E") ? d : d + "e0"; // stays a DOUBLE, not a DECIMAL
        }
        if (number != null) {
            return number.startsWith("-") ? "(" + number + ")" : number;
        }
        if (v instanceof byte[] bytes) {
            return bytes.length == 0 ? "''" : "X'" + HexFormat.of().formatHex(bytes) + "'";
        }
        String s = Values.toStringValue(v);
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
