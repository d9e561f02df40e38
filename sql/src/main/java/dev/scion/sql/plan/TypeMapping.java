package dev.scion.sql.plan;

import dev.scion.sql.result.ColumnKind;
import dev.scion.sql.result.ResultColumn;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between declared MySQL column types, Calcite types and the types reported to clients. */
public final class TypeMapping {
    private TypeMapping() {
    }

    public static RelDataType toCalcite(RelDataTypeFactory f, Column c) {
        RelDataType t = toCalcite(f, c.type());
        return f.createTypeWithNullability(t, c.nullable());
    }

    /** The Calcite type of a column type; a text type of a collation other than the default carries it. */
    public static RelDataType toCalcite(RelDataTypeFactory f, ColumnType t) {
        RelDataType base = baseType(f, t);
        return t.collation() == null || !dev.scion.sql.catalog.ColumnFacts.isText(t) ? base
                : dev.scion.sql.expr.TextCollation.with(f, base, t.collation(),
                        org.apache.calcite.sql.SqlCollation.Coercibility.IMPLICIT);
    }

    private static RelDataType baseType(RelDataTypeFactory f, ColumnType t) {
        return switch (t.kind()) {
            // integer columns keep their size, which a merge keeps (MySqlTypeFactory: COALESCE of two TINYINT is
            // one, of two TINYINT UNSIGNED too); unsigned types are passed on by arithmetic (expr.UnsignedArithmetic),
            // signed ones are not (MySqlTypeSystem); Calcite has no MEDIUMINT: MediumIntType stands in
            case TINYINT -> f.createSqlType(t.unsigned() ? SqlTypeName.UTINYINT : SqlTypeName.TINYINT);
            case SMALLINT -> f.createSqlType(t.unsigned() ? SqlTypeName.USMALLINT : SqlTypeName.SMALLINT);
            case MEDIUMINT -> MediumIntType.of(f, t.unsigned());
            case INT, BOOLEAN ->
                    f.createSqlType(t.unsigned() ? SqlTypeName.UINTEGER : SqlTypeName.INTEGER);
            case BIGINT -> f.createSqlType(t.unsigned() ? SqlTypeName.UBIGINT : SqlTypeName.BIGINT);
            case BIT, YEAR -> f.createSqlType(SqlTypeName.BIGINT);
            // ENUM/SET values are text to the validator (WHERE size = 'large'); their numbers are used at run time
            // where MySQL uses them (ORDER BY, arithmetic), see Values
            case ENUM, SET -> f.createSqlType(SqlTypeName.VARCHAR, (int) Math.min(Math.max(t.maxLength(), 1), 65535));
            case GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION ->
                    f.createSqlType(SqlTypeName.VARBINARY, Integer.MAX_VALUE);
            case VECTOR -> f.createSqlType(SqlTypeName.VARBINARY, (int) t.maxLength());
            case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, t.length() < 0 ? 10 : t.length(), Math.max(0, t.scale()));
            case FLOAT -> f.createSqlType(SqlTypeName.FLOAT);
            case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
            case CHAR, VARCHAR -> f.createSqlType(SqlTypeName.VARCHAR, (int) Math.min(t.maxLength(), 65535));
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> f.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE);
            case JSON -> dev.scion.sql.expr.json.JsonType.create(f, false);
            case BINARY, VARBINARY -> f.createSqlType(SqlTypeName.VARBINARY, (int) Math.min(t.maxLength(), 65535));
            case TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> f.createSqlType(SqlTypeName.VARBINARY, Integer.MAX_VALUE);
            case DATE -> f.createSqlType(SqlTypeName.DATE);
            case TIME -> f.createSqlType(SqlTypeName.TIME, Math.max(0, t.length()));
            case DATETIME, TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, Math.max(0, t.length()));
        };
    }

    /** The result column for a table column read directly. */
    public static ResultColumn fromColumn(String schema, String table, Column c, boolean primaryKey, String label) {
        ColumnType t = c.type();
        ColumnKind kind = switch (t.kind()) {
            case TINYINT, BOOLEAN -> ColumnKind.TINY;
            case SMALLINT -> ColumnKind.SHORT;
            case MEDIUMINT -> ColumnKind.INT24;
            case INT -> ColumnKind.LONG;
            case BIGINT -> ColumnKind.LONGLONG;
            case DECIMAL -> ColumnKind.NEWDECIMAL;
            case FLOAT -> ColumnKind.FLOAT;
            case DOUBLE -> ColumnKind.DOUBLE;
            case BIT -> ColumnKind.BIT;
            case YEAR -> ColumnKind.YEAR;
            case DATE -> ColumnKind.DATE;
            case TIME -> ColumnKind.TIME;
            case DATETIME -> ColumnKind.DATETIME;
            case TIMESTAMP -> ColumnKind.TIMESTAMP;
            case CHAR, BINARY -> ColumnKind.STRING;
            case VARCHAR, VARBINARY -> ColumnKind.VAR_STRING;
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> ColumnKind.BLOB;
            case JSON -> ColumnKind.JSON;
            case ENUM -> ColumnKind.ENUM;
            case SET -> ColumnKind.SET;
            case GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION ->
                    ColumnKind.GEOMETRY;
            // MySQL 9 sends MYSQL_TYPE_VECTOR (242), which clients older than 9 do not know: binary bytes they all read
            case VECTOR -> ColumnKind.VAR_STRING;
        };
        int decimals = switch (t.kind()) {
            case DECIMAL -> Math.max(0, t.scale());
            case FLOAT, DOUBLE -> 31;
            case TIME, DATETIME, TIMESTAMP -> Math.max(0, t.length());
            default -> 0;
        };
        boolean binary = !(t.kind().isString() || t.kind() == dev.scion.versioning.schema.TypeKind.ENUM
                || t.kind() == dev.scion.versioning.schema.TypeKind.SET);
        // MySQL flags BIT columns UNSIGNED (their value is an unsigned number)
        boolean unsigned = t.unsigned() || t.kind() == dev.scion.versioning.schema.TypeKind.BIT;
        return new ResultColumn(schema, table, table, label, c.name(), kind, displayLength(t), decimals, c.nullable(),
                unsigned, primaryKey, c.autoIncrement(), binary);
    }

    /** A column's length in result metadata: an unsigned integer has no sign to show (INT UNSIGNED is 10). */
    private static long displayLength(ColumnType t) {
        if (!t.unsigned()) {
            return t.maxLength();
        }
        return switch (t.kind()) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case MEDIUMINT -> 8;
            case INT -> 10;
            default -> t.maxLength();
        };
    }

    /** The result column for a computed expression of the given Calcite type. */
    public static ResultColumn fromCalcite(String label, RelDataType type) {
        SqlTypeName n = type.getSqlTypeName();
        if (dev.scion.sql.expr.json.JsonType.is(type)) {
            // as MySQL describes a JSON column: type 245, binary, the longest length
            return new ResultColumn("", "", "", label, label, ColumnKind.JSON, 4294967295L, 0, type.isNullable(),
                    false, false, false, true);
        }
        ColumnKind kind;
        long length;
        int decimals = 0;
        boolean binary = true;
        boolean unsigned = false;
        switch (n) {
            case BOOLEAN -> {
                kind = ColumnKind.LONGLONG;
                length = 1;
            }
            // a TINYINT or SMALLINT column passed on or merged (CASE, COALESCE, UNION) keeps its size and sign
            case TINYINT -> {
                kind = ColumnKind.TINY;
                length = 4;
            }
            case SMALLINT -> {
                kind = ColumnKind.SHORT;
                length = 6;
            }
            case INTEGER -> {
                kind = MediumIntType.is(type) ? ColumnKind.INT24 : ColumnKind.LONGLONG;
                length = MediumIntType.is(type) ? 9 : 11;
            }
            case BIGINT -> {
                kind = ColumnKind.LONGLONG;
                length = 21;
            }
            case UTINYINT, USMALLINT, UINTEGER, UBIGINT -> {
                // an unsigned column passed on or merged (CASE, COALESCE, UNION) keeps its size; arithmetic and
                // the bit operators (MySqlOperators) are BIGINT UNSIGNED, as MySQL's 64-bit integer arithmetic
                kind = switch (n) {
                    case UTINYINT -> ColumnKind.TINY;
                    case USMALLINT -> ColumnKind.SHORT;
                    case UINTEGER -> MediumIntType.is(type) ? ColumnKind.INT24 : ColumnKind.LONG;
                    default -> ColumnKind.LONGLONG;
                };
                length = switch (n) {
                    case UTINYINT -> 3;
                    case USMALLINT -> 5;
                    case UINTEGER -> MediumIntType.is(type) ? 8 : 10;
                    default -> 20;
                };
                unsigned = true;
            }
            case DECIMAL -> {
                kind = ColumnKind.NEWDECIMAL;
                length = type.getPrecision() + 2;
                decimals = Math.max(0, type.getScale());
            }
            case FLOAT, REAL -> {
                kind = ColumnKind.FLOAT;
                length = 12;
                decimals = 31;
            }
            case DOUBLE -> {
                kind = ColumnKind.DOUBLE;
                length = 22;
                decimals = 31;
            }
            case DATE -> {
                kind = ColumnKind.DATE;
                length = 10;
            }
            case TIME -> {
                kind = ColumnKind.TIME;
                decimals = fractionDigits(type);
                length = 10 + (decimals > 0 ? decimals + 1 : 0);
            }
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> {
                kind = ColumnKind.DATETIME;
                decimals = fractionDigits(type);
                length = 19 + (decimals > 0 ? decimals + 1 : 0);
            }
            case BINARY, VARBINARY -> {
                kind = ColumnKind.BLOB;
                length = type.getPrecision() < 0 ? 65535 : type.getPrecision();
            }
            case NULL -> {
                kind = ColumnKind.NULL;
                length = 0;
            }
            default -> {
                kind = ColumnKind.VAR_STRING;
                int p = type.getPrecision();
                length = p <= 0 || p == Integer.MAX_VALUE ? 65535 : p;
                binary = false;
            }
        }
        return new ResultColumn("", "", "", label, label, kind, length, decimals, type.isNullable(), unsigned,
                false, false, binary);
    }

    /**
     * A computed TIME or DATETIME's fractional digits: its type's precision (TIME '10:00:00.25' is TIME(2)), which
     * the text protocol prints exactly, as MySQL prints a column's decimals.
     */
    private static int fractionDigits(RelDataType type) {
        int p = type.getPrecision();
        return p == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : Math.max(0, Math.min(6, p));
    }
}
