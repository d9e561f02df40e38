package dev.scion.sql.expr;

import java.util.regex.Pattern;

/** LIKE with % and _, case-insensitive as MySQL's default collations are, and the backslash escape. */
public final class Like {
    private Like() {
    }

    static Expr compile(Expr[] a, boolean negated) {
        Expr value = a[0];
        Expr pattern = a[1];
        return (row, ctx) -> {
            Object v = value.eval(row, ctx);
            Object p = pattern.eval(row, ctx);
            if (v == null || p == null) {
                return null;
            }
            boolean m = toRegex(Values.toStringValue(p)).matcher(Values.toStringValue(v)).matches();
            return negated != m;
        };
    }

    /** A LIKE pattern as a case-insensitive regex. */
    public static Pattern toRegex(String like) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
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
