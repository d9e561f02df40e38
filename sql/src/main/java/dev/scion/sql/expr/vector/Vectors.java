package dev.scion.sql.expr.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MySQL's VECTOR values: a sequence of IEEE 754 single-precision floats, stored little-endian four bytes each, and
 * written as text like {@code [1.00000e+00,2.50000e+00]}. Text in is a bracketed, comma-separated list of numbers.
 */
public final class Vectors {
    /** MySQL's limit on a vector's dimension. */
    public static final int MAX_DIMENSIONS = 16383;

    private Vectors() {
    }

    /** The binary form of a vector's text; throws IllegalArgumentException when the text is none. */
    public static byte[] fromText(String text) {
        String t = text.strip();
        if (t.length() < 2 || t.charAt(0) != '[' || t.charAt(t.length() - 1) != ']') {
            throw new IllegalArgumentException("not a bracketed list");
        }
        String body = t.substring(1, t.length() - 1);
        List<Float> values = new ArrayList<>();
        if (!body.isBlank()) {
            for (String item : body.split(",", -1)) {
                values.add(component(item.strip()));
            }
        }
        if (values.isEmpty() || values.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("no components or too many");
        }
        ByteBuffer out = ByteBuffer.allocate(4 * values.size()).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(out::putFloat);
        return out.array();
    }

    private static float component(String item) {
        if (item.isEmpty() || !item.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            throw new IllegalArgumentException("not a number: " + item);
        }
        double d = Double.parseDouble(item);
        float f = (float) d;
        if (Float.isInfinite(f)) {
            throw new IllegalArgumentException("out of the float range: " + item);
        }
        return f;
    }

    /** The components of a vector's binary form; throws IllegalArgumentException when it is none. */
    public static float[] components(byte[] vector) {
        if (vector.length == 0 || vector.length % 4 != 0 || vector.length / 4 > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("not a multiple of four bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(vector).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[vector.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = in.getFloat();
            if (Float.isNaN(out[i]) || Float.isInfinite(out[i])) {
                throw new IllegalArgumentException("a component that is no finite number");
            }
        }
        return out;
    }

    /** The text MySQL writes for a vector: each component with six significant digits in exponent form. */
    public static String toText(byte[] vector) {
        StringBuilder sb = new StringBuilder("[");
        float[] c = components(vector);
        for (int i = 0; i < c.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "%.5e", c[i]));
        }
        return sb.append(']').toString();
    }
}
