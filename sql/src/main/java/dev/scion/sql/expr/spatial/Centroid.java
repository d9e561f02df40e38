package dev.scion.sql.expr.spatial;

import java.util.ArrayList;
import java.util.List;

/**
 * ST_Centroid on the plane: the mean of the highest-dimension parts of a geometry, weighted by area for polygons,
 * by length for lines and equally for points (the lower-dimension parts of a collection do not move it).
 * Null for an empty geometry.
 */
final class Centroid {
    private Centroid() {
    }

    /** The centroid as {x, y}, or null when the geometry is empty. */
    static double[] of(Shape s) {
        List<Shape> points = new ArrayList<>();
        List<Shape> lines = new ArrayList<>();
        List<Shape> polygons = new ArrayList<>();
        split(s, points, lines, polygons);
        if (!polygons.isEmpty()) {
            return ofPolygons(polygons);
        }
        if (!lines.isEmpty()) {
            double[] c = ofLines(lines);
            if (c != null) {
                return c;
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        double x = 0;
        double y = 0;
        for (Shape p : points) {
            x += p.x();
            y += p.y();
        }
        return new double[] {x / points.size(), y / points.size()};
    }

    private static void split(Shape s, List<Shape> points, List<Shape> lines, List<Shape> polygons) {
        switch (s.type()) {
            case POINT -> points.add(s);
            case LINESTRING -> {
                lines.add(s);
                points.addAll(s.parts());
            }
            case POLYGON -> polygons.add(s);
            default -> s.parts().forEach(part -> split(part, points, lines, polygons));
        }
    }

    /** Length-weighted mean of segment midpoints; null when every segment has length 0. */
    private static double[] ofLines(List<Shape> lines) {
        double total = 0;
        double x = 0;
        double y = 0;
        for (Shape line : lines) {
            List<Shape> p = line.parts();
            for (int i = 1; i < p.size(); i++) {
                double len = Math.hypot(p.get(i).x() - p.get(i - 1).x(), p.get(i).y() - p.get(i - 1).y());
                total += len;
                x += len * (p.get(i).x() + p.get(i - 1).x()) / 2;
                y += len * (p.get(i).y() + p.get(i - 1).y()) / 2;
            }
        }
        return total == 0 ? null : new double[] {x / total, y / total};
    }

    /** Area-weighted mean of ring centroids, holes counting negatively. */
    private static double[] ofPolygons(List<Shape> polygons) {
        double area = 0;
        double x = 0;
        double y = 0;
        for (Shape polygon : polygons) {
            for (int r = 0; r < polygon.parts().size(); r++) {
                double[] ring = ring(polygon.parts().get(r));
                double sign = (r == 0 ? 1 : -1) * Math.signum(ring[0]);
                double a = sign * ring[0];
                area += a;
                x += a * ring[1];
                y += a * ring[2];
            }
        }
        return area == 0 ? ofLines(polygons.stream().flatMap(p -> p.parts().stream()).toList())
                : new double[] {x / area, y / area};
    }

    /** {signed area, centroid x, centroid y} of a closed ring. */
    private static double[] ring(Shape ring) {
        List<Shape> p = ring.parts();
        double twice = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 1; i < p.size(); i++) {
            double cross = p.get(i - 1).x() * p.get(i).y() - p.get(i).x() * p.get(i - 1).y();
            twice += cross;
            cx += (p.get(i - 1).x() + p.get(i).x()) * cross;
            cy += (p.get(i - 1).y() + p.get(i).y()) * cross;
        }
        if (twice == 0) {
            return new double[] {0, 0, 0};
        }
        return new double[] {twice / 2, cx / (3 * twice), cy / (3 * twice)};
    }
}
