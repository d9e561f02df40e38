package dev.scion.sql.expr.json;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * MySQL's JSON type as the validator sees it: a VARCHAR whose precision is {@link #PRECISION}, one less than the
 * TEXT types' Integer.MAX_VALUE. Calcite has no JSON type and a type of our own would be dropped by its type
 * factory (nullability and charset changes rebuild basic types); a distinct precision survives validation,
 * SqlToRel and every rewrite, so JSON columns, JSON function results and CAST(x AS JSON) keep their type up to
 * the operators and the result metadata. Functions that build text from a JSON value (CONCAT, LPAD) get a
 * different precision and so are plain text, as in MySQL; functions whose result type is their first argument's
 * (SUBSTRING, UPPER) keep the mark, which is why JSON comparison falls back to text for values that are not JSON.
 */
public final class JsonType {
    /** The VARCHAR precision that marks JSON. */
    public static final int PRECISION = Integer.MAX_VALUE - 1;

    private JsonType() {
    }

    public static RelDataType create(RelDataTypeFactory f, boolean nullable) {
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, PRECISION), nullable);
    }

    public static boolean is(RelDataType t) {
        return t != null && t.getSqlTypeName() == SqlTypeName.VARCHAR && t.getPrecision() == PRECISION;
    }
}
