package dev.scion.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * MySQL's numeric limits (DECIMAL up to 65 digits with 30 after the point) and the result types of MySQL's
 * {@code /} and AVG on exact numbers, which differ from standard SQL's.
 */
public final class MySqlTypeSystem extends RelDataTypeSystemImpl {
    public static final MySqlTypeSystem INSTANCE = new MySqlTypeSystem();

    /** MySQL's div_precision_increment: digits {@code /} and AVG add after the point. */
    private static final int DIV_PRECISION_INCREMENT = 4;

    /** The digits MySQL's SUM adds to an exact argument's (DECIMAL_LONGLONG_DIGITS). */
    private static final int SUM_PRECISION_INCREMENT = 22;

    /** MySQL's DECIMAL keeps at most 30 digits after the point. */
    public static final int MAX_DECIMAL_SCALE = 30;

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case VARCHAR, CHAR, VARBINARY, BINARY -> Integer.MAX_VALUE;
            case DECIMAL -> 65;
            case TIMESTAMP, TIME -> 6;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_SCALE : super.getMaxScale(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    /**
     * MySQL's integer {@code +} and {@code -} with an UNSIGNED operand compute a BIGINT UNSIGNED ({@code s - u} too,
     * 1690 when negative); Calcite would take the operands' common type, which for signed and unsigned integers is
     * their merged type (DECIMAL(20,0) beside a BIGINT UNSIGNED, {@link MySqlTypeFactory}).
     */
    @Override
    public RelDataType deriveDecimalPlusType(RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
        RelDataType integer = integerArithmetic(factory, type1, type2);
        return integer != null ? integer : super.deriveDecimalPlusType(factory, type1, type2);
    }

    /** {@code *} as {@link #deriveDecimalPlusType}. */
    @Override
    public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
        RelDataType integer = integerArithmetic(factory, type1, type2);
        return integer != null ? integer : super.deriveDecimalMultiplyType(factory, type1, type2);
    }

    /**
     * For two integer types: BIGINT UNSIGNED when one is unsigned; INTEGER when both are signed and narrower than
     * BIGINT, so that TINYINT and SMALLINT columns, which keep their size for merges, do not make {@code t + t} a
     * TINYINT (MySQL computes in 64 bits); null otherwise (Calcite's answer: BIGINT).
     */
    private static RelDataType integerArithmetic(RelDataTypeFactory factory, RelDataType type1, RelDataType type2) {
        int width1 = MySqlTypeFactory.integerWidth(type1.getSqlTypeName());
        int width2 = MySqlTypeFactory.integerWidth(type2.getSqlTypeName());
        if (width1 < 0 || width2 < 0) {
            return null;
        }
        if (dev.scion.sql.expr.UnsignedArithmetic.isUnsigned(type1)
                || dev.scion.sql.expr.UnsignedArithmetic.isUnsigned(type2)) {
            return factory.createSqlType(SqlTypeName.UBIGINT);
        }
        return width1 < 3 && width2 < 3 ? factory.createSqlType(SqlTypeName.INTEGER) : null;
    }

    /**
     * An exact quotient is a DECIMAL in MySQL ({@code 44 / 64} is 0.6875), not an integer division: the dividend's
     * digits after the point plus div_precision_increment, and as many more digits before the point as the divisor
     * has after it. Standard SQL (Calcite's default) keeps INTEGER for integers, and a comparison against another
     * integer type then casts the quotient to an integer (0.6875 = 1 was true); for decimals it keeps at least 6
     * digits after the point (100 / 35600.00 showed 10 digits, MySQL shows 4).
     */
    @Override
    public RelDataType deriveDecimalDivideType(RelDataTypeFactory factory, RelDataType dividend, RelDataType divisor) {
        if (SqlTypeUtil.isExactNumeric(dividend) && SqlTypeUtil.isExactNumeric(divisor)) {
            int divisorScale = SqlTypeUtil.isDecimal(divisor) ? Math.max(divisor.getScale(), 0) : 0;
            RelDataType quotient = exactWithMoreDigits(factory, dividend, divisorScale);
            // division by zero is NULL in MySQL, so the quotient is nullable whatever its operands
            return factory.createTypeWithNullability(quotient, true);
        }
        return super.deriveDecimalDivideType(factory, dividend, divisor);
    }

    /**
     * SUM of an exact number is a DECIMAL with 22 more digits before the point in MySQL (SUM of an INT is
     * DECIMAL(32,0), of a DECIMAL(10,2) DECIMAL(32,2)); of anything else a DOUBLE. Calcite keeps the argument's type
     * (INTEGER overflowed in CREATE TABLE ... AS SELECT's BIGINT) or widens a DECIMAL to 65 digits.
     */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argument) {
        if (SqlTypeUtil.isExactNumeric(argument)) {
            int scale = SqlTypeUtil.isDecimal(argument) ? Math.max(argument.getScale(), 0) : 0;
            int digits = SqlTypeUtil.isDecimal(argument) ? argument.getPrecision()
                    : integerDigits(argument.getSqlTypeName());
            RelDataType sum = factory.createSqlType(SqlTypeName.DECIMAL,
                    Math.min(65, digits + SUM_PRECISION_INCREMENT), scale);
            return factory.createTypeWithNullability(sum, argument.isNullable());
        }
        return super.deriveSumType(factory, argument);
    }

    /** AVG of an exact number is a DECIMAL with div_precision_increment more digits (AVG of 2 and 3 is 2.5000). */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argument) {
        if (SqlTypeUtil.isExactNumeric(argument)) {
            return factory.createTypeWithNullability(exactWithMoreDigits(factory, argument, 0), argument.isNullable());
        }
        return super.deriveAvgAggType(factory, argument);
    }

    /** {@code type} with div_precision_increment more digits after the point and {@code extraIntegerDigits} before. */
    private static RelDataType exactWithMoreDigits(RelDataTypeFactory factory, RelDataType type,
            int extraIntegerDigits) {
        int scale = Math.min(MAX_DECIMAL_SCALE, Math.max(type.getScale(), 0) + DIV_PRECISION_INCREMENT);
        int precision = SqlTypeUtil.isDecimal(type) ? type.getPrecision() : integerDigits(type.getSqlTypeName());
        int total = Math.min(65, precision + extraIntegerDigits + DIV_PRECISION_INCREMENT);
        return factory.createSqlType(SqlTypeName.DECIMAL, Math.max(total, scale), scale);
    }

    private static int integerDigits(SqlTypeName name) {
        return switch (name) {
            case TINYINT, UTINYINT -> 3;
            case SMALLINT, USMALLINT -> 5;
            case INTEGER, UINTEGER -> 10;
            case BIGINT -> 19;
            default -> 20; // unsigned BIGINT
        };
    }
}
