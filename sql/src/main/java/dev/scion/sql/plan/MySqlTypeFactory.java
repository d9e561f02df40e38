package dev.scion.sql.plan;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

/**
 * Calcite's type factory with MySQL's aggregation of mixed types: where numbers, strings and temporal values meet
 * in one column (VALUES rows, UNION branches, CASE / COALESCE arms) MySQL's result is a string; Calcite finds no
 * common type and refuses the statement ("Values passed to VALUES operator must have compatible types").
 */
final class MySqlTypeFactory extends JavaTypeFactoryImpl {

    MySqlTypeFactory(RelDataTypeSystem typeSystem) {
        super(typeSystem);
    }

    @Override
    public RelDataType leastRestrictive(List<RelDataType> types) {
        RelDataType common = super.leastRestrictive(types);
        if (common != null || types.isEmpty()) {
            return common;
        }
        boolean nullable = false;
        boolean anyString = false;
        for (RelDataType t : types) {
            SqlTypeName name = t.getSqlTypeName();
            SqlTypeFamily family = name.getFamily();
            if (name == SqlTypeName.NULL) {
                nullable = true;
                continue;
            }
            boolean scalar = family == SqlTypeFamily.NUMERIC || family == SqlTypeFamily.CHARACTER
                    || family == SqlTypeFamily.DATE || family == SqlTypeFamily.TIME
                    || family == SqlTypeFamily.TIMESTAMP;
            if (!scalar) {
                return null;
            }
            anyString |= family == SqlTypeFamily.CHARACTER;
            nullable |= t.isNullable();
        }
        if (!anyString) {
            return null; // numbers with temporal values: no string involved, leave Calcite's refusal
        }
        return createTypeWithNullability(createSqlType(SqlTypeName.VARCHAR, 65535), nullable);
    }
}
