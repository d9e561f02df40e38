package dev.scion.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit conversions plus MySQL's reading of a boolean as the integer 1 or 0 wherever a number is
 * expected: ABS(1 AND TRUE), -TRUE, 1 % TRUE, (a OR b) + 4, SUM(x > 1) are arithmetic on 0 / 1 in MySQL, which has
 * no boolean type; Calcite refused them ("Cannot apply 'ABS' to arguments of type ABS(BOOLEAN)"). The validator
 * then casts the operand to INTEGER.
 */
final class MySqlTypeCoercion extends TypeCoercionImpl {
    MySqlTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    public RelDataType implicitCast(RelDataType in, SqlTypeFamily expected) {
        if (in.getSqlTypeName() == SqlTypeName.BOOLEAN && numeric(expected)) {
            return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER), in.isNullable());
        }
        return super.implicitCast(in, expected);
    }

    private static boolean numeric(SqlTypeFamily f) {
        return f == SqlTypeFamily.NUMERIC || f == SqlTypeFamily.INTEGER || f == SqlTypeFamily.EXACT_NUMERIC;
    }
}
