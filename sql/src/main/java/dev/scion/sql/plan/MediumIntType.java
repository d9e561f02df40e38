package dev.scion.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * MySQL's MEDIUMINT (signed or UNSIGNED) as the validator sees it: Calcite's INTEGER / UINTEGER to every rule that
 * reads the type's name (arithmetic, casts, key ranges, the evaluator), but a type of its own by digest, so that
 * a merge of two MEDIUMINT columns stays one (INT24 9, CTAS {@code mediumint}) where Calcite has no such type.
 * {@link #createWithNullability} keeps the class; a Calcite rule that rebuilds the type from its name makes a plain
 * INTEGER, which is what a MEDIUMINT column was before.
 */
public final class MediumIntType extends BasicSqlType {
    private MediumIntType(RelDataTypeSystem typeSystem, boolean unsigned, boolean nullable) {
        super(typeSystem, unsigned ? SqlTypeName.UINTEGER : SqlTypeName.INTEGER, nullable);
    }

    /** MEDIUMINT, or MEDIUMINT UNSIGNED, not null. */
    static RelDataType of(RelDataTypeFactory f, boolean unsigned) {
        // through the factory, so that the type is interned like Calcite's own
        return f.createTypeWithNullability(new MediumIntType(f.getTypeSystem(), unsigned, true), false);
    }

    public static boolean is(RelDataType type) {
        return type instanceof MediumIntType;
    }

    @Override
    public BasicSqlType createWithNullability(boolean nullable) {
        return nullable == isNullable() ? this
                : new MediumIntType(typeSystem, getSqlTypeName() == SqlTypeName.UINTEGER, nullable);
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
        sb.append(getSqlTypeName() == SqlTypeName.UINTEGER ? "MEDIUMINT UNSIGNED" : "MEDIUMINT");
    }
}
