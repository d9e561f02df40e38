package dev.scion.sql.expr;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Declarations of functions whose evaluators check their own arguments (JSON, spatial, vector): any number of
 * operands of any type for the validator, and a fixed result type.
 */
public final class VariadicFunctions {
    private VariadicFunctions() {
    }

    /** A function {@code name} with result type {@code ret} taking any operands. */
    public static SqlFunction variadic(String name, SqlReturnTypeInference ret) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ret, null, OperandTypes.VARIADIC,
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }

    /** Result type {@code type}, nullable (NULL for a NULL or bad argument). */
    public static SqlReturnTypeInference nullable(SqlTypeName type) {
        return ReturnTypes.explicit(type).andThen(SqlTypeTransforms.FORCE_NULLABLE);
    }
}
