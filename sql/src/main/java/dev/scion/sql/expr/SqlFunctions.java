package dev.scion.sql.expr;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.SqlOperatorTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Functions MySQL has that Calcite's tables lack, plus Scion's versioning functions. Declared here for the
 * validator; evaluated by {@link FunctionEvaluator}.
 */
public final class SqlFunctions {
    /** Functions with side effects or session dependence: never constant-folded. */
    public static final Set<String> VERSIONING_PROCEDURES = Set.of("DOLT_COMMIT", "DOLT_CHECKOUT", "DOLT_ADD",
            "DOLT_BRANCH", "DOLT_RESET", "DOLT_MERGE", "DOLT_TAG", "DOLT_GC",
            "DOLT_REMOTE", "DOLT_CLONE", "DOLT_FETCH", "DOLT_PULL", "DOLT_PUSH", "DOLT_REVERT", "DOLT_CHERRY_PICK",
            "DOLT_CONFLICTS_RESOLVE", "DOLT_CLEAN", "DOLT_RM", "DOLT_DETACHED_COMMIT", "DOLT_DETACHED_MERGE",
            "DOLT_DETACHED_SQUASH");

    private static final List<SqlOperator> OPERATORS = new ArrayList<>();

    /**
     * A hex or bit-value literal after the planner's rewrite: SCION_BYTES('latin-1 text') is the bytes of its
     * argument (see MySqlLiteralRewriter). Typed as a string for the validator, bytes at run time.
     */
    public static final SqlFunction BYTES_LITERAL = new SqlFunction("SCION_BYTES", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR), null, OperandTypes.STRING,
            SqlFunctionCategory.USER_DEFINED_FUNCTION) {
        @Override
        public boolean isDynamicFunction() {
            return true; // Calcite's constant folding cannot evaluate it; Scion's interpreter does
        }
    };

    static {
        SqlReturnTypeInference varchar = ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(
                org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE);
        SqlReturnTypeInference bigint = ReturnTypes.BIGINT_NULLABLE;
        fn("DATABASE", varchar, OperandTypes.NILADIC);
        fn("SCHEMA", varchar, OperandTypes.NILADIC);
        fn("VERSION", varchar, OperandTypes.NILADIC);
        fn("CONNECTION_ID", bigint, OperandTypes.NILADIC);
        fn("USER", varchar, OperandTypes.NILADIC);
        fn("LAST_INSERT_ID", bigint, OperandTypes.or(OperandTypes.NILADIC, OperandTypes.NUMERIC));
        fn("ROW_COUNT", bigint, OperandTypes.NILADIC);
        fn("FOUND_ROWS", bigint, OperandTypes.NILADIC);
        fn("ACTIVE_BRANCH", varchar, OperandTypes.NILADIC);
        fn("DOLT_VERSION", varchar, OperandTypes.NILADIC);
        fn("HASHOF", varchar, OperandTypes.STRING);
        fn("DOLT_HASHOF", varchar, OperandTypes.STRING);
        fn("DOLT_HASHOF_DB", varchar, OperandTypes.or(OperandTypes.NILADIC, OperandTypes.STRING));
        fn("DOLT_HASHOF_TABLE", varchar, OperandTypes.STRING);
        fn("DOLT_MERGE_BASE", varchar, OperandTypes.STRING_STRING);
        fn("HAS_ANCESTOR", bigint, OperandTypes.STRING_STRING);
        fn("IFNULL", ReturnTypes.LEAST_RESTRICTIVE, OperandTypes.SAME_SAME);
        fn("BIT_COUNT", bigint, OperandTypes.ANY);
        OPERATORS.add(BYTES_LITERAL);
        fn("NOW", ReturnTypes.explicit(SqlTypeName.TIMESTAMP), OperandTypes.or(OperandTypes.NILADIC, OperandTypes.NUMERIC));
        for (String p : VERSIONING_PROCEDURES) {
            fn(p, varchar, OperandTypes.VARIADIC);
        }
    }

    private static void fn(String name, SqlReturnTypeInference ret, SqlOperandTypeChecker operands) {
        OPERATORS.add(new SqlFunction(name, SqlKind.OTHER_FUNCTION, ret, null, operands,
                SqlFunctionCategory.USER_DEFINED_FUNCTION) {
            @Override
            public boolean isDeterministic() {
                return false;
            }

            @Override
            public boolean isDynamicFunction() {
                return true;
            }
        });
    }

    private static final SqlOperatorTable TABLE = SqlOperatorTables.chain(
            SqlOperatorTables.of(OPERATORS),
            dev.scion.sql.expr.spatial.SpatialFunctions.operatorTable(),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.MYSQL));

    private SqlFunctions() {
    }

    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }

    public static boolean isVersioningProcedure(String name) {
        return VERSIONING_PROCEDURES.contains(name.toUpperCase(Locale.ROOT));
    }
}
