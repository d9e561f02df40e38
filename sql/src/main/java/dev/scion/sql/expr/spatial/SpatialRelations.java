package dev.scion.sql.expr.spatial;

import java.util.ArrayList;
import java.util.List;

/**
 * The DE-9IM predicates MySQL names (ST_Intersects, ST_Disjoint, ST_Within, ST_Contains, ST_Equals) on the Cartesian
 * plane. Intersection is exact (it is a zero {@link PlanarDistance}); containment samples the inner geometry at its
 * vertices and segment midpoints, which decides points, lines and polygons that do not wrap around a hole or a
 * concave notch of the outer one.
 */
final class SpatialRelations {
    private SpatialRelations() {
    }

    static boolean intersects(Shape a, Shape b) {
        return PlanarDistance.between(a, b) == 0;
    }

    /** Whether {@code inner} lies in {@code outer} and their interiors meet (a point on a polygon's edge is not within). */
    static boolean within(Shape inner, Shape outer) {
        List<double[]> samples = samples(inner);
        if (samples.isEmpty()) {
            return false;
        }
        boolean interiorMet = false;
        for (double[] p : samples) {
            Shape point = Shape.point(p[0], p[1]);
            if (PlanarDistance.between(point, outer) != 0) {
                return false;
            }
            interiorMet |= !onBoundary(point, outer);
        }
        return interiorMet;
    }

    static boolean equal(Shape a, Shape b) {
        return within(a, b) && within(b, a) || samples(a).isEmpty() && samples(b).isEmpty();
    }

    /** The vertices of a geometry and the midpoints of its segments. */
    private static List<double[]> samples(Shape s) {
        List<double[]> out = new ArrayList<>();
        collect(s, out);
        return out;
    }

    private static void collect(Shape s, List<double[]> out) {
        switch (s.type()) {
            case POINT -> out.add(new double[] {s.x(), s.y()});
            case LINESTRING -> {
                List<Shape> pts = s.parts();
                for (int i = 0; i < pts.size(); i++) {
                    out.add(new double[] {pts.get(i).x(), pts.get(i).y()});
                    if (i > 0) {
                        out.add(new double[] {(pts.get(i - 1).x() + pts.get(i).x()) / 2,
                                (pts.get(i - 1).y() + pts.get(i).y()) / 2});
                    }
                }
            }
            default -> s.parts().forEach(part -> collect(part, out));
        }
    }

    /**
     * Whether a point lies on the boundary of a geometry: a polygon's rings, a line string's two ends (none when it
     * is closed). Points have no boundary.
     */
    private static boolean onBoundary(Shape point, Shape s) {
        return switch (s.type()) {
            case POINT -> false;
            case LINESTRING -> {
                Shape first = s.parts().get(0);
                Shape last = s.parts().get(s.parts().size() - 1);
                boolean closed = first.x() == last.x() && first.y() == last.y();
                yield !closed && (same(point, first) || same(point, last));
            }
            case POLYGON -> s.parts().stream().anyMatch(ring -> PlanarDistance.between(point, ring) == 0);
            default -> s.parts().stream().anyMatch(part -> onBoundary(point, part));
        };
    }

    private static boolean same(Shape p, Shape q) {
        return p.x() == q.x() && p.y() == q.y();
    }
}
