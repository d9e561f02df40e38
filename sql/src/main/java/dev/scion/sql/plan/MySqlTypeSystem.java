package dev.scion.sql.plan;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/** MySQL's numeric limits: DECIMAL up to 65 digits with 30 after the point. */
public final class MySqlTypeSystem extends RelDataTypeSystemImpl {
    public static final MySqlTypeSystem INSTANCE = new MySqlTypeSystem();

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
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
