package dev.scion.sql.expr.spatial;

import java.util.Locale;

/** The OGC geometry types with their WKB type codes (2D only, as MySQL). */
public enum GeometryType {
    POINT(1), LINESTRING(2), POLYGON(3), MULTIPOINT(4), MULTILINESTRING(5), MULTIPOLYGON(6), GEOMETRYCOLLECTION(7);

    private final int wkbCode;

    GeometryType(int wkbCode) {
        this.wkbCode = wkbCode;
    }

    public int wkbCode() {
        return wkbCode;
    }

    /** The name ST_GeometryType gives: MySQL 8 calls a collection GEOMCOLLECTION. */
    public String typeName() {
        return this == GEOMETRYCOLLECTION ? "GEOMCOLLECTION" : name();
    }

    static GeometryType fromWkbCode(int code) {
        for (GeometryType t : values()) {
            if (t.wkbCode == code) {
                return t;
            }
        }
        throw new InvalidGeometryException("unknown WKB geometry type " + code);
    }

    static GeometryType fromWktName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidGeometryException("unknown WKT geometry type " + name);
        }
    }

    /** The type of the members of a multi type (MULTIPOINT holds POINTs); null for the others. */
    GeometryType memberType() {
        return switch (this) {
            case MULTIPOINT -> POINT;
            case MULTILINESTRING -> LINESTRING;
            case MULTIPOLYGON -> POLYGON;
            default -> null;
        };
    }

    /**
     * Whether a column declared with {@code columnType} (a spatial type name, GEOMETRY for any) holds this type,
     * as MySQL checks on INSERT.
     */
    public boolean fitsColumn(String columnType) {
        return columnType.equals("GEOMETRY") || columnType.equals(name());
    }
}
