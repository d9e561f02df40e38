package dev.scion.versioning.schema;

import dev.scion.storage.tuple.FieldType;

/** The MySQL column types a table can declare, and the storage field type each is kept as. */
public enum TypeKind {
    TINYINT(FieldType.INT64), SMALLINT(FieldType.INT64), MEDIUMINT(FieldType.INT64), INT(FieldType.INT64),
    BIGINT(FieldType.INT64), DECIMAL(FieldType.DECIMAL), FLOAT(FieldType.FLOAT32), DOUBLE(FieldType.FLOAT64),
    BIT(FieldType.BIT), BOOLEAN(FieldType.INT64),
    CHAR(FieldType.STRING), VARCHAR(FieldType.STRING), BINARY(FieldType.BYTES), VARBINARY(FieldType.BYTES),
    TINYTEXT(FieldType.STRING), TEXT(FieldType.STRING), MEDIUMTEXT(FieldType.STRING), LONGTEXT(FieldType.STRING),
    TINYBLOB(FieldType.BYTES), BLOB(FieldType.BYTES), MEDIUMBLOB(FieldType.BYTES), LONGBLOB(FieldType.BYTES),
    DATE(FieldType.DATE), TIME(FieldType.TIME), DATETIME(FieldType.DATETIME), TIMESTAMP(FieldType.DATETIME),
    YEAR(FieldType.YEAR), ENUM(FieldType.UINT64), SET(FieldType.UINT64), JSON(FieldType.JSON),
    // spatial types keep MySQL's internal geometry format: 4-byte little-endian SRID then the WKB
    GEOMETRY(FieldType.BYTES), POINT(FieldType.BYTES), LINESTRING(FieldType.BYTES), POLYGON(FieldType.BYTES),
    MULTIPOINT(FieldType.BYTES), MULTILINESTRING(FieldType.BYTES), MULTIPOLYGON(FieldType.BYTES),
    GEOMETRYCOLLECTION(FieldType.BYTES),
    // MySQL 9's VECTOR(n): n little-endian IEEE 754 single-precision floats; the declared n is the type's length
    VECTOR(FieldType.BYTES);

    private final FieldType fieldType;

    TypeKind(FieldType fieldType) {
        this.fieldType = fieldType;
    }

    public FieldType fieldType() {
        return fieldType;
    }

    public boolean isInteger() {
        return this == TINYINT || this == SMALLINT || this == MEDIUMINT || this == INT || this == BIGINT
                || this == BOOLEAN;
    }

    public boolean isString() {
        return fieldType == FieldType.STRING;
    }

    /** Byte strings (BINARY, VARBINARY, the BLOBs); not the spatial types and VECTOR, bytes of a fixed format. */
    public boolean isBinary() {
        return fieldType == FieldType.BYTES && !isSpatial() && this != VECTOR;
    }

    public boolean isSpatial() {
        return ordinal() >= GEOMETRY.ordinal() && ordinal() <= GEOMETRYCOLLECTION.ordinal();
    }

    public boolean isTemporal() {
        return this == DATE || this == TIME || this == DATETIME || this == TIMESTAMP || this == YEAR;
    }
}
