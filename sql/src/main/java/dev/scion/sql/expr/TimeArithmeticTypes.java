package dev.scion.sql.expr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Result types of ADDTIME / SUBTIME / TIMEDIFF with MySQL's fractional-seconds precision: the most fraction digits
 * any argument carries (a TIME(2) column, a DECIMAL's scale, a literal '00:00:01.5'; text that is not a literal may
 * carry six). ADDTIME of a TIME is a TIME, of a DATETIME a DATETIME, of anything else text; TIMEDIFF is a TIME;
 * TIME(x) and TIMESTAMP(x[, t]) keep their arguments' digits.
 */
final class TimeArithmeticTypes {
    private static final Pattern FRACTION = Pattern.compile("\\.(\\d+)\\s*$");
    private static final int MAX_DIGITS = 6;

    static final SqlReturnTypeInference ADDTIME = binding -> {
        RelDataTypeFactory f = binding.getTypeFactory();
        SqlTypeName first = binding.getOperandType(0).getSqlTypeName();
        RelDataType type;
        if (first == SqlTypeName.TIME) {
            type = f.createSqlType(SqlTypeName.TIME, digits(binding));
        } else if (first == SqlTypeName.TIMESTAMP) {
            type = f.createSqlType(SqlTypeName.TIMESTAMP, digits(binding));
        } else {
            type = f.createSqlType(SqlTypeName.VARCHAR, 26);
        }
        return f.createTypeWithNullability(type, true);
    };

    static final SqlReturnTypeInference TIMEDIFF = binding -> binding.getTypeFactory().createTypeWithNullability(
            binding.getTypeFactory().createSqlType(SqlTypeName.TIME, digits(binding)), true);

    /** TIMESTAMP(expr[, time]): a DATETIME with its arguments' fraction digits. */
    static final SqlReturnTypeInference TIMESTAMP = binding -> binding.getTypeFactory().createTypeWithNullability(
            binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, digits(binding)), true);

    /** TIME(expr): a TIME with its argument's fraction digits. */
    static final SqlReturnTypeInference TIME = binding -> binding.getTypeFactory().createTypeWithNullability(
            binding.getTypeFactory().createSqlType(SqlTypeName.TIME, digits(binding)), true);

    /**
     * STR_TO_DATE(text, format): with a literal format, a DATE, TIME or DATETIME as the format names date parts,
     * time parts or both (six fraction digits with %f); otherwise a DATETIME(6).
     */
    static final SqlReturnTypeInference STR_TO_DATE = binding -> {
        RelDataTypeFactory f = binding.getTypeFactory();
        String format = binding.getOperandCount() > 1 && binding.isOperandLiteral(1, false)
                ? binding.getOperandLiteralValue(1, String.class) : null;
        RelDataType type;
        if (format == null) {
            type = f.createSqlType(SqlTypeName.TIMESTAMP, MAX_DIGITS);
        } else {
            int digits = StrToDate.hasFraction(format) ? MAX_DIGITS : 0;
            type = switch (StrToDate.kind(format)) {
                case DATE -> f.createSqlType(SqlTypeName.DATE);
                case TIME -> f.createSqlType(SqlTypeName.TIME, digits);
                case DATETIME -> f.createSqlType(SqlTypeName.TIMESTAMP, digits);
            };
        }
        return f.createTypeWithNullability(type, true);
    };

    private TimeArithmeticTypes() {
    }

    private static int digits(SqlOperatorBinding binding) {
        int digits = 0;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            digits = Math.max(digits, digits(binding, i));
        }
        return digits;
    }

    private static int digits(SqlOperatorBinding binding, int i) {
        RelDataType t = binding.getOperandType(i);
        SqlTypeName n = t.getSqlTypeName();
        if (n == SqlTypeName.TIME || n == SqlTypeName.TIMESTAMP) {
            return Math.max(0, Math.min(MAX_DIGITS, t.getPrecision()));
        }
        if (n == SqlTypeName.DATE || n == SqlTypeName.NULL || SqlTypeName.INT_TYPES.contains(n)) {
            return 0;
        }
        if (n == SqlTypeName.DECIMAL) {
            return Math.max(0, Math.min(MAX_DIGITS, t.getScale()));
        }
        if (n.getFamily() == SqlTypeFamily.CHARACTER && binding.isOperandLiteral(i, false)) {
            String text = binding.getOperandLiteralValue(i, String.class);
            if (text != null) {
                Matcher m = FRACTION.matcher(text);
                return m.find() ? Math.min(MAX_DIGITS, m.group(1).length()) : 0;
            }
        }
        return MAX_DIGITS;
    }
}
