package dev.scion.sql.expr;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * MySQL's {@code %} and MOD(): any numbers, a DOUBLE when either operand is one (a string is read as a DOUBLE, as in
 * arithmetic), else Calcite's exact remainder type. Calcite's operator takes exact numbers only, so its coercion
 * made {@code s % 2} and {@code 2.5e0 % 2} DECIMALs with 30 and 15 digits after the point.
 */
public final class MySqlRemainder {
    /**
     * Named apart from Calcite's {@code %} and MOD, whose names the validator and the rel converter look up again
     * (finding Calcite's operators); its kind is still MOD, which the interpreter evaluates.
     */
    public static final SqlFunction OPERATOR = new SqlFunction("SCION_MOD", SqlKind.MOD,
            MySqlRemainder::returnType, null, OperandTypes.NUMERIC_NUMERIC, SqlFunctionCategory.NUMERIC);

    private MySqlRemainder() {
    }

    private static RelDataType returnType(SqlOperatorBinding binding) {
        RelDataType x = binding.getOperandType(0);
        RelDataType y = binding.getOperandType(1);
        if (SqlTypeUtil.isApproximateNumeric(x) || SqlTypeUtil.isApproximateNumeric(y)) {
            RelDataTypeFactory f = binding.getTypeFactory();
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), true); // x % 0 is NULL
        }
        return ReturnTypes.NULLABLE_MOD.inferReturnType(binding);
    }
}
