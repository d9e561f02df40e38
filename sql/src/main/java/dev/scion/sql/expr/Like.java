package dev.scion.sql.expr;

import java.util.regex.Pattern;

/** LIKE with % and _, case-insensitive as MySQL's default collations are, and the backslash escape. */
public final class Like {
    private Like() {
    }

    static Expr compile(Expr[] a, boolean negated) {
        Expr value = a[0];
        Expr pattern = a[1];
        Expr escape = a.length > 2 ? a[2] : null;
        // The pattern is nearly always a constant: compile it once, not per row.
        Compiled[] last = new Compiled[1];
        return (row, ctx) -> {
            Object v = value.eval(row, ctx);
            Object p = pattern.eval(row, ctx);
            Object e = escape == null ? "\\" : escape.eval(row, ctx);
            if (v == null || p == null) {
                return null;
            }
            String patternText = Values.toStringValue(p);
            String escapeText = e == null ? "" : Values.toStringValue(e);
            if (escapeText.length() > 1) {
                throw new dev.scion.sql.error.SqlError(dev.scion.sql.error.ErrorCode.WRONG_ARGUMENTS,
                        "Incorrect arguments to ESCAPE");
            }
            String key = escapeText + '\u0000' + patternText;
            Compiled compiled = last[0];
            if (compiled == null || !compiled.key().equals(key)) {
                // an empty ESCAPE is the backslash, as MySQL reads it without NO_BACKSLASH_ESCAPES
                compiled = new Compiled(key, toRegex(patternText, escapeText.isEmpty() ? '\\' : escapeText.charAt(0)));
                last[0] = compiled;
            }
            boolean m = compiled.regex().matcher(Values.toStringValue(v)).matches();
            return negated != m;
        };
    }

    /** A pattern and escape (the key) with their regex: one immutable pair, so sessions sharing a plan never mix them. */
    private record Compiled(String key, Pattern regex) {
    }

    /** A LIKE pattern as a case-insensitive regex. */
    public static Pattern toRegex(String like) {
        return toRegex(like, '\\');
    }

    /** A LIKE pattern with the given escape character as a case-insensitive regex. */
    public static Pattern toRegex(String like, char escape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == escape && i + 1 < like.length()) {
                sb.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL | Pattern.UNICODE_CASE);
    }
}
