package dev.scion.sql.expr.spatial;

import java.util.List;

/**
 * A parsed geometry, the common form between WKT, WKB and MySQL's internal format. A point has coordinates; every
 * other type has parts: a line string its points, a polygon its rings (each a line string), the multi types and
 * collections their member geometries.
 */
record Shape(GeometryType type, double x, double y, List<Shape> parts) {

    static Shape point(double x, double y) {
        return new Shape(GeometryType.POINT, x, y, List.of());
    }

    static Shape of(GeometryType type, List<Shape> parts) {
        return new Shape(type, 0, 0, List.copyOf(parts));
    }
}
