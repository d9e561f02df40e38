package dev.scion.sql.dolt;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Column types shared by the system tables (nullable unless a table says otherwise). */
final class Columns {
    private Columns() {
    }

    static RelDataType text(RelDataTypeFactory f, int length) {
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, length), true);
    }

    static RelDataType hash(RelDataTypeFactory f) {
        return text(f, 32);
    }

    static RelDataType bigint(RelDataTypeFactory f) {
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), true);
    }

    /** tinyint(1) flags; values are Long 0/1. */
    static RelDataType flag(RelDataTypeFactory f) {
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.TINYINT), true);
    }

    static RelDataType datetime(RelDataTypeFactory f) {
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.TIMESTAMP, 3), true);
    }
}
