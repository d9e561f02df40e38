package dev.scion.sql.plan;

import dev.scion.sql.expr.json.JsonType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAbstractDateTimeLiteral;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Calcite's implicit conversions plus MySQL's readings of values as numbers where a number is expected:
 * <ul>
 *   <li>a boolean is the integer 1 or 0: ABS(1 AND TRUE), -TRUE, 1 % TRUE, (a OR b) + 4, SUM(x > 1) (Calcite
 *   refused them: "Cannot apply 'ABS' to arguments of type ABS(BOOLEAN)");</li>
 *   <li>a DATE, TIME or DATETIME is its digits, 20200102, 103000 or 20200102103000 (with the fraction after the
 *   point for fractional seconds): {@code d + 0}, {@code NOW() - NOW()}, ROUND(d), {@code t = 103000}, which
 *   Calcite refused ("Cannot apply '+' to arguments of type '&lt;DATE&gt; + &lt;INTEGER&gt;'");</li>
 *   <li>a string is a DOUBLE in arithmetic and where any number goes ({@code '2.5' * 2} is 5, SUM of a VARCHAR
 *   column a DOUBLE), where Calcite would cast it to the other operand's type.</li>
 * </ul>
 * The validator then casts the operand to the numeric type; the interpreter's casts make the number
 * ({@link dev.scion.sql.expr.Values#toLong}). Date arithmetic with INTERVAL is rewritten to DATE_ADD before
 * validation and never reaches here.
 */
final class MySqlTypeCoercion extends TypeCoercionImpl {
    /** Digits before the point of a TIME's number (hhhmmss) and of a DATETIME's (yyyymmddhhmmss). */
    private static final int TIME_DIGITS = 7;
    private static final int DATETIME_DIGITS = 14;

    MySqlTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    public RelDataType implicitCast(RelDataType in, SqlTypeFamily expected) {
        if (numeric(expected)) {
            if (in.getSqlTypeName() == SqlTypeName.BOOLEAN) {
                return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER), in.isNullable());
            }
            RelDataType number = temporalNumber(in);
            if (number != null) {
                return number;
            }
            if (expected == SqlTypeFamily.NUMERIC && (SqlTypeUtil.isCharacter(in) || SqlTypeUtil.isBinary(in))) {
                // SUM(s), ABS(s), -s: a string where any number goes is a DOUBLE in MySQL, a binary one too
                return asDouble(in);
            }
            if (expected == SqlTypeFamily.INTEGER && SqlTypeUtil.isNumeric(in) && !SqlTypeUtil.isIntType(in)) {
                // bit operators round a fraction to an integer (-1.5 & -3.3 is -2 & -3)
                return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.BIGINT), in.isNullable());
            }
        }
        if (expected == SqlTypeFamily.BOOLEAN && (SqlTypeUtil.isNumeric(in) || SqlTypeUtil.isCharacter(in))) {
            // a number or string is a truth value (i IS NOT TRUE)
            return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.BOOLEAN), in.isNullable());
        }
        return super.implicitCast(in, expected);
    }

    @Override
    public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
        if (binding.getOperandCount() == 2 && binding.getOperator().getKind().belongsTo(SqlKind.BINARY_ARITHMETIC)
                && stringOperandsAsDouble(binding)) {
            return true;
        }
        if (binding.getOperandCount() == 2 && binding.getOperator().getKind().belongsTo(SqlKind.BINARY_ARITHMETIC)
                && !SqlTypeUtil.isInterval(binding.getOperandType(0))
                && !SqlTypeUtil.isInterval(binding.getOperandType(1))
                && temporalOperandsAsNumbers(binding, false)) {
            super.binaryArithmeticCoercion(binding); // a string operand against the number now
            return true;
        }
        return super.binaryArithmeticCoercion(binding);
    }

    /**
     * A string in arithmetic is read as a DOUBLE, as MySQL reads it ({@code '2.5' * 2} is 5, {@code '2.5' + 1} is
     * 3.5), not cast to the other operand's type as Calcite would (which made {@code '2.5' * 2} 6). Hex and bit
     * literals (SCION_BYTES) are numbers of their own and stay as they are. Whether any operand was cast.
     */
    private boolean stringOperandsAsDouble(SqlCallBinding binding) {
        boolean coerced = false;
        for (int i = 0; i < 2; i++) {
            RelDataType in = binding.getOperandType(i);
            RelDataType other = binding.getOperandType(1 - i);
            if (textual(in) && !isBytesLiteral(binding.getCall().operand(i))
                    && (SqlTypeUtil.isNumeric(other) || textual(other))) {
                coerced |= coerceOperandType(binding.getScope(), binding.getCall(), i, asDouble(in));
            }
        }
        return coerced;
    }

    /**
     * A character or binary string: MySQL reads a binary string (a BINARY / BLOB column, CAST(x AS BINARY),
     * CHAR(n)) in a numeric context as the number its text spells, as it reads a character string ({@code
     * CAST('12' AS BINARY) + 1} is 13); the cast to DOUBLE decodes it ({@code ExprCompiler}). Hex and bit
     * literals, the byte strings that are numbers, are typed as text and marked SCION_BYTES.
     */
    private static boolean textual(RelDataType type) {
        return SqlTypeUtil.isCharacter(type) || SqlTypeUtil.isBinary(type);
    }

    private RelDataType asDouble(RelDataType in) {
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), in.isNullable());
    }

    private static boolean isBytesLiteral(SqlNode node) {
        return node instanceof org.apache.calcite.sql.SqlCall call
                && call.getOperator() == dev.scion.sql.expr.SqlFunctions.BYTES_LITERAL;
    }

    /**
     * A temporal value compared with a number compares as its digits ({@code d = 20200102}), and a boolean as 1 or 0
     * ({@code (TRUE AND -1) >= 0}, {@code (a > 0) = 2}), as in MySQL.
     */
    @Override
    public boolean binaryComparisonCoercion(SqlCallBinding binding) {
        SqlKind kind = binding.getOperator().getKind();
        boolean binary = binding.getOperandCount() == 2 && kind.belongsTo(SqlKind.BINARY_COMPARISON);
        if (binary && (temporalOperandsAsNumbers(binding, true) || booleanAsNumber(binding))) {
            return true;
        }
        if (kind == SqlKind.BETWEEN && booleansAmongNumbers(binding)) {
            return true;
        }
        if (binary || kind == SqlKind.BETWEEN) {
            boolean rewritten = numericStringLiterals(binding.getCall(), binding.getScope());
            if (stringsWithNumbersAsDouble(binding)) {
                return true;
            }
            return super.binaryComparisonCoercion(binding) || rewritten;
        }
        return super.binaryComparisonCoercion(binding);
    }

    /**
     * Replaces the operands of a comparison that are string literals of whole numbers by those numbers where
     * another operand is a number ({@link NumericStringLiterals}). Whether any was replaced.
     */
    private boolean numericStringLiterals(SqlCall call, SqlValidatorScope scope) {
        if (!anyOperand(call, scope, SqlTypeUtil::isNumeric)) {
            return false;
        }
        boolean rewritten = false;
        for (int i = 0; i < call.operandCount(); i++) {
            SqlLiteral number = NumericStringLiterals.asNumber(call.operand(i));
            if (number != null) {
                call.setOperand(i, number); // typed by the validator as any number literal
                rewritten = true;
            }
        }
        return rewritten;
    }

    /**
     * MySQL compares a string with a number as two DOUBLEs ({@code varchar_col = 3}, {@code 'abc' = 0}, which
     * reads 'abc' as 0 with warning 1292): every operand is cast to DOUBLE where strings meet numbers. Calcite
     * cast the string to the number's type. Whether anything was cast.
     */
    private boolean stringsWithNumbersAsDouble(SqlCallBinding binding) {
        SqlCall call = binding.getCall();
        SqlValidatorScope scope = binding.getScope();
        if (!anyOperand(call, scope, SqlTypeUtil::isNumeric) || !anyOperand(call, scope, MySqlTypeCoercion::textual)
                || anyOperand(call, scope, JsonType::is)) {
            return false; // JSON compares with a number by JSON's rules (ExprCompiler looks through Calcite's cast)
        }
        boolean coerced = false;
        for (int i = 0; i < call.operandCount(); i++) {
            RelDataType in = validator.deriveType(scope, call.operand(i));
            if (SqlTypeUtil.isNumeric(in) || textual(in)) {
                coerced |= coerceOperandType(scope, call, i, asDouble(in));
            }
        }
        return coerced;
    }

    private boolean anyOperand(SqlCall call, SqlValidatorScope scope, Predicate<RelDataType> test) {
        for (SqlNode operand : call.getOperandList()) {
            if (test.test(validator.deriveType(scope, operand))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code x IN (...)} compares as {@code x = each}: string literals of whole numbers become those numbers where
     * the other side is a number ({@code int_pk IN ('1', '2')} stays a key lookup), and strings meeting numbers
     * compare as DOUBLE ({@link #commonTypeForBinaryComparison}).
     */
    @Override
    public boolean inOperationCoercion(SqlCallBinding binding) {
        SqlCall call = binding.getCall();
        SqlValidatorScope scope = binding.getScope();
        boolean rewritten = false;
        if (call.operandCount() == 2 && call.operand(1) instanceof SqlNodeList list
                && !binding.getOperandType(0).isStruct()) {
            RelDataType left = binding.getOperandType(0);
            RelDataType leftNumber = temporalNumber(left);
            if (leftNumber != null && allOperands(list, scope, SqlTypeUtil::isNumeric)) {
                // dt IN (20200102, 20200103) compares the date's digits, as dt = 20200102 does
                return asNumber(binding, 0, leftNumber);
            }
            if (SqlTypeUtil.isNumeric(left)) {
                for (int i = 0; i < list.size(); i++) {
                    SqlLiteral number = NumericStringLiterals.asNumber(list.get(i));
                    if (number != null) {
                        list.set(i, number);
                        rewritten = true;
                    }
                }
            } else if (SqlTypeUtil.isCharacter(left) && anyOperand(list, scope, SqlTypeUtil::isNumeric)) {
                SqlLiteral number = NumericStringLiterals.asNumber(call.operand(0));
                if (number != null) {
                    call.setOperand(0, number);
                    rewritten = true;
                }
            }
            if (rewritten) {
                List<RelDataType> types = new ArrayList<>();
                for (SqlNode n : list) {
                    types.add(validator.deriveType(scope, n));
                }
                RelDataType listType = factory.leastRestrictive(types);
                if (listType != null) {
                    updateInferredType(list, listType);
                }
            }
        }
        return super.inOperationCoercion(binding) || rewritten;
    }

    private boolean anyOperand(SqlNodeList list, SqlValidatorScope scope,
            Predicate<RelDataType> test) {
        for (SqlNode n : list) {
            if (test.test(validator.deriveType(scope, n))) {
                return true;
            }
        }
        return false;
    }

    private boolean allOperands(SqlNodeList list, SqlValidatorScope scope, Predicate<RelDataType> test) {
        for (SqlNode n : list) {
            if (!test.test(validator.deriveType(scope, n))) {
                return false;
            }
        }
        return true;
    }

    /** A string compared with a number compares as DOUBLE in MySQL (used for IN and its sub-queries). */
    @Override
    public RelDataType commonTypeForBinaryComparison(RelDataType type1, RelDataType type2) {
        if (type1 != null && type2 != null && SqlTypeUtil.isExactNumeric(type1) && SqlTypeUtil.isExactNumeric(type2)
                && (dev.scion.sql.expr.UnsignedArithmetic.isUnsigned(type1)
                    || dev.scion.sql.expr.UnsignedArithmetic.isUnsigned(type2))) {
            // the interpreter compares exact numbers exactly; a cast would narrow the unsigned side to the signed
            // type (2^63 as BIGINT) or hide a key column from its index
            return null;
        }
        if (type1 != null && type2 != null && !JsonType.is(type1) && !JsonType.is(type2)
                && (SqlTypeUtil.isCharacter(type1) && SqlTypeUtil.isNumeric(type2)
                    || SqlTypeUtil.isNumeric(type1) && SqlTypeUtil.isCharacter(type2))) {
            return factory.createSqlType(SqlTypeName.DOUBLE);
        }
        return super.commonTypeForBinaryComparison(type1, type2);
    }

    /**
     * BETWEEN with a boolean operand and a number ({@code (NOT a) BETWEEN 0 AND 5}, how HIGH_NOT_PRECEDENCE reads
     * {@code NOT a BETWEEN 0 AND 5}): the boolean is 1 or 0. Whether any operand was cast.
     */
    private boolean booleansAmongNumbers(SqlCallBinding binding) {
        boolean number = false;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            number |= SqlTypeUtil.isNumeric(binding.getOperandType(i));
        }
        boolean coerced = false;
        for (int i = 0; number && i < binding.getOperandCount(); i++) {
            RelDataType in = binding.getOperandType(i);
            if (SqlTypeUtil.isBoolean(in)) {
                coerced |= coerceOperandType(binding.getScope(), binding.getCall(), i,
                        factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER), in.isNullable()));
            }
        }
        return coerced;
    }

    private boolean booleanAsNumber(SqlCallBinding binding) {
        for (int i = 0; i < 2; i++) {
            RelDataType in = binding.getOperandType(i);
            if (SqlTypeUtil.isBoolean(in) && SqlTypeUtil.isNumeric(binding.getOperandType(1 - i))) {
                return coerceOperandType(binding.getScope(), binding.getCall(), i, factory.createTypeWithNullability(
                        factory.createSqlType(SqlTypeName.INTEGER), in.isNullable()));
            }
        }
        return false;
    }

    /**
     * Casts the temporal operands of a two-operand call to their numbers; with {@code onlyAgainstNumber}, only when
     * the other operand is a number. Whether any was cast.
     */
    private boolean temporalOperandsAsNumbers(SqlCallBinding binding, boolean onlyAgainstNumber) {
        boolean coerced = false;
        for (int i = 0; i < 2; i++) {
            RelDataType number = temporalNumber(binding.getOperandType(i));
            if (number != null && (!onlyAgainstNumber || SqlTypeUtil.isNumeric(binding.getOperandType(1 - i)))) {
                coerced |= asNumber(binding, i, number);
            }
        }
        return coerced;
    }

    /**
     * Makes operand {@code i} its number: a literal is replaced by its digits (a cast of it would be folded by
     * Calcite's simplifier into days or milliseconds since 1970), anything else is cast.
     */
    private boolean asNumber(SqlCallBinding binding, int i, RelDataType number) {
        SqlNode operand = binding.getCall().operand(i);
        if (operand instanceof SqlAbstractDateTimeLiteral literal) {
            String digits = literal.toFormattedString().replaceAll("[-: ]", "");
            SqlLiteral n = SqlLiteral.createExactNumeric(digits, operand.getParserPosition());
            binding.getCall().setOperand(i, n); // typed by the validator as any number literal
            return true;
        }
        return coerceOperandType(binding.getScope(), binding.getCall(), i, number);
    }

    /**
     * A temporal value (and a binary string) needs its cast to a number, which Calcite's cast rules lack (they assert it with -ea); the
     * interpreter's cast makes the digits.
     */
    @Override
    protected boolean needToCast(SqlValidatorScope scope, SqlNode node, RelDataType target, SqlTypeMappingRule rule) {
        RelDataType from = validator.deriveType(scope, node);
        if (from != null && temporalNumber(from) != null && SqlTypeUtil.isNumeric(target)) {
            return true;
        }
        if (from != null && SqlTypeUtil.isBinary(from) && SqlTypeUtil.isNumeric(target)) {
            return true; // nor a binary string's (read as its text, see textual)
        }
        return super.needToCast(scope, node, target, rule);
    }

    /** The numeric type MySQL reads a DATE, TIME or DATETIME as; null for other types. */
    private RelDataType temporalNumber(RelDataType in) {
        int digits = switch (in.getSqlTypeName()) {
            case DATE -> 8;
            case TIME -> TIME_DIGITS;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> DATETIME_DIGITS;
            default -> -1;
        };
        if (digits < 0) {
            return null;
        }
        int fraction = in.getSqlTypeName() == SqlTypeName.DATE ? 0 : Math.max(0, in.getPrecision());
        RelDataType t = fraction == 0 ? factory.createSqlType(SqlTypeName.BIGINT)
                : factory.createSqlType(SqlTypeName.DECIMAL, digits + fraction, fraction);
        return factory.createTypeWithNullability(t, in.isNullable());
    }

    private static boolean numeric(SqlTypeFamily f) {
        return f == SqlTypeFamily.NUMERIC || f == SqlTypeFamily.INTEGER || f == SqlTypeFamily.EXACT_NUMERIC;
    }
}
