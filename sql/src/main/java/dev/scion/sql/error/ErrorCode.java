package dev.scion.sql.error;

/** The MySQL errors Scion raises, with their numbers and SQLSTATEs. */
public enum ErrorCode {
    DB_CREATE_EXISTS(1007, "HY000"),
    DB_DROP_EXISTS(1008, "HY000"),
    DISK_FULL(1021, "HY000"),
    ACCESS_DENIED(1045, "28000"),
    FILE_NOT_FOUND(29, "HY000"),
    INCORRECT_GLOBAL_LOCAL_VAR(1238, "HY000"),
    /** ER_LOCAL_VARIABLE: SET GLOBAL of a variable that has only a session value. */
    LOCAL_VARIABLE(1228, "HY000"),
    /** ER_GLOBAL_VARIABLE: SET SESSION of a variable that has only a global value. */
    GLOBAL_VARIABLE(1229, "HY000"),
    NO_DB_SELECTED(1046, "3D000"),
    BAD_NULL(1048, "23000"),
    BAD_DB(1049, "42000"),
    TABLE_EXISTS(1050, "42S01"),
    BAD_TABLE(1051, "42S02"),
    NON_UNIQ(1052, "23000"),
    BAD_FIELD(1054, "42S22"),
    WRONG_FIELD_WITH_GROUP(1055, "42000"),
    MIX_OF_GROUP_FUNC_AND_FIELDS(1140, "42000"),
    DUP_FIELDNAME(1060, "42S21"),
    DUP_KEYNAME(1061, "42000"),
    /** ER_WRONG_NAME_FOR_INDEX: an index other than the primary key named PRIMARY. */
    WRONG_NAME_FOR_INDEX(1280, "42000"),
    DUP_ENTRY(1062, "23000"),
    PARSE_ERROR(1064, "42000"),
    EMPTY_QUERY(1065, "42000"),
    MULTIPLE_PRI_KEY(1068, "42000"),
    KEY_COLUMN_DOES_NOT_EXIST(1072, "42000"),
    NO_SUCH_THREAD(1094, "HY000"),
    KILL_DENIED(1095, "HY000"),
    UNKNOWN_ERROR(1105, "HY000"),
    WRONG_VALUE_COUNT(1136, "21S01"),
    NO_SUCH_TABLE(1146, "42S02"),
    SYNTAX_ERROR(1149, "42000"),
    FT_MATCHING_KEY_NOT_FOUND(1191, "HY000"),
    UNKNOWN_SYSTEM_VARIABLE(1193, "HY000"),
    LOCK_WAIT_TIMEOUT(1205, "HY000"),
    LOCK_DEADLOCK(1213, "40001"),
    UNKNOWN_TIME_ZONE(1298, "HY000"),
    WRONG_VALUE_FOR_VAR(1231, "42000"),
    WRONG_TYPE_FOR_VAR(1232, "42000"),
    NOT_SUPPORTED_YET(1235, "42000"),
    WRONG_ARGUMENTS(1210, "HY000"),
    BAD_FT_COLUMN(1283, "HY000"),
    INVALID_ON_UPDATE(1294, "HY000"),
    UNSUPPORTED_PS(1295, "HY000"),
    SP_DOES_NOT_EXIST(1305, "42000"),
    SP_ALREADY_EXISTS(1304, "42000"),
    SP_LILABEL_MISMATCH(1308, "42000"),
    SP_BADRETURN(1313, "42000"),
    SP_BADSTATEMENT(1314, "0A000"),
    SP_WRONG_NO_OF_ARGS(1318, "42000"),
    SP_COND_MISMATCH(1319, "42000"),
    SP_NORETURN(1320, "42000"),
    SP_NORETURNEND(1321, "2F005"),
    SP_NO_RECURSION(1424, "HY000"),
    SP_CURSOR_MISMATCH(1324, "42000"),
    SP_CURSOR_ALREADY_OPEN(1325, "24000"),
    SP_CURSOR_NOT_OPEN(1326, "24000"),
    SP_UNDECLARED_VAR(1327, "42000"),
    SP_FETCH_NO_DATA(1329, "02000"),
    SP_DUP_PARAM(1330, "42000"),
    SP_DUP_VAR(1331, "42000"),
    SP_CASE_NOT_FOUND(1339, "20000"),
    SP_NOT_VAR_ARG(1414, "42000"),
    TOO_MANY_ROWS(1172, "42000"),
    SIGNAL_NOT_FOUND(1643, "02000"),
    SIGNAL_WARN(1642, "01000"),
    RESIGNAL_WITHOUT_ACTIVE_HANDLER(1645, "0K000"),
    SP_WRONG_NO_OF_FETCH_ARGS(1328, "HY000"),
    SP_RECURSION_LIMIT(1456, "HY000"),
    WRONG_SPVAR_TYPE_IN_LIMIT(1691, "HY000"),
    SP_NO_RECURSIVE_CREATE(1303, "2F003"),
    SIGNAL_BAD_CONDITION_TYPE(1646, "HY000"),
    QUERY_INTERRUPTED(1317, "70100"),
    NO_DEFAULT_FOR_FIELD(1364, "HY000"),
    EVENT_ENDS_BEFORE_STARTS(1521, "HY000"),
    WRONG_VALUE(1525, "HY000"),
    EVENT_ALREADY_EXISTS(1537, "HY000"),
    EVENT_DOES_NOT_EXIST(1539, "HY000"),
    EVENT_INTERVAL_NOT_POSITIVE_OR_TOO_BIG(1542, "HY000"),
    EVENT_EXEC_TIME_IN_THE_PAST(1544, "HY000"),
    EVENT_SAME_NAME(1551, "HY000"),
    EVENT_CANNOT_CREATE_IN_THE_PAST(1588, "HY000"),
    EVENT_CANNOT_ALTER_IN_THE_PAST(1589, "HY000"),
    EVENT_RECURSION_FORBIDDEN(1576, "HY000"),
    TRG_ALREADY_EXISTS(1359, "HY000"),
    TRG_DOES_NOT_EXIST(1360, "HY000"),
    TRG_CANT_CHANGE_ROW(1362, "HY000"),
    TRG_NO_SUCH_ROW_IN_TRG(1363, "HY000"),
    TRG_ON_VIEW_OR_TEMP_TABLE(1361, "HY000"),
    REFERENCED_TRG_DOES_NOT_EXIST(3076, "HY000"),
    SP_NO_RESULT_SET(1415, "0A000"),
    COMMIT_NOT_ALLOWED_IN_SF_OR_TRG(1422, "HY000"),
    TRIGGER_IN_WRONG_SCHEMA(1435, "HY000"),
    CANT_UPDATE_USED_TABLE_IN_SF_OR_TRG(1442, "HY000"),
    SIGNAL_EXCEPTION(1644, "HY000"),
    UNKNOWN_LOCALE(1649, "HY000"),
    /** ER_USER_LOCK_WRONG_NAME: GET_LOCK and friends given an empty, NULL or over-long name. */
    USER_LOCK_WRONG_NAME(3057, "42000"),
    /** ER_ZLIB_Z_DATA_ERROR: UNCOMPRESS of data that is not MySQL's compressed format (a warning). */
    ZLIB_DATA_ERROR(1259, "HY000"),
    WINDOW_FRAME_ILLEGAL(3586, "HY000"),
    WINDOW_NO_SUCH_WINDOW(3579, "HY000"),
    /** ER_FIELD_IN_ORDER_NOT_SELECT: SELECT DISTINCT ordered by something its select list lacks. */
    FIELD_IN_ORDER_NOT_SELECT(3065, "HY000"),
    WINDOW_CIRCULARITY(3580, "HY000"),
    LOCK_NOWAIT(3572, "HY000"),
    DIVISION_BY_ZERO(1365, "22012"),
    TRUNCATED_WRONG_VALUE(1292, "22007"),
    /** A historical value that cannot be shown in the column as it is now (MySQL: ER_AUTO_CONVERT). */
    AUTO_CONVERT(1246, "HY000"),
    DATETIME_FUNCTION_OVERFLOW(1441, "22008"),
    DATA_TOO_LONG(1406, "22001"),
    WARN_DATA_OUT_OF_RANGE(1264, "22003"),
    CANT_CHANGE_TX_CHARACTERISTICS(1568, "25001"),
    FUNCTION_NOT_DEFINED(1305, "42000"),
    READ_ONLY_TRANSACTION(1792, "25006"),
    READ_ONLY_DATABASE(1105, "HY000"),
    TRUNCATED_WRONG_VALUE_FOR_FIELD(1366, "HY000"),
    SUBQUERY_NO_1_ROW(1242, "21000"),
    OPERAND_COLUMNS(1241, "21000"),
    WRONG_FIELD_SPEC(1063, "42000"),
    INVALID_DEFAULT(1067, "42000"),
    TOO_BIG_FIELDLENGTH(1074, "42000"),
    WRONG_AUTO_KEY(1075, "42000"),
    TOO_LONG_IDENT(1059, "42000"),
    /** ER_TOO_LONG_TABLE_COMMENT: a table COMMENT over 2,048 characters. */
    TOO_LONG_TABLE_COMMENT(1628, "HY000"),
    /** ER_TOO_LONG_FIELD_COMMENT: a column COMMENT over 1,024 characters. */
    TOO_LONG_FIELD_COMMENT(1629, "HY000"),
    WRONG_COLUMN_NAME(1166, "42000"),
    WRONG_SUB_KEY(1089, "HY000"),
    CANT_REMOVE_ALL_FIELDS(1090, "42000"),
    KEY_PART_0(1391, "42000"),
    CANT_DROP_FIELD_OR_KEY(1091, "42000"),
    BLOB_CANT_HAVE_DEFAULT(1101, "42000"),
    /** ER_BLOB_KEY_WITHOUT_LENGTH: a TEXT or BLOB key part without a prefix length. */
    BLOB_KEY_WITHOUT_LENGTH(1170, "42000"),
    PRIMARY_CANT_HAVE_NULL(1171, "42000"),
    UNKNOWN_STMT_HANDLER(1243, "HY000"),
    WARN_DATA_TRUNCATED(1265, "01000"),
    /** ER_DUPLICATED_VALUE_IN_TYPE: an ENUM or SET declares one member twice (under the column's collation). */
    DUPLICATED_VALUE_IN_TYPE(1291, "HY000"),
    /** ER_AUTOINC_READ_FAILED: a BIGINT UNSIGNED auto-increment counter is past its last value, 2^64-1. */
    AUTOINC_READ_FAILED(1467, "HY000"),
    /** Arithmetic outside BIGINT / BIGINT UNSIGNED: "BIGINT UNSIGNED value is out of range in '(a + b)'". */
    DATA_OUT_OF_RANGE(1690, "22003"),
    /** A value for a spatial column that is not a geometry (or not of the column's subtype). */
    CANT_CREATE_GEOMETRY_OBJECT(1416, "22003"),
    /** Bad WKT/WKB given to a spatial function: "Invalid GIS data provided to function st_geomfromtext." */
    GIS_INVALID_DATA(3037, "22023"),
    /** ER_INVALID_GEOJSON_MISSING_MEMBER: a GeoJSON object lacks "type", "coordinates" or "geometries". */
    INVALID_GEOJSON_MISSING_MEMBER(3072, "HY000"),
    /** ER_INVALID_GEOJSON_WRONG_TYPE: a GeoJSON member has the wrong JSON type. */
    INVALID_GEOJSON_WRONG_TYPE(3073, "HY000"),
    /** ER_INVALID_GEOJSON_UNSPECIFIED: GeoJSON that is well-typed but still not a geometry. */
    INVALID_GEOJSON_UNSPECIFIED(3074, "HY000"),
    /** ER_DIMENSION_UNSUPPORTED: GeoJSON coordinates with more than two dimensions under option 1. */
    DIMENSION_UNSUPPORTED(3075, "HY000"),
    /** ER_GIS_DIFFERENT_SRIDS: two geometries of one call have different SRIDs. */
    GIS_DIFFERENT_SRIDS(3033, "HY000"),
    /** An SRID other than 0 and 4326 (the only spatial reference systems Scion knows). */
    SRS_NOT_FOUND(3548, "SR001"),
    /** ER_UNIT_NOT_FOUND: a length unit information_schema.ST_UNITS_OF_MEASURE does not list. */
    UNIT_NOT_FOUND(3902, "SU001"),
    /** ER_GEOMETRY_IN_UNKNOWN_LENGTH_UNIT: a length unit asked of a geometry in SRID 0, which has none. */
    GEOMETRY_IN_UNKNOWN_LENGTH_UNIT(3882, "HY000"),
    /** ER_TO_VECTOR_CONVERSION: STRING_TO_VECTOR given text that is no bracketed list of numbers. */
    TO_VECTOR_CONVERSION(6138, "HY000"),
    /** ER_SPATIAL_CANT_HAVE_NULL: a SPATIAL index over a nullable column. */
    SPATIAL_CANT_HAVE_NULL(1252, "42000"),
    /** ER_SPATIAL_MUST_HAVE_GEOM_COL: a SPATIAL index over a non-spatial column or several columns. */
    SPATIAL_MUST_HAVE_GEOM_COL(1687, "42000"),
    /** ER_DATA_INCOMPATIBLE_WITH_VECTOR: a value for a VECTOR(n) column that is not n floats' bytes. */
    DATA_INCOMPATIBLE_WITH_VECTOR(6137, "HY000"),
    /** ER_WRONG_SRID_FOR_COLUMN: a geometry written to a column restricted to another SRID. */
    WRONG_SRID_FOR_COLUMN(3643, "HY000"),
    /** ER_INVALID_OPTION_VALUE: a known option of a spatial function's options string with a bad value. */
    INVALID_OPTION_VALUE(3559, "HY000"),
    /** ER_INVALID_OPTION_KEY_VALUE_PAIR: an options string entry that is not {@code key=value}. */
    INVALID_OPTION_KEY_VALUE_PAIR(3560, "HY000"),
    /** ER_INVALID_OPTION_KEY: an options string naming an option the function does not take. */
    INVALID_OPTION_KEY(3558, "HY000"),
    WRONG_PARAMCOUNT_TO_NATIVE_FCT(1582, "42000"),
    /** ER_WRONG_VALUE_FOR_TYPE: "Incorrect string value: 'x' for function uuid_to_bin". */
    WRONG_VALUE_FOR_TYPE(1411, "HY000"),
    SAVEPOINT_DOES_NOT_EXIST(1305, "42000"),
    TOO_BIG_SCALE(1425, "42000"),
    TOO_BIG_PRECISION(1426, "42000"),
    ROW_IS_REFERENCED_2(1451, "23000"),
    NO_REFERENCED_ROW_2(1452, "23000"),
    UNRESOLVED_TABLE_LOCK(3568, "HY000"),
    CHECK_CONSTRAINT_NAMED_FUNCTION(3814, "HY000"),
    CHECK_CONSTRAINT_FUNCTION(3815, "HY000"),
    CHECK_CONSTRAINT_VARIABLES(3816, "HY000"),
    CHECK_CONSTRAINT_VIOLATED(3819, "HY000"),
    DEPENDENT_BY_CHECK_CONSTRAINT(3959, "HY000"),
    /** ER_DEPENDENT_BY_GENERATED_COLUMN: a column a generated column reads cannot be dropped or renamed. */
    DEPENDENT_BY_GENERATED_COLUMN(3108, "HY000"),
    /** ER_FUNCTIONAL_INDEX_ON_JSON_OR_GEOMETRY_FUNCTION: a key part's expression gives JSON. */
    FUNCTIONAL_INDEX_ON_JSON_OR_GEOMETRY_FUNCTION(3753, "HY000"),
    /** ER_FUNCTIONAL_INDEX_PRIMARY_KEY: a primary key part is an expression. */
    FUNCTIONAL_INDEX_PRIMARY_KEY(3756, "HY000"),
    /** ER_FUNCTIONAL_INDEX_ON_LOB: a key part's expression gives TEXT or BLOB. */
    FUNCTIONAL_INDEX_ON_LOB(3757, "HY000"),
    /** ER_FUNCTIONAL_INDEX_FUNCTION_IS_NOT_ALLOWED: a key part's expression calls a non-deterministic function. */
    FUNCTIONAL_INDEX_FUNCTION_IS_NOT_ALLOWED(3758, "HY000"),
    /** ER_FULLTEXT_FUNCTIONAL_INDEX: a FULLTEXT key part is an expression. */
    FULLTEXT_FUNCTIONAL_INDEX(3759, "HY000"),
    /** ER_FUNCTIONAL_INDEX_ON_FIELD: a key part's expression is a bare column. */
    FUNCTIONAL_INDEX_ON_FIELD(3762, "HY000"),
    /** ER_DEPENDENT_BY_FUNCTIONAL_INDEX: a column a functional key part reads cannot be dropped or renamed. */
    DEPENDENT_BY_FUNCTIONAL_INDEX(3837, "HY000"),
    /** ER_DEPENDENT_BY_DEFAULT_GENERATED_VALUE: a column a default expression reads cannot be dropped or renamed. */
    DEPENDENT_BY_DEFAULT_GENERATED_VALUE(3766, "HY000"),
    /** ER_GENERATED_COLUMN_VARIABLES: a generated column's expression reads a user or system variable. */
    GENERATED_COLUMN_VARIABLES(3765, "HY000"),
    /** ER_DEFAULT_VAL_GENERATED_VARIABLES: a default expression reads a user or system variable. */
    DEFAULT_VAL_GENERATED_VARIABLES(3772, "HY000"),
    /** ER_DEFAULT_VAL_GENERATED_NON_PRIOR: a default expression reads a later generated / expression-default column. */
    DEFAULT_VAL_GENERATED_NON_PRIOR(3767, "HY000"),
    /** ER_DEFAULT_VAL_GENERATED_REF_AUTO_INC: a default expression reads an AUTO_INCREMENT column. */
    DEFAULT_VAL_GENERATED_REF_AUTO_INC(3768, "HY000"),
    /** ER_NON_DEFAULT_VALUE_FOR_GENERATED_COLUMN: an INSERT or UPDATE gave a generated column a value. */
    GENERATED_COLUMN_VALUE(3105, "HY000"),
    /** ER_WARNING_NON_DEFAULT_VALUE_FOR_GENERATED_COLUMN: the same outside strict mode, a warning. */
    GENERATED_COLUMN_VALUE_IGNORED(3106, "HY000"),
    /** ER_INVALID_JSON_TEXT: a value stored into a JSON column is not JSON. */
    INVALID_JSON_TEXT(3140, "22032"),
    /** ER_INVALID_JSON_TEXT_IN_PARAM: a JSON function's document argument is not JSON. */
    INVALID_JSON_TEXT_IN_PARAM(3141, "22032"),
    INVALID_JSON_PATH(3143, "42000"),
    INVALID_JSON_PATH_WILDCARD(3149, "42000"),
    /** ER_INVALID_JSON_PATH_ARRAY_CELL: a JSON_ARRAY_INSERT path that does not end in an array index. */
    INVALID_JSON_PATH_ARRAY_CELL(3165, "42000"),
    JSON_VACUOUS_PATH(3153, "42000"),
    JSON_BAD_ONE_OR_ALL_ARG(3154, "42000"),
    JSON_DOCUMENT_NULL_KEY(3158, "22032"),
    /** ER_INVALID_JSON_VALUE_FOR_CAST: a JSON_TABLE column value its type cannot hold (ERROR ON ERROR). */
    INVALID_JSON_VALUE_FOR_CAST(3156, "22018"),
    /** ER_MISSING_JSON_TABLE_VALUE: a JSON_TABLE column path found nothing (ERROR ON EMPTY). */
    JSON_TABLE_MISSING_VALUE(3665, "22035"),
    /** ER_WRONG_JSON_TABLE_VALUE: an array or object (or several values) for a scalar JSON_TABLE column. */
    JSON_TABLE_WRONG_VALUE(3666, "22036"),
    CHECK_NOT_FOUND(3821, "HY000"),
    DUP_CHECK_NAME(3822, "HY000"),
    WRONG_OBJECT(1347, "HY000"),
    VIEW_WRONG_LIST(1353, "HY000"),
    /** ER_VIEW_INVALID: a view whose query names a table that no longer exists. */
    VIEW_INVALID(1356, "HY000"),
    FK_DEPTH_EXCEEDED(3008, "HY000"),
    FK_MISSING_INDEX(1822, "HY000"),
    /** ER_CANNOT_ADD_FOREIGN: InnoDB's refusal of a foreign key it cannot keep, e.g. on a temporary table. */
    CANNOT_ADD_FOREIGN(1215, "HY000"),
    FK_NO_PARENT_TABLE(1824, "HY000"),
    FK_NO_COLUMN_PARENT(3734, "HY000"),
    FK_DROP_REFERENCED(3730, "HY000"),
    TRUNCATE_REFERENCED(1701, "42000"),
    FK_INCOMPATIBLE(3780, "HY000"),
    /** ER_CANNOT_ADD_FOREIGN_BASE_COL_STORED: a cascading foreign key on a column a stored generated column reads. */
    FK_BASE_COLUMN_STORED(3192, "HY000"),
    DROP_INDEX_FK(1553, "HY000"),
    WRONG_FK_DEF(1239, "42000"),
    FK_COLUMN_DROPPED(1828, "HY000"),
    FK_COLUMN_NOT_NULL(1830, "HY000"),
    /** ER_FK_COLUMN_CANNOT_CHANGE: ALTER of a referencing key column that InnoDB cannot do in place. */
    FK_COLUMN_CANNOT_CHANGE(1832, "HY000"),
    /** ER_FK_COLUMN_CANNOT_CHANGE_CHILD: the same for a referenced key column. */
    FK_COLUMN_CANNOT_CHANGE_CHILD(1833, "HY000"),
    UNKNOWN_CHARACTER_SET(1115, "42000"),
    UNKNOWN_COLLATION(1273, "HY000"),
    COLLATION_CHARSET_MISMATCH(1253, "42000"),
    CANT_AGGREGATE_2COLLATIONS(1267, "HY000"),
    CANT_AGGREGATE_NCOLLATIONS(1271, "HY000"),
    VIEW_RECURSIVE(1462, "HY000"),
    CTE_MAX_RECURSION_DEPTH(3636, "HY000"),
    WRONG_USAGE(1221, "HY000"),
    NONUNIQ_TABLE(1066, "42000"),
    UNKNOWN_TABLE(1109, "42S02"),
    FIELD_SPECIFIED_TWICE(1110, "42000"),
    KEY_DOES_NOT_EXIST(1176, "42000"),
    VERSIONING(1105, "HY000"),
    LOCAL_FILES_DISABLED(3948, "42000"),
    /** LOAD DATA: a row with fewer / more fields than the column list (a warning unless strict mode makes it fatal). */
    WARN_TOO_FEW_RECORDS(1261, "01000"),
    WARN_TOO_MANY_RECORDS(1262, "01000"),
    /** LOAD DATA: \N for a NOT NULL column (the column's implicit default, or an error in strict mode). */
    WARN_NULL_TO_NOTNULL(1263, "22004"),
    /** LOAD DATA: ENCLOSED BY / ESCAPED BY of more than one character. */
    WRONG_FIELD_TERMINATORS(1083, "42000"),
    /** ER_OPTION_PREVENTS_STATEMENT: the server runs with --read-only (or another option forbids the statement). */
    OPTION_PREVENTS_STATEMENT(1290, "HY000"),
    DBACCESS_DENIED(1044, "42000"),
    NONEXISTING_GRANT(1141, "42000"),
    TABLEACCESS_DENIED(1142, "42000"),
    ILLEGAL_GRANT_FOR_TABLE(1144, "42000"),
    NONEXISTING_TABLE_GRANT(1147, "42000"),
    /** ER_NONEXISTING_PROC_GRANT: REVOKE of a routine grant the account does not hold. */
    NONEXISTING_PROC_GRANT(1403, "42000"),
    /** ER_PROCACCESS_DENIED_ERROR: "execute command denied to user 'u'@'h' for routine 'db.p'". */
    PROCACCESS_DENIED(1370, "42000"),
    /** ER_NO_SUCH_USER: a DEFINER routine whose definer account does not exist. */
    NO_SUCH_USER(1449, "HY000"),
    SPECIFIC_ACCESS_DENIED(1227, "42000"),
    CANT_CREATE_USER_WITH_GRANT(1410, "42000"),
    CANNOT_USER(1396, "HY000"),
    /** ER_DA_INVALID_CONDITION_NUMBER: GET DIAGNOSTICS CONDITION n past the conditions there are. */
    DA_INVALID_CONDITION_NUMBER(1758, "35000"),
    /** ER_GET_STACKED_DA_WITHOUT_ACTIVE_HANDLER. */
    GET_STACKED_DA_WITHOUT_ACTIVE_HANDLER(1887, "0Z002");

    private static final java.util.Map<Integer, String> STATES = new java.util.HashMap<>();

    static {
        for (ErrorCode c : values()) {
            STATES.putIfAbsent(c.code, c.sqlState);
        }
    }

    /**
     * The SQLSTATE of MySQL error or warning number {@code code}: the one this enum gives it, else MySQL's
     * fallbacks, HY000 for an error and 01000 for a warning or note.
     */
    public static String sqlStateOf(int code, boolean error) {
        String known = STATES.get(code);
        return known != null ? known : error ? "HY000" : "01000";
    }

    private final int code;
    private final String sqlState;

    ErrorCode(int code, String sqlState) {
        this.code = code;
        this.sqlState = sqlState;
    }

    public int code() {
        return code;
    }

    public String sqlState() {
        return sqlState;
    }
}
