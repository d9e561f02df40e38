package dev.scion.sql.expr.spatial;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Well-known text, as MySQL reads and writes it: type names in any case, {@code MULTIPOINT(0 0,1 1)} or
 * {@code MULTIPOINT((0 0),(1 1))}, {@code GEOMETRYCOLLECTION EMPTY}; written back without spaces after commas
 * ({@code LINESTRING(0 0,1 1)}), multipoint members in parentheses, numbers in their shortest form.
 */
final class Wkt {
    private final String text;
    private int pos;

    private Wkt(String text) {
        this.text = text;
    }

    static Shape read(String text) {
        Wkt r = new Wkt(text);
        Shape s = r.geometry(0);
        r.skipSpaces();
        if (r.pos != text.length()) {
            throw new InvalidGeometryException("unexpected text after the geometry at " + r.pos);
        }
        return s;
    }

    private Shape geometry(int depth) {
        if (depth > 32) {
            throw new InvalidGeometryException("geometry collections nested too deeply");
        }
        GeometryType type = GeometryType.fromWktName(word());
        if (type == GeometryType.GEOMETRYCOLLECTION && peekWord().equalsIgnoreCase("EMPTY")) {
            word();
            return Shape.of(type, List.of());
        }
        expect('(');
        Shape s = switch (type) {
            case POINT -> coordinates();
            case LINESTRING -> Shape.of(type, pointList());
            case POLYGON -> Shape.of(type, rings());
            case MULTIPOINT -> {
                List<Shape> points = new ArrayList<>();
                do {
                    if (peek() == '(') {
                        expect('(');
                        points.add(coordinates());
                        expect(')');
                    } else {
                        points.add(coordinates());
                    }
                } while (accept(','));
                yield Shape.of(type, points);
            }
            case MULTILINESTRING -> {
                List<Shape> lines = new ArrayList<>();
                do {
                    expect('(');
                    lines.add(Shape.of(GeometryType.LINESTRING, pointList()));
                    expect(')');
                } while (accept(','));
                yield Shape.of(type, lines);
            }
            case MULTIPOLYGON -> {
                List<Shape> polygons = new ArrayList<>();
                do {
                    expect('(');
                    polygons.add(Shape.of(GeometryType.POLYGON, rings()));
                    expect(')');
                } while (accept(','));
                yield Shape.of(type, polygons);
            }
            case GEOMETRYCOLLECTION -> {
                List<Shape> members = new ArrayList<>();
                if (peek() != ')') {
                    do {
                        members.add(geometry(depth + 1));
                    } while (accept(','));
                }
                yield Shape.of(type, members);
            }
        };
        expect(')');
        return s;
    }

    private List<Shape> rings() {
        List<Shape> rings = new ArrayList<>();
        do {
            expect('(');
            rings.add(Shape.of(GeometryType.LINESTRING, pointList()));
            expect(')');
        } while (accept(','));
        return rings;
    }

    private List<Shape> pointList() {
        List<Shape> points = new ArrayList<>();
        do {
            points.add(coordinates());
        } while (accept(','));
        return points;
    }

    private Shape coordinates() {
        return Shape.point(number(), number());
    }

    private double number() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            double d = Double.parseDouble(text.substring(start, pos));
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new InvalidGeometryException("coordinate out of range at " + start);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidGeometryException("a number expected at " + start);
        }
    }

    private String word() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new InvalidGeometryException("a geometry type expected at " + start);
        }
        return text.substring(start, pos);
    }

    private String peekWord() {
        int saved = pos;
        skipSpaces();
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String w = text.substring(start, pos);
        pos = saved;
        return w;
    }

    private char peek() {
        skipSpaces();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private boolean accept(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw new InvalidGeometryException("'" + c + "' expected at " + pos);
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    static String write(Shape s) {
        StringBuilder sb = new StringBuilder();
        write(s, sb, true);
        return sb.toString();
    }

    private static void write(Shape s, StringBuilder sb, boolean named) {
        if (named) {
            sb.append(s.type().name());
        }
        if (s.type() == GeometryType.GEOMETRYCOLLECTION && s.parts().isEmpty()) {
            sb.append(" EMPTY");
            return;
        }
        sb.append('(');
        switch (s.type()) {
            case POINT -> coordinates(s, sb);
            case LINESTRING -> pointList(s, sb);
            case POLYGON, MULTILINESTRING, MULTIPOLYGON, MULTIPOINT -> {
                for (int i = 0; i < s.parts().size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    Shape part = s.parts().get(i);
                    if (part.type() == GeometryType.POINT) {
                        sb.append('(');
                        coordinates(part, sb);
                        sb.append(')');
                    } else if (part.type() == GeometryType.LINESTRING) {
                        sb.append('(');
                        pointList(part, sb);
                        sb.append(')');
                    } else {
                        write(part, sb, false);
                    }
                }
            }
            case GEOMETRYCOLLECTION -> {
                for (int i = 0; i < s.parts().size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(s.parts().get(i), sb, true);
                }
            }
        }
        sb.append(')');
    }

    private static void pointList(Shape line, StringBuilder sb) {
        for (int i = 0; i < line.parts().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            coordinates(line.parts().get(i), sb);
        }
    }

    private static void coordinates(Shape p, StringBuilder sb) {
        sb.append(number(p.x())).append(' ').append(number(p.y()));
    }

    /** Shortest digits that read back as the same double: 1, 0.5, 0.0001, 1e20, -1.5e-7. */
    static String number(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        if (exponent >= -5 && exponent < 15) {
            return b.toPlainString();
        }
        BigDecimal mantissa = b.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }
}
