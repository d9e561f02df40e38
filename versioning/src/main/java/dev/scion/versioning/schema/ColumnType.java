package dev.scion.versioning.schema;

import java.util.List;
import java.util.Locale;

/**
 * A declared column type. {@code length} is the display width for integers, the character or byte length for
 * strings, the precision for DECIMAL, the fractional-second precision for temporal types and the SRID a spatial
 * column is restricted to ({@code POINT SRID 4326}, see {@link #srid()}) and a VECTOR's dimension; -1 when not
 * given.
 * {@code collation} is a text column's collation name (its character set follows from it), or null for the
 * default {@code utf8mb4_0900_bin} and for non-text types; being part of the type, a collation change is a type
 * change for diff and merge, as in Dolt.
 */
public record ColumnType(TypeKind kind, int length, int scale, boolean unsigned, List<String> values,
                         String collation) {

    public ColumnType {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The SRID a spatial column's values must have, or -1 when it takes any (and for other kinds). */
    public long srid() {
        return kind.isSpatial() ? length : -1;
    }

    /** A type with the default collation. */
    public ColumnType(TypeKind kind, int length, int scale, boolean unsigned, List<String> values) {
        this(kind, length, scale, unsigned, values, null);
    }

    /** The same type with another collation (null: the default). */
    public ColumnType withCollation(String newCollation) {
        return new ColumnType(kind, length, scale, unsigned, values, newCollation);
    }

    public static ColumnType of(TypeKind kind) {
        return new ColumnType(kind, -1, -1, false, List.of());
    }

    public static ColumnType of(TypeKind kind, int length) {
        return new ColumnType(kind, length, -1, false, List.of());
    }

    /**
     * How values of this type are stored: the kind's field type, except that BIGINT UNSIGNED needs all 64 bits
     * unsigned (UINT64) to hold and order 2^63 .. 2^64-1.
     */
    public dev.scion.storage.tuple.FieldType fieldType() {
        return kind == TypeKind.BIGINT && unsigned ? dev.scion.storage.tuple.FieldType.UINT64 : kind.fieldType();
    }

    /** The type as SHOW CREATE TABLE and information_schema print it, e.g. {@code varchar(40)}. */
    public String sqlName() {
        String base = kind.name().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(base);
        switch (kind) {
            case DECIMAL -> sb.append('(').append(length < 0 ? 10 : length).append(',').append(Math.max(scale, 0)).append(')');
            case CHAR, BINARY -> sb.append('(').append(length < 0 ? 1 : length).append(')');
            case VARCHAR, VARBINARY, BIT -> {
                if (length >= 0) {
                    sb.append('(').append(length).append(')');
                }
            }
            case TIME, DATETIME, TIMESTAMP -> {
                if (length > 0) {
                    sb.append('(').append(length).append(')');
                }
            }
            case ENUM, SET -> {
                sb.append('(');
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append('\'').append(values.get(i).replace("'", "''")).append('\'');
                }
                sb.append(')');
            }
            case BOOLEAN -> {
                return "tinyint(1)";
            }
            case VECTOR -> sb.append('(').append(length).append(')');
            default -> {
            }
        }
        if (unsigned) {
            sb.append(" unsigned");
        }
        return sb.toString();
    }

    /** The largest number of characters (or bytes) a value of this type can hold, as reported to clients. */
    public long maxLength() {
        return switch (kind) {
            case TINYINT -> 4;
            case SMALLINT -> 6;
            case MEDIUMINT -> 9;
            case INT -> 11;
            case BIGINT -> 20;
            case BOOLEAN -> 1;
            case DECIMAL -> (length < 0 ? 10 : length) + 2;
            case FLOAT -> 12;
            case DOUBLE -> 22;
            case BIT -> length < 0 ? 1 : length;
            case CHAR, BINARY -> length < 0 ? 1 : length;
            case VARCHAR, VARBINARY -> length < 0 ? 65535 : length;
            case TINYTEXT, TINYBLOB -> 255;
            case TEXT, BLOB -> 65535;
            case MEDIUMTEXT, MEDIUMBLOB -> 16777215;
            case LONGTEXT, LONGBLOB, JSON -> 4294967295L;
            case DATE -> 10;
            case TIME -> 10 + (length > 0 ? length + 1 : 0);
            case DATETIME, TIMESTAMP -> 19 + (length > 0 ? length + 1 : 0);
            case YEAR -> 4;
            case ENUM -> values.stream().mapToInt(String::length).max().orElse(1);
            // every member and the commas between them
            case SET -> values.stream().mapToInt(String::length).sum() + Math.max(0, values.size() - 1);
            case GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION ->
                    4294967295L;
            case VECTOR -> 4L * length;
        };
    }
}
