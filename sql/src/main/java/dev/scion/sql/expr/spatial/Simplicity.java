package dev.scion.sql.expr.spatial;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ST_IsSimple: no anomalous points. A multipoint repeats no point; a line string does not pass through a point
 * twice (its ends may meet when it is closed); the lines of a multilinestring meet only at their ends; polygons,
 * which Scion accepts only closed, count as simple; a collection is simple when its members are.
 */
final class Simplicity {
    private Simplicity() {
    }

    static boolean isSimple(Shape s) {
        return switch (s.type()) {
            case POINT, POLYGON, MULTIPOLYGON -> true;
            case MULTIPOINT -> {
                Set<List<Double>> seen = new HashSet<>();
                yield s.parts().stream().allMatch(p -> seen.add(List.of(p.x(), p.y())));
            }
            case LINESTRING -> simpleLine(s.parts());
            case MULTILINESTRING -> s.parts().stream().allMatch(l -> simpleLine(l.parts())) && linesMeetAtEnds(s.parts());
            case GEOMETRYCOLLECTION -> s.parts().stream().allMatch(Simplicity::isSimple);
        };
    }

    private static boolean simpleLine(List<Shape> p) {
        int n = p.size() - 1;
        boolean closed = same(p.get(0), p.get(n));
        for (int i = 0; i < n; i++) {
            double[] s = segment(p, i);
            for (int j = i + 1; j < n; j++) {
                double[] t = segment(p, j);
                boolean adjacent = j == i + 1 || closed && i == 0 && j == n - 1;
                if (adjacent ? foldsBack(p, i, j) : PlanarDistance.cross(s, t)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether two segments that share a vertex run over each other (collinear and turning back). */
    private static boolean foldsBack(List<Shape> p, int i, int j) {
        double[] s = segment(p, i);
        double[] t = segment(p, j);
        double cross = (s[2] - s[0]) * (t[3] - t[1]) - (s[3] - s[1]) * (t[2] - t[0]);
        double dot = (s[2] - s[0]) * (t[2] - t[0]) + (s[3] - s[1]) * (t[3] - t[1]);
        return cross == 0 && dot < 0;
    }

    private static boolean linesMeetAtEnds(List<Shape> lines) {
        for (int a = 0; a < lines.size(); a++) {
            for (int b = a + 1; b < lines.size(); b++) {
                List<Shape> la = lines.get(a).parts();
                List<Shape> lb = lines.get(b).parts();
                for (int i = 0; i + 1 < la.size(); i++) {
                    for (int j = 0; j + 1 < lb.size(); j++) {
                        double[] s = segment(la, i);
                        double[] t = segment(lb, j);
                        if (PlanarDistance.cross(s, t) && !sharedEnd(la, lb)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private static boolean sharedEnd(List<Shape> a, List<Shape> b) {
        Shape a0 = a.get(0);
        Shape a1 = a.get(a.size() - 1);
        Shape b0 = b.get(0);
        Shape b1 = b.get(b.size() - 1);
        return same(a0, b0) || same(a0, b1) || same(a1, b0) || same(a1, b1);
    }

    private static double[] segment(List<Shape> p, int i) {
        return new double[] {p.get(i).x(), p.get(i).y(), p.get(i + 1).x(), p.get(i + 1).y()};
    }

    private static boolean same(Shape p, Shape q) {
        return p.x() == q.x() && p.y() == q.y();
    }
}
