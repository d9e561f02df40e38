package dev.scion.sql.expr;

import dev.scion.sql.plan.MediumIntType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.Set;

/**
 * Calcite's ABS and ROUND (same names, operand checks and result types), except that a TINYINT, SMALLINT or
 * MEDIUMINT argument gives an INTEGER: those types are kept by merges (COALESCE of two TINYINT columns is a TINYINT,
 * as in MySQL 8), but {@code ABS(-128)} and {@code ROUND(127, -1)} do not fit the argument's type, and a
 * CREATE TABLE ... AS SELECT of them must not make a column that refuses the value. They replace Calcite's
 * ABS and ROUND in the operator table; the evaluator finds them by name as before.
 */
public final class SmallIntegerResults {
    public static final SqlFunction ABS = SqlBasicFunction.create("ABS",
            ReturnTypes.ARG0.andThen(SmallIntegerResults::widened), OperandTypes.NUMERIC_OR_INTERVAL,
            SqlFunctionCategory.NUMERIC);

    public static final SqlFunction ROUND = SqlBasicFunction.create("ROUND",
            ReturnTypes.ARG0_NULLABLE.andThen(SmallIntegerResults::widened),
            OperandTypes.NUMERIC.or(OperandTypes.NUMERIC_INT32), SqlFunctionCategory.NUMERIC);

    /** The functions, and the names of Calcite's own they stand in for. */
    public static final List<SqlFunction> FUNCTIONS = List.of(ABS, ROUND);
    public static final Set<String> NAMES = Set.of("ABS", "ROUND");

    private SmallIntegerResults() {
    }

    private static RelDataType widened(SqlOperatorBinding binding, RelDataType type) {
        return widened(binding.getTypeFactory(), type);
    }

    /**
     * {@code type}, or INTEGER of its nullability where it is a TINYINT or SMALLINT, INTEGER / INTEGER UNSIGNED where
     * it is a MEDIUMINT.
     */
    static RelDataType widened(RelDataTypeFactory f, RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        if (name == SqlTypeName.TINYINT || name == SqlTypeName.SMALLINT) {
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER), type.isNullable());
        }
        return MediumIntType.is(type) ? f.createTypeWithNullability(f.createSqlType(name), type.isNullable()) : type;
    }
}
