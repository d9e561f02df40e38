package dev.scion.sql.expr;

import dev.scion.sql.exec.ExecContext;

/**
 * EXPORT_SET and MAKE_SET: strings built from the bits of a 64-bit integer, lowest bit first. The bits are read as
 * MySQL reads an integer argument: a decimal is rounded (5.7 is 6), a negative number is its two's complement, a
 * string its numeric prefix (with warning 1292 when it has trailing text).
 */
final class BitListFunctions {
    private BitListFunctions() {
    }

    /** The compiled call, or null if {@code name} is not one of these functions. */
    static Expr compile(String name, Expr[] a) {
        return switch (name) {
            case "EXPORT_SET" -> (row, ctx) -> exportSet(a, row, ctx);
            case "MAKE_SET" -> (row, ctx) -> makeSet(a, row, ctx);
            default -> null;
        };
    }

    /**
     * EXPORT_SET(bits, on, off[, separator[, count]]): one word per bit, {@code count} bits (64 when absent, negative
     * or above 64); NULL when any argument is.
     */
    private static Object exportSet(Expr[] a, Object[] row, ExecContext ctx) {
        Object[] v = new Object[a.length];
        for (int i = 0; i < a.length; i++) {
            v[i] = a[i].eval(row, ctx);
            if (v[i] == null) {
                return null;
            }
        }
        long bits = IntegerArgument.bits(v[0], ctx);
        String on = Values.toStringValue(v[1]);
        String off = Values.toStringValue(v[2]);
        String separator = v.length > 3 ? Values.toStringValue(v[3]) : ",";
        long count = v.length > 4 ? IntegerArgument.value(v[4], ctx) : 64;
        if (count < 0 || count > 64) {
            count = 64;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append((bits >>> i & 1) != 0 ? on : off);
        }
        return out.toString();
    }

    /** MAKE_SET(bits, s1, s2, ...): the strings whose bits are set, comma-separated; NULL strings are skipped. */
    private static Object makeSet(Expr[] a, Object[] row, ExecContext ctx) {
        Object first = a[0].eval(row, ctx);
        if (first == null) {
            return null;
        }
        long bits = IntegerArgument.bits(first, ctx);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < a.length && i <= 64; i++) {
            if ((bits >>> (i - 1) & 1) == 0) {
                continue;
            }
            Object s = a[i].eval(row, ctx);
            if (s != null) {
                if (!out.isEmpty()) {
                    out.append(',');
                }
                out.append(Values.toStringValue(s));
            }
        }
        return out.toString();
    }
}
