package dev.scion.sql.ddl;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.MySqlParser;
import dev.scion.sql.parser.ddl.SqlDefaultExpression;
import dev.scion.sql.parser.ddl.SqlMySqlColumn;
import dev.scion.sql.parser.ddl.SqlMySqlDataType;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TypeKind;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlNode;

import java.util.Locale;

/** Turns parsed column definitions into the stored schema model. */
public final class ColumnDefinitions {
    private static final int MAX_VARCHAR = 65535;

    private ColumnDefinitions() {
    }

    /**
     * A column; a text column gets the collation its CHARACTER SET / COLLATE name, else {@code tableCollation}
     * (null: the default), kept in its type.
     */
    static Column column(String table, SqlMySqlColumn def, String tableCollation, boolean realAsFloat) {
        String name = def.getName().getSimple();
        checkUserName(name);
        ColumnType type = type(name, def.getType(), realAsFloat);
        if (dev.scion.sql.catalog.ColumnFacts.isText(type)) {
            type = type.withCollation(dev.scion.sql.catalog.Collations.stored(dev.scion.sql.catalog.Collations.resolve(
                    def.getType().getCharset(), def.getType().getCollation(), tableCollation)));
        } else {
            checkNonTextCharset(type, def.getType());
        }
        if (def.getGeneratedExpression() != null) {
            return generated(table, name, type, def);
        }
        if (def.isAutoIncrement() && !(type.kind().isInteger() || type.kind() == TypeKind.FLOAT
                || type.kind() == TypeKind.DOUBLE)) {
            throw new SqlError(ErrorCode.WRONG_FIELD_SPEC, "Incorrect column specifier for column '" + name + "'");
        }
        String defaultSql = defaultSql(name, def.getDefaultValue(), type, def.isEffectivelyNullable());
        return new Column(name, type, def.isEffectivelyNullable(), defaultSql, def.isAutoIncrement(),
                def.getComment(), tag(table, name)).withOnUpdate(onUpdateSql(name, def.getOnUpdate(), type));
    }

    /**
     * CHARACTER SET / COLLATE on a column without text: the names must exist (1115 / 1273), and a binary string
     * (whose character set is binary) takes no other collation (1253).
     */
    private static void checkNonTextCharset(ColumnType type, SqlMySqlDataType t) {
        if (t.getCharset() != null) {
            dev.scion.sql.catalog.Collations.requireCharset(t.getCharset());
            // MySQL's grammar gives CHARACTER SET only to the character types (CHAR, VARCHAR, the TEXTs, ENUM, SET)
            throw new SqlError(ErrorCode.PARSE_ERROR, "You have an error in your SQL syntax; check the manual "
                    + "that corresponds to your MySQL server version for the right syntax to use near "
                    + "'CHARACTER SET " + t.getCharset() + "'");
        }
        if (t.getCollation() != null) {
            String collation = t.getCollation();
            dev.scion.sql.catalog.Collations.require(collation); // 1273 for an unknown name
            if (isBinaryString(type.kind()) && !collation.equalsIgnoreCase("binary")) {
                // binary strings have the binary character set, which has no other collation
                throw new SqlError(ErrorCode.COLLATION_CHARSET_MISMATCH, "COLLATION '" + collation
                        + "' is not valid for CHARACTER SET 'binary'");
            }
        }
    }

    /**
     * {@code ON UPDATE} takes only the current time (CURRENT_TIMESTAMP, NOW(), LOCALTIME, LOCALTIMESTAMP; anything
     * else is a syntax error in MySQL's grammar), on a TIMESTAMP or DATETIME column and with that column's
     * fractional-second digits (1294 otherwise). Kept as {@code CURRENT_TIMESTAMP[(n)]}, the form SHOW CREATE
     * TABLE prints.
     */
    private static String onUpdateSql(String column, SqlNode value, ColumnType type) {
        if (value == null) {
            return null;
        }
        int given = currentTimeDigits(value);
        if (given < 0) {
            throw new SqlError(ErrorCode.PARSE_ERROR, "You have an error in your SQL syntax; check the manual that "
                    + "corresponds to your MySQL server version for the right syntax to use near '"
                    + MySqlParser.unparse(value) + "'");
        }
        int digits = Math.max(0, type.length());
        if ((type.kind() != TypeKind.TIMESTAMP && type.kind() != TypeKind.DATETIME) || given != digits) {
            throw new SqlError(ErrorCode.INVALID_ON_UPDATE, "Invalid ON UPDATE clause for '" + column + "' column");
        }
        return digits == 0 ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + digits + ")";
    }

    /** The fractional-second digits a current-time call asks for, or -1 when {@code value} is not one. */
    private static int currentTimeDigits(SqlNode value) {
        java.util.Set<String> names = java.util.Set.of("CURRENT_TIMESTAMP", "NOW", "LOCALTIME", "LOCALTIMESTAMP");
        if (value instanceof org.apache.calcite.sql.SqlIdentifier id && id.isSimple()) {
            return names.contains(id.getSimple().toUpperCase(Locale.ROOT)) ? 0 : -1;
        }
        if (value instanceof org.apache.calcite.sql.SqlCall call
                && names.contains(call.getOperator().getName().toUpperCase(Locale.ROOT))) {
            if (call.operandCount() == 0) {
                return 0;
            }
            if (call.operandCount() == 1 && call.operand(0) instanceof SqlNumericLiteral n) {
                return n.intValue(false);
            }
        }
        return -1;
    }

    /**
     * A generated column. MySQL refuses DEFAULT and AUTO_INCREMENT on one; the expression is kept as MySQL SQL
     * text, the form SHOW CREATE TABLE and information_schema.COLUMNS print.
     */
    private static Column generated(String table, String name, ColumnType type, SqlMySqlColumn def) {
        if (def.getDefaultValue() != null || def.isAutoIncrement()) {
            throw new SqlError(ErrorCode.WRONG_USAGE, "Incorrect usage of DEFAULT and generated column");
        }
        if (readsVariable(def.getGeneratedExpression())) {
            throw new SqlError(ErrorCode.GENERATED_COLUMN_VARIABLES, "Expression of generated column '" + name
                    + "' cannot refer user or system variables.");
        }
        String text = def.getGeneratedExpression().toSqlString(c -> c.withDialect(MySqlParser.DIALECT)
                .withClauseStartsLine(false).withClauseEndsLine(false)).getSql();
        return new Column(name, type, def.isEffectivelyNullable(), null, false, def.getComment(), tag(table, name),
                text, def.isStored());
    }

    private static boolean isBinaryString(TypeKind kind) {
        return kind == TypeKind.BINARY || kind == TypeKind.VARBINARY || kind == TypeKind.TINYBLOB
                || kind == TypeKind.BLOB || kind == TypeKind.MEDIUMBLOB || kind == TypeKind.LONGBLOB;
    }

    /** A tag from the table and column name: stable across sessions so independent branches agree. */
    /** Refuses a column name that would pass for a functional key part's hidden column (MySQL's 1166). */
    static void checkUserName(String name) {
        if (name.regionMatches(true, 0, Column.HIDDEN_PREFIX, 0, Column.HIDDEN_PREFIX.length())) {
            throw new SqlError(ErrorCode.WRONG_COLUMN_NAME, "Incorrect column name '" + name + "'");
        }
    }

    static long tag(String table, String column) {
        return (table.toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT)).hashCode() & 0xffffffffL;
    }

    /**
     * A default expression may not read variables (its value would depend on the inserting session):
     * {@code DEFAULT (@a)} is 3772 in MySQL.
     */
    static void checkDefaultExpression(String column, SqlNode value) {
        if (value != null && !(value instanceof SqlLiteral) && readsVariable(value)) {
            throw new SqlError(ErrorCode.DEFAULT_VAL_GENERATED_VARIABLES, "Default value expression of column '"
                    + column + "' cannot refer user or system variables.");
        }
    }

    /** Whether the expression names a user or system variable (the front end made them `@x` identifiers). */
    private static boolean readsVariable(SqlNode node) {
        boolean[] found = {false};
        node.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(org.apache.calcite.sql.SqlIdentifier id) {
                if (!id.names.isEmpty() && id.names.get(0).startsWith("@")) {
                    found[0] = true;
                }
                return null;
            }
        });
        return found[0];
    }

    /** The stored text of {@code value} as the default of an existing column (ALTER TABLE ... SET DEFAULT). */
    static String defaultSql(Column c, SqlNode value) {
        return defaultSql(c.name(), value, c.type(), c.nullable());
    }

    /**
     * The stored text of a DEFAULT: an expression default ({@code DEFAULT (expr)}) is kept in its parentheses, so
     * a parenthesised literal stays an expression default (see {@link dev.scion.sql.catalog.DefaultExpressions}); other defaults are
     * kept as written.
     */
    private static String defaultSql(String column, SqlNode value, ColumnType type, boolean nullable) {
        if (value == null) {
            return null;
        }
        checkDefaultExpression(column, value);
        if (value instanceof SqlDefaultExpression e) {
            return dev.scion.sql.catalog.DefaultExpressions.stored(e.getExpression());
        }
        if (value instanceof org.apache.calcite.sql.SqlIdentifier id && currentTimeDigits(id) < 0) {
            // MySQL's grammar takes a column (or any other name) as a default only in parentheses
            throw new SqlError(ErrorCode.PARSE_ERROR, "You have an error in your SQL syntax; check the manual that "
                    + "corresponds to your MySQL server version for the right syntax to use near '"
                    + MySqlParser.unparse(value) + "'");
        }
        if (value instanceof SqlLiteral lit && lit.getValue() == null) {
            if (!nullable) {
                throw new SqlError(ErrorCode.INVALID_DEFAULT, "Invalid default value for '" + column + "'");
            }
            return "NULL";
        }
        if ((type.kind().isString() && type.kind() != TypeKind.CHAR && type.kind() != TypeKind.VARCHAR
                || type.kind().isSpatial() || type.kind() == TypeKind.JSON) && value instanceof SqlLiteral) {
            // MySQL: BLOB, TEXT, GEOMETRY or JSON column can't have a default value (only an expression default).
            throw new SqlError(ErrorCode.BLOB_CANT_HAVE_DEFAULT,
                    "BLOB, TEXT, GEOMETRY or JSON column '" + column + "' can't have a default value");
        }
        if (value instanceof SqlLiteral lit) {
            checkLiteralDefault(column, lit, type, nullable);
        }
        if (value instanceof org.apache.calcite.sql.SqlCall call && call.operandCount() == 1
                && call.operand(0) instanceof SqlNumericLiteral fsp
                && java.util.Set.of("CURRENT_TIMESTAMP", "NOW", "LOCALTIME", "LOCALTIMESTAMP")
                        .contains(call.getOperator().getName().toUpperCase(Locale.ROOT))
                && fsp.intValue(true) != Math.max(0, type.length())) {
            // CURRENT_TIMESTAMP(n) as a default must have the column's fractional-second digits
            throw new SqlError(ErrorCode.INVALID_DEFAULT, "Invalid default value for '" + column + "'");
        }
        return MySqlParser.unparse(value);
    }

    /**
     * A literal default must be a value of the column's type, as if stored in strict mode ({@code INT DEFAULT
     * 'hi'}, {@code ENUM('a') DEFAULT 0} are 1067). Zero dates, bit and hex literals are left as they are.
     */
    private static void checkLiteralDefault(String column, SqlLiteral lit, ColumnType type, boolean nullable) {
        Object v;
        if (lit instanceof SqlCharStringLiteral) {
            v = lit.getValueAs(String.class);
            if (((String) v).startsWith("0000-00-00")) {
                return;
            }
        } else if (lit instanceof SqlNumericLiteral) {
            v = lit.getValueAs(java.math.BigDecimal.class);
            if (((java.math.BigDecimal) v).signum() == 0 && (type.kind() == TypeKind.DATE
                    || type.kind() == TypeKind.DATETIME || type.kind() == TypeKind.TIMESTAMP)) {
                return; // the zero date, as '0000-00-00'
            }
        } else {
            return;
        }
        if (type.kind() == TypeKind.BIT || type.kind().isSpatial() || type.kind() == TypeKind.JSON) {
            return;
        }
        if (type.kind() == TypeKind.ENUM || type.kind() == TypeKind.SET) {
            // MySQL looks a literal default up by name only: ENUM('a') DEFAULT '1' (or 1) is no member
            String text = v instanceof String str ? str : ((java.math.BigDecimal) v).toPlainString();
            if (!namesMembers(text, type)) {
                throw new SqlError(ErrorCode.INVALID_DEFAULT, "Invalid default value for '" + column + "'");
            }
            return;
        }
        try {
            dev.scion.sql.dml.ColumnValues.coerce(v, new Column(column, type, nullable, null, false, null, 0), 1);
        } catch (SqlError e) {
            throw new SqlError(ErrorCode.INVALID_DEFAULT, "Invalid default value for '" + column + "'");
        }
    }

    /** Whether {@code text} names an ENUM member, or a SET's comma-separated members (trailing spaces ignored). */
    private static boolean namesMembers(String text, ColumnType type) {
        boolean ci = type.collation() != null && type.collation().toLowerCase(Locale.ROOT).contains("_ci");
        java.util.List<String> parts = type.kind() == TypeKind.SET
                ? (text.isEmpty() ? java.util.List.of() : java.util.Arrays.asList(text.split(",", -1)))
                : java.util.List.of(text);
        for (String part : parts) {
            String p = part.stripTrailing();
            if (type.values().stream().noneMatch(m -> ci ? m.stripTrailing().equalsIgnoreCase(p)
                    : m.stripTrailing().equals(p))) {
                return false;
            }
        }
        return true;
    }

    /** VECTOR's dimension: 2048 when not given, at most 16383 (1074 otherwise, as MySQL 9). */
    private static int vectorDimension(String column, int declared) {
        int n = declared < 0 ? 2048 : declared;
        if (n < 1 || n > dev.scion.sql.expr.vector.Vectors.MAX_DIMENSIONS) {
            throw new SqlError(ErrorCode.TOO_BIG_FIELDLENGTH, "Column length too big for column '" + column
                    + "' (max = " + dev.scion.sql.expr.vector.Vectors.MAX_DIMENSIONS + "); use BLOB or TEXT instead");
        }
        return n;
    }

    /** A spatial column's SRID option, kept as its type's length; it must name a known reference system. */
    private static int spatialSrid(String column, TypeKind kind, long srid) {
        if (!kind.isSpatial()) {
            throw new SqlError(ErrorCode.WRONG_USAGE, "Incorrect usage of SRID and non-geometry column");
        }
        if (!dev.scion.sql.expr.spatial.Geometries.knownSrid(srid)) {
            throw new SqlError(ErrorCode.SRS_NOT_FOUND, "There's no spatial reference system with SRID " + srid
                    + ".");
        }
        return (int) srid;
    }

    public static ColumnType type(String column, SqlMySqlDataType t) {
        return type(column, t, false);
    }

    /** The column type {@code t} declares; with {@code realAsFloat} (sql_mode REAL_AS_FLOAT) REAL is FLOAT. */
    static ColumnType type(String column, SqlMySqlDataType t, boolean realAsFloat) {
        String n = realAsFloat && t.getTypeName().equals("REAL") ? "FLOAT" : t.getTypeName();
        TypeKind kind = switch (n) {
            case "INT", "INTEGER", "INT4", "MIDDLEINT" -> n.equals("MIDDLEINT") ? TypeKind.MEDIUMINT : TypeKind.INT;
            case "TINYINT", "INT1" -> TypeKind.TINYINT;
            case "SMALLINT", "INT2" -> TypeKind.SMALLINT;
            case "MEDIUMINT", "INT3" -> TypeKind.MEDIUMINT;
            case "BIGINT", "INT8", "SERIAL" -> TypeKind.BIGINT;
            case "BOOL", "BOOLEAN" -> TypeKind.BOOLEAN;
            case "DECIMAL", "NUMERIC", "DEC", "FIXED" -> TypeKind.DECIMAL;
            case "FLOAT", "FLOAT4" -> TypeKind.FLOAT;
            case "DOUBLE", "REAL", "DOUBLE PRECISION", "FLOAT8" -> TypeKind.DOUBLE;
            case "BIT" -> TypeKind.BIT;
            case "CHAR", "CHARACTER", "NCHAR", "NATIONAL CHAR" -> TypeKind.CHAR;
            case "VARCHAR", "CHARACTER VARYING", "CHAR VARYING", "NVARCHAR", "NATIONAL VARCHAR", "VARCHARACTER" ->
                    TypeKind.VARCHAR;
            case "BINARY" -> TypeKind.BINARY;
            case "VARBINARY" -> TypeKind.VARBINARY;
            case "TINYTEXT" -> TypeKind.TINYTEXT;
            case "TEXT" -> TypeKind.TEXT;
            case "MEDIUMTEXT", "LONG", "LONG VARCHAR" -> TypeKind.MEDIUMTEXT;
            case "LONGTEXT" -> TypeKind.LONGTEXT;
            case "TINYBLOB" -> TypeKind.TINYBLOB;
            case "BLOB" -> TypeKind.BLOB;
            case "MEDIUMBLOB", "LONG VARBINARY" -> TypeKind.MEDIUMBLOB;
            case "LONGBLOB" -> TypeKind.LONGBLOB;
            case "DATE" -> TypeKind.DATE;
            case "TIME" -> TypeKind.TIME;
            case "DATETIME" -> TypeKind.DATETIME;
            case "TIMESTAMP" -> TypeKind.TIMESTAMP;
            case "YEAR" -> TypeKind.YEAR;
            case "ENUM" -> TypeKind.ENUM;
            case "SET" -> TypeKind.SET;
            case "JSON" -> TypeKind.JSON;
            case "GEOMETRY" -> TypeKind.GEOMETRY;
            case "POINT" -> TypeKind.POINT;
            case "LINESTRING" -> TypeKind.LINESTRING;
            case "POLYGON" -> TypeKind.POLYGON;
            case "MULTIPOINT" -> TypeKind.MULTIPOINT;
            case "MULTILINESTRING" -> TypeKind.MULTILINESTRING;
            case "MULTIPOLYGON" -> TypeKind.MULTIPOLYGON;
            case "GEOMETRYCOLLECTION" -> TypeKind.GEOMETRYCOLLECTION;
            case "VECTOR" -> TypeKind.VECTOR;
            default -> throw new SqlError(ErrorCode.NOT_SUPPORTED_YET,
                    "This version of Scion doesn't yet support the type " + n + " (column '" + column + "')");
        };
        int length = t.getPrecision();
        int scale = t.getScale();
        if (t.getSrid() >= 0) {
            length = spatialSrid(column, kind, t.getSrid());
        }
        if (kind == TypeKind.VECTOR) {
            length = vectorDimension(column, length);
        }
        if (kind == TypeKind.TINYINT && length == 1 && !t.isUnsigned() && !t.isZerofill()) {
            // the one display width MySQL 8 keeps: TINYINT(1) is how it writes BOOLEAN, and clients read it so
            kind = TypeKind.BOOLEAN;
        }
        if (kind.isInteger()) {
            length = -1;
        }
        if (kind == TypeKind.DECIMAL) {
            if (length > 65) {
                throw new SqlError(ErrorCode.TOO_BIG_PRECISION, "Too-big precision " + length + " specified for '"
                        + column + "'. Maximum is 65.");
            }
            if (scale > 30 || (length >= 0 && scale > length)) {
                throw new SqlError(ErrorCode.TOO_BIG_SCALE, "Too-big scale " + scale + " specified for '" + column
                        + "'. Maximum is 30.");
            }
            scale = Math.max(scale, 0);
        }
        if ((kind == TypeKind.TIME || kind == TypeKind.DATETIME || kind == TypeKind.TIMESTAMP) && length > 6) {
            throw new SqlError(ErrorCode.TOO_BIG_PRECISION, "Too-big precision " + length + " specified for '"
                    + column + "'. Maximum is 6.");
        }
        if (kind == TypeKind.VARCHAR && length < 0) {
            throw new SqlError(ErrorCode.PARSE_ERROR, "You have an error in your SQL syntax; VARCHAR needs a length "
                    + "(column '" + column + "')");
        }
        if ((kind == TypeKind.VARCHAR || kind == TypeKind.VARBINARY) && length > MAX_VARCHAR) {
            throw new SqlError(ErrorCode.TOO_BIG_FIELDLENGTH, "Column length too big for column '" + column
                    + "' (max = 16383); use BLOB or TEXT instead");
        }
        if ((kind == TypeKind.CHAR || kind == TypeKind.BINARY) && length > 255) {
            throw new SqlError(ErrorCode.TOO_BIG_FIELDLENGTH, "Column length too big for column '" + column
                    + "' (max = 255); use BLOB or TEXT instead");
        }
        return new ColumnType(kind, length, scale, t.isUnsigned(), t.getValues());
    }
}
