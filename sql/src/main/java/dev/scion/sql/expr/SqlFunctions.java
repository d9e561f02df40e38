package dev.scion.sql.expr;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperatorBinding;
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

    /** MySQL's aggregates whose result type differs from Calcite's declarations of the same names. */
    public static final Set<String> MYSQL_AGGREGATES = Set.of("STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP",
            "VARIANCE", "VAR_POP", "VAR_SAMP", "BIT_AND", "BIT_OR", "BIT_XOR");

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

    /** {@code CAST(x AS UNSIGNED)}: the integer value of x modulo 2^64, a BIGINT UNSIGNED. */
    public static final SqlFunction TO_UNSIGNED = new SqlFunction("TO_UNSIGNED", SqlKind.OTHER_FUNCTION,
            opBinding -> opBinding.getTypeFactory().createTypeWithNullability(
                    opBinding.getTypeFactory().createSqlType(SqlTypeName.UBIGINT),
                    opBinding.getOperandType(0).isNullable()),
            null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    /**
     * {@code CAST(x AS SIGNED)}'s reading of text (plan.MySqlLiteralRewriter puts it under the BIGINT cast): a
     * string gives the integer it starts with ({@code '5.9e7'} is 5), anything else is passed through unchanged.
     */
    public static final SqlFunction SIGNED_TEXT = new SqlFunction("SCION_SIGNED_TEXT", SqlKind.OTHER_FUNCTION,
            opBinding -> {
                RelDataType t = opBinding.getOperandType(0);
                var types = opBinding.getTypeFactory();
                return readsText(t)
                        ? types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), t.isNullable())
                        : t;
            }, null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    /** Whether {@link #SIGNED_TEXT} reads an operand of this type as text (JSON keeps its own cast). */
    public static boolean readsText(RelDataType t) {
        return org.apache.calcite.sql.type.SqlTypeUtil.isCharacter(t) && !dev.scion.sql.expr.json.JsonType.is(t);
    }

    /**
     * {@code SCION_TRUTH(x)}: MySQL's truth value of any x as a BOOLEAN (NULL, or whether x is non-zero), which the
     * planner puts where MySQL takes a number or string as a condition (plan.TruthValues).
     */
    public static final SqlFunction TRUTH = new SqlFunction("SCION_TRUTH", SqlKind.OTHER_FUNCTION,
            ReturnTypes.BOOLEAN_NULLABLE, null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    /**
     * {@code CAST(x AS FLOAT)}'s value rounded to single precision (plan.MySqlLiteralRewriter puts it above the cast):
     * MySQL's FLOAT is four bytes, so {@code CAST(0.8 AS FLOAT)} equals a FLOAT column holding 0.8, while Calcite's
     * FLOAT is a double.
     */
    public static final SqlFunction SINGLE_PRECISION = new SqlFunction("SCION_SINGLE_PRECISION",
            SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    static {
        SqlReturnTypeInference varchar = ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(
                org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE);
        SqlReturnTypeInference bigint = ReturnTypes.BIGINT_NULLABLE;
        fn("DATABASE", varchar, OperandTypes.NILADIC);
        fn("SCHEMA", varchar, OperandTypes.NILADIC);
        fn("VERSION", varchar, OperandTypes.NILADIC);
        fn("CONNECTION_ID", bigint, OperandTypes.NILADIC);
        fn("USER", varchar, OperandTypes.NILADIC);
        fn("LAST_INSERT_ID", bigint, OperandTypes.or(OperandTypes.NILADIC, OperandTypes.ANY));
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
        fn("IFNULL", SqlFunctions::ifNullType, OperandTypes.ANY_ANY);
        fn("BIT_COUNT", bigint, OperandTypes.ANY);
        OPERATORS.add(BYTES_LITERAL);
        OPERATORS.add(CharsetConversion.CONVERT);
        fn("NOW", ReturnTypes.explicit(SqlTypeName.TIMESTAMP), OperandTypes.or(OperandTypes.NILADIC, OperandTypes.NUMERIC));
        declareMySqlBuiltins(varchar, bigint);
        declareAggregates();
        OPERATORS.add(TO_UNSIGNED);
        OPERATORS.add(MySqlNegation.OPERATOR);
        OPERATORS.addAll(SmallIntegerResults.FUNCTIONS);
        OPERATORS.add(TRUTH);
        OPERATORS.add(SIGNED_TEXT);
        OPERATORS.add(SINGLE_PRECISION);
        // binary operators the MySQL parser creates; the validator resolves every call through this table
        OPERATORS.add(dev.scion.sql.parser.MySqlOperators.XOR);
        OPERATORS.add(dev.scion.sql.parser.MySqlOperators.DIV);
        OPERATORS.add(dev.scion.sql.parser.MySqlOperators.BIT_OR);
        OPERATORS.add(dev.scion.sql.parser.MySqlOperators.BIT_AND);
        OPERATORS.add(dev.scion.sql.parser.MySqlOperators.BIT_XOR);
        OPERATORS.add(dev.scion.sql.parser.MySqlOperators.SHIFT_LEFT);
        OPERATORS.add(dev.scion.sql.parser.MySqlOperators.SHIFT_RIGHT);
        OPERATORS.add(dev.scion.sql.parser.MySqlOperators.BIT_NOT);
        OPERATORS.add(dev.scion.sql.parser.MySqlOperators.MATCH_AGAINST);
        OPERATORS.add(MySqlRemainder.OPERATOR);
        for (String p : VERSIONING_PROCEDURES) {
            fn(p, varchar, OperandTypes.VARIADIC);
        }
    }

    /**
     * MySQL built-ins Calcite's tables lack, evaluated by {@link BuiltinFunctions} and {@link DateFunctions}.
     * Operands are not type-checked here: MySQL converts arguments itself, and the evaluators do the same.
     */
    private static void declareMySqlBuiltins(SqlReturnTypeInference varchar, SqlReturnTypeInference bigint) {
        SqlReturnTypeInference dbl = ReturnTypes.DOUBLE_NULLABLE;
        SqlReturnTypeInference varbinary = ReturnTypes.explicit(SqlTypeName.VARBINARY).andThen(
                org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE);
        SqlReturnTypeInference date = ReturnTypes.explicit(SqlTypeName.DATE).andThen(
                org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE);
        SqlReturnTypeInference time = ReturnTypes.explicit(SqlTypeName.TIME).andThen(
                org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE);
        SqlReturnTypeInference timestamp = ReturnTypes.explicit(SqlTypeName.TIMESTAMP).andThen(
                org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE);
        for (String n : List.of("LPAD", "RPAD", "REPEAT", "REVERSE", "LEFT", "RIGHT", "LTRIM", "RTRIM", "SPACE",
                "HEX", "BIN", "OCT", "CONV", "SUBSTRING_INDEX", "ELT", "QUOTE", "TO_BASE64", "MD5", "SHA", "SHA1",
                "SHA2", "UUID", "BIN_TO_UUID", "LAST_INSERT_UUID", "DAYNAME", "MONTHNAME", "DATE_FORMAT", "TIME_FORMAT", "SEC_TO_TIME", "MID",
                "CONCAT_WS", "CONCAT", "LCASE", "UCASE", "INSERT", "EXPORT_SET", "MAKE_SET", "FORMAT", "INET_NTOA",
                "INET6_NTOA", "CHARSET", "COLLATION")) {
            fn(n, varchar, OperandTypes.VARIADIC);
        }
        // CHAR(N, ...): one byte string from any number of codes (Calcite's CHAR takes one)
        for (String n : List.of("UNHEX", "FROM_BASE64", "SCION_BINARY", "UUID_TO_BIN", "INET6_ATON", "COMPRESS",
                "UNCOMPRESS", "CHAR")) {
            fn(n, varbinary, OperandTypes.VARIADIC);
        }
        for (String n : List.of("ASCII", "ORD", "FIELD", "FIND_IN_SET", "STRCMP", "LOCATE", "INSTR", "BIT_LENGTH",
                "CRC32", "SIGN", "ISNULL", "IS_UUID", "UUID_SHORT", "YEAR", "MONTH", "DAY", "DAYOFMONTH", "DAYOFWEEK", "WEEKDAY", "DAYOFYEAR",
                "QUARTER", "TO_DAYS", "WEEK", "WEEKOFYEAR", "YEARWEEK", "HOUR", "MINUTE", "SECOND", "MICROSECOND",
                "DATEDIFF", "TIME_TO_SEC", "UNIX_TIMESTAMP", "LENGTH", "OCTET_LENGTH", "INET_ATON", "IS_IPV4", "IS_IPV6",
                "IS_IPV4_COMPAT", "IS_IPV4_MAPPED", "UNCOMPRESSED_LENGTH", "SLEEP", "GET_LOCK", "RELEASE_LOCK",
                "IS_FREE_LOCK", "IS_USED_LOCK", "RELEASE_ALL_LOCKS", "COERCIBILITY", "VALIDATE_PASSWORD_STRENGTH",
                "SCION_YEAR")) {
            fn(n, bigint, OperandTypes.VARIADIC);
        }
        // SQRT is Scion's so that it stays SQRT: Calcite converts its own to POWER(x, 0.5), whose negative base
        // gives NaN where MySQL's SQRT gives NULL
        for (String n : List.of("POW", "LOG", "LOG2", "PI", "RAND", "SQRT")) {
            fn(n, dbl, OperandTypes.VARIADIC);
        }
        for (String n : List.of("CURDATE", "UTC_DATE", "DATE", "LAST_DAY", "FROM_DAYS", "MAKEDATE")) {
            fn(n, date, OperandTypes.VARIADIC);
        }
        for (String n : List.of("CURTIME", "UTC_TIME")) {
            fn(n, time, OperandTypes.VARIADIC);
        }
        fn("TIME", TimeArithmeticTypes.TIME, OperandTypes.VARIADIC);
        fn("UTC_TIMESTAMP", timestamp, OperandTypes.VARIADIC);
        fn("STR_TO_DATE", TimeArithmeticTypes.STR_TO_DATE, OperandTypes.VARIADIC);
        fn("GET_FORMAT", varchar, OperandTypes.VARIADIC);
        fn("TIMESTAMP", TimeArithmeticTypes.TIMESTAMP, OperandTypes.VARIADIC);
        for (String n : List.of("SCION_TIMESTAMPADD", "MAKETIME")) {
            fn(n, varchar, OperandTypes.VARIADIC);
        }
        fn("TIMEDIFF", TimeArithmeticTypes.TIMEDIFF, OperandTypes.VARIADIC);
        fn("ADDTIME", TimeArithmeticTypes.ADDTIME, OperandTypes.VARIADIC);
        fn("SUBTIME", TimeArithmeticTypes.ADDTIME, OperandTypes.VARIADIC);
        fn("SCION_TIMESTAMPDIFF", bigint, OperandTypes.VARIADIC);
        fn("SCION_EXTRACT", bigint, OperandTypes.VARIADIC);
        fn("CONVERT_TZ", timestamp, OperandTypes.VARIADIC);
        fn("FROM_UNIXTIME", opBinding -> (opBinding.getOperandCount() > 1 ? varchar : timestamp)
                .inferReturnType(opBinding), OperandTypes.VARIADIC);
        SqlReturnTypeInference dateArith = opBinding -> {
            var first = opBinding.getOperandType(0);
            var family = first.getSqlTypeName().getFamily();
            if (family == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER) {
                return varchar.inferReturnType(opBinding);
            }
            if (first.getSqlTypeName() == SqlTypeName.DATE) {
                SqlTypeName unit = opBinding.getOperandCount() > 1 ? opBinding.getOperandType(1).getSqlTypeName()
                        : SqlTypeName.INTEGER;
                boolean whole = unit.getFamily() != org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME
                        || unit == SqlTypeName.INTERVAL_DAY;
                return (whole ? date : timestamp).inferReturnType(opBinding);
            }
            return timestamp.inferReturnType(opBinding);
        };
        for (String n : List.of("DATE_ADD", "ADDDATE", "DATE_SUB", "SUBDATE")) {
            fn(n, dateArith, OperandTypes.VARIADIC);
        }
        // GREATEST / LEAST of numbers and strings compare as DOUBLE in MySQL (GREATEST(1, '9') is 9)
        SqlReturnTypeInference extreme = ReturnTypes.LEAST_RESTRICTIVE.orElse(opBinding -> {
            boolean numbersAndStrings = true;
            for (var t : opBinding.collectOperandTypes()) {
                var family = t.getSqlTypeName().getFamily();
                numbersAndStrings &= family == org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC
                        || family == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER;
            }
            return numbersAndStrings ? opBinding.getTypeFactory().createSqlType(SqlTypeName.DOUBLE) : null;
        }).andThen(
                org.apache.calcite.sql.type.SqlTypeTransforms.TO_NULLABLE);
        fn("GREATEST", extreme, OperandTypes.VARIADIC);
        fn("LEAST", extreme, OperandTypes.VARIADIC);
        fn("TRUNCATE", ReturnTypes.ARG0_NULLABLE, OperandTypes.VARIADIC);
        fn("IF", opBinding -> {
            var tf = opBinding.getTypeFactory();
            var common = tf.leastRestrictive(List.of(opBinding.getOperandType(1), opBinding.getOperandType(2)));
            if (common == null) {
                common = tf.createSqlType(SqlTypeName.VARCHAR);
            }
            return tf.createTypeWithNullability(common, true);
        }, OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.ANY, org.apache.calcite.sql.type.SqlTypeFamily.ANY,
                org.apache.calcite.sql.type.SqlTypeFamily.ANY));
    }

    /**
     * The statistics return DOUBLE whatever their argument (Calcite types them like AVG, as the argument), and
     * BIT_AND / BIT_OR / BIT_XOR BIGINT UNSIGNED. Evaluated by AggregateOp.
     */
    private static void declareAggregates() {
        for (String n : MYSQL_AGGREGATES) {
            SqlReturnTypeInference ret = n.startsWith("BIT_")
                    ? opBinding -> opBinding.getTypeFactory().createSqlType(SqlTypeName.UBIGINT)
                    : ReturnTypes.DOUBLE_NULLABLE.andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE);
            OPERATORS.add(new org.apache.calcite.sql.SqlAggFunction(n, null, SqlKind.OTHER_FUNCTION, ret, null,
                    OperandTypes.ANY, SqlFunctionCategory.NUMERIC, false, false,
                    org.apache.calcite.util.Optionality.FORBIDDEN) {
            });
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
            SqlOperatorTables.of(dev.scion.sql.parser.MySqlOperators.COLLATE),
            dev.scion.sql.expr.spatial.SpatialFunctions.operatorTable(),
            dev.scion.sql.expr.vector.VectorFunctions.operatorTable(),
            dev.scion.sql.expr.json.JsonFunctions.operatorTable(),
            without(SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.MYSQL),
                    // Calcite's ABS and ROUND keep a TINYINT argument's type: SmallIntegerResults instead
                    union(union(union(dev.scion.sql.expr.json.JsonFunctions.NAMES, MYSQL_AGGREGATES),
                                    SmallIntegerResults.NAMES),
                            // Calcite's CONCAT casts numbers to strings first, folding 1e0 into '1.0'; MySQL's gives '1'
                            // Calcite's RAND refuses a string seed, which MySQL reads as an integer
                            // Calcite's CHAR takes one code; MySQL's any number (declared above)
                            // Calcite's bit operators (their own types and precedences): MySqlOperators' instead
                            Set.of("CONCAT", "RAND", "CHAR", "&", "|", "^", "<<", ">>", "~")),
                    // Calcite's unary minus keeps an unsigned operand's type: MySqlNegation instead
                    Set.of(org.apache.calcite.sql.fun.SqlStdOperatorTable.UNARY_MINUS)));

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /**
     * {@code table} minus the operators named in {@code hidden} and the operators {@code hiddenOperators} (one
     * overload of a name, as the prefix {@code -} beside the binary one): Calcite's JSON functions follow SQL:2016,
     * not MySQL, and both declarations side by side would make calls ambiguous.
     */
    private static SqlOperatorTable without(SqlOperatorTable table, Set<String> hidden,
            Set<SqlOperator> hiddenOperators) {
        return new SqlOperatorTable() {
            @Override
            public void lookupOperatorOverloads(org.apache.calcite.sql.SqlIdentifier opName,
                                                SqlFunctionCategory category,
                                                org.apache.calcite.sql.SqlSyntax syntax,
                                                List<SqlOperator> operatorList,
                                                org.apache.calcite.sql.validate.SqlNameMatcher nameMatcher) {
                if (opName.isSimple() && hidden.contains(opName.getSimple().toUpperCase(Locale.ROOT))) {
                    return;
                }
                List<SqlOperator> found = new java.util.ArrayList<>();
                table.lookupOperatorOverloads(opName, category, syntax, found, nameMatcher);
                found.removeIf(hiddenOperators::contains);
                operatorList.addAll(found);
            }

            @Override
            public List<SqlOperator> getOperatorList() {
                return table.getOperatorList().stream()
                        .filter(op -> !hidden.contains(op.getName().toUpperCase(Locale.ROOT))
                                && !hiddenOperators.contains(op)).toList();
            }
        };
    }

    private SqlFunctions() {
    }

    /** Scion's own declaration of a function, or null. */
    public static SqlOperator declared(String name) {
        for (SqlOperator op : OPERATORS) {
            if (op.getName().equals(name)) {
                return op;
            }
        }
        return null;
    }

    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }

    public static boolean isVersioningProcedure(String name) {
        return VERSIONING_PROCEDURES.contains(name.toUpperCase(Locale.ROOT));
    }

    /**
     * IFNULL's type: the two arguments' common type, or, where MySQL has none to give (a temporal value with a
     * number: IFNULL(datetime_col, 1)), a string, as MySQL answers '1' or the datetime's text.
     */
    private static RelDataType ifNullType(SqlOperatorBinding binding) {
        RelDataTypeFactory types = binding.getTypeFactory();
        RelDataType common = types.leastRestrictive(binding.collectOperandTypes());
        if (common != null) {
            return common;
        }
        boolean nullable = binding.collectOperandTypes().stream().anyMatch(RelDataType::isNullable);
        return types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR, 65535), nullable);
    }
}
