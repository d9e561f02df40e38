package dev.scion.sql.expr.spatial;

import java.util.ArrayList;
import java.util.List;

/**
 * ST_Distance on the Cartesian plane: 0 when the geometries touch (crossing segments, or a point of one inside a
 * polygon of the other), else the least distance between their points and segments. Quadratic in the number of
 * vertices, which is fine for the sizes MySQL clients pass.
 */
final class PlanarDistance {
    /** A geometry broken into isolated points, segments and polygons (each an outer ring and its holes). */
    private record Parts(List<double[]> points, List<double[]> segments, List<Shape> polygons) {
    }

    private PlanarDistance() {
    }

    static double between(Shape a, Shape b) {
        Parts pa = parts(a);
        Parts pb = parts(b);
        if (touches(pa, pb) || touches(pb, pa)) {
            return 0;
        }
        for (double[] s : pa.segments()) {
            for (double[] t : pb.segments()) {
                if (cross(s, t)) {
                    return 0;
                }
            }
        }
        double best = Double.POSITIVE_INFINITY;
        List<double[]> va = vertices(pa);
        List<double[]> vb = vertices(pb);
        for (double[] p : va) {
            for (double[] q : vb) {
                best = Math.min(best, Math.hypot(p[0] - q[0], p[1] - q[1]));
            }
            for (double[] t : pb.segments()) {
                best = Math.min(best, toSegment(p, t));
            }
        }
        for (double[] q : vb) {
            for (double[] s : pa.segments()) {
                best = Math.min(best, toSegment(q, s));
            }
        }
        return best;
    }

    private static Parts parts(Shape s) {
        Parts p = new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        collect(s, p);
        return p;
    }

    private static void collect(Shape s, Parts into) {
        switch (s.type()) {
            case POINT -> into.points().add(new double[] {s.x(), s.y()});
            case LINESTRING -> addSegments(s, into);
            case POLYGON -> {
                s.parts().forEach(ring -> addSegments(ring, into));
                into.polygons().add(s);
            }
            default -> s.parts().forEach(part -> collect(part, into));
        }
    }

    private static void addSegments(Shape line, Parts into) {
        List<Shape> pts = line.parts();
        for (int i = 1; i < pts.size(); i++) {
            into.segments().add(new double[] {pts.get(i - 1).x(), pts.get(i - 1).y(), pts.get(i).x(), pts.get(i).y()});
        }
    }

    private static List<double[]> vertices(Parts p) {
        List<double[]> out = new ArrayList<>(p.points());
        for (double[] s : p.segments()) {
            out.add(new double[] {s[0], s[1]});
            out.add(new double[] {s[2], s[3]});
        }
        return out;
    }

    /** Whether a vertex of {@code a} lies inside (or on) a polygon of {@code b}. */
    private static boolean touches(Parts a, Parts b) {
        if (b.polygons().isEmpty()) {
            return false;
        }
        for (double[] v : vertices(a)) {
            for (Shape polygon : b.polygons()) {
                if (inside(v, polygon)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Inside the outer ring and in none of the holes (even-odd ray casting per ring). */
    private static boolean inside(double[] p, Shape polygon) {
        if (!inRing(p, polygon.parts().get(0))) {
            return false;
        }
        for (int i = 1; i < polygon.parts().size(); i++) {
            if (inRing(p, polygon.parts().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean inRing(double[] p, Shape ring) {
        boolean in = false;
        List<Shape> r = ring.parts();
        for (int i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            double xi = r.get(i).x();
            double yi = r.get(i).y();
            double xj = r.get(j).x();
            double yj = r.get(j).y();
            if ((yi > p[1]) != (yj > p[1]) && p[0] < (xj - xi) * (p[1] - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }

    private static double toSegment(double[] p, double[] s) {
        double dx = s[2] - s[0];
        double dy = s[3] - s[1];
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - s[0]) * dx + (p[1] - s[1]) * dy) / len2));
        return Math.hypot(p[0] - (s[0] + t * dx), p[1] - (s[1] + t * dy));
    }

    /** Whether two segments share a point (proper crossings and touching ends). */
    static boolean cross(double[] s, double[] t) {
        double d1 = orient(t[0], t[1], t[2], t[3], s[0], s[1]);
        double d2 = orient(t[0], t[1], t[2], t[3], s[2], s[3]);
        double d3 = orient(s[0], s[1], s[2], s[3], t[0], t[1]);
        double d4 = orient(s[0], s[1], s[2], s[3], t[2], t[3]);
        if ((d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0)) {
            return true;
        }
        return d1 == 0 && onSegment(t, s[0], s[1]) || d2 == 0 && onSegment(t, s[2], s[3])
                || d3 == 0 && onSegment(s, t[0], t[1]) || d4 == 0 && onSegment(s, t[2], t[3]);
    }

    private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }

    private static boolean onSegment(double[] s, double x, double y) {
        return Math.min(s[0], s[2]) <= x && x <= Math.max(s[0], s[2])
                && Math.min(s[1], s[3]) <= y && y <= Math.max(s[1], s[3]);
    }
}
