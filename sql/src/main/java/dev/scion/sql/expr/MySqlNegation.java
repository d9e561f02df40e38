package dev.scion.sql.expr;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * MySQL's unary minus: its operand's type, except that the negation of an UNSIGNED integer is a signed BIGINT
 * ({@code -CAST(1 AS UNSIGNED)} is -1) and of a TINYINT, SMALLINT or MEDIUMINT an INTEGER. Calcite's keeps the operand's type, which would have typed -1 as unsigned.
 * It replaces Calcite's prefix {@code -} in the operator table, so the validator's look-up of a parsed
 * {@code -x} lands here.
 */
public final class MySqlNegation {
    public static final SqlPrefixOperator OPERATOR = new SqlPrefixOperator("-", SqlKind.MINUS_PREFIX, 80,
            MySqlNegation::returnType, InferTypes.RETURN_TYPE, OperandTypes.NUMERIC_OR_INTERVAL);

    private MySqlNegation() {
    }

    private static RelDataType returnType(SqlOperatorBinding binding) {
        RelDataType operand = binding.getOperandType(0);
        RelDataTypeFactory f = binding.getTypeFactory();
        if (!UnsignedArithmetic.isUnsigned(operand)) {
            return SmallIntegerResults.widened(f, operand); // -(-128) does not fit a TINYINT
        }
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), operand.isNullable());
    }
}
