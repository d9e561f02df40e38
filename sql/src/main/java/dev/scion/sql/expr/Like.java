package dev.scion.sql.expr;

import dev.scion.sql.exec.ExecContext;

import java.util.regex.Pattern;

/**
 * LIKE with % and _ and the backslash escape. It follows the collation of the comparison as MySQL's does: under a
 * {@code _ci} collation case and accents are folded on both sides, under any other (Scion's default
 * {@code utf8mb4_0900_bin} included) characters match exactly. Trailing spaces count under every collation, PAD
 * SPACE or not ({@code 'a ' LIKE 'a'} is 0), as in MySQL.
 */
public final class Like {
    private Like() {
    }

    static Expr compile(Expr[] a, boolean negated, String collation) {
        boolean fold = dev.scion.versioning.schema.CollationKeys.caseInsensitive(collation);
        Expr value = a[0];
        Expr pattern = a[1];
        Expr escape = a.length > 2 ? a[2] : null;
        // The pattern is nearly always a constant: compile it once, not per row.
        Compiled[] last = new Compiled[1];
        ModeReading[] mode = {new ModeReading(null, false)};
        return (row, ctx) -> {
            Object v = value.eval(row, ctx);
            Object p = pattern.eval(row, ctx);
            Object e = escape == null ? "" : escape.eval(row, ctx);
            if (v == null || p == null) {
                return null;
            }
            String patternText = Values.toStringValue(p);
            String escapeText = e == null ? "" : Values.toStringValue(e);
            if (escapeText.length() > 1) {
                throw new dev.scion.sql.error.SqlError(dev.scion.sql.error.ErrorCode.WRONG_ARGUMENTS,
                        "Incorrect arguments to ESCAPE");
            }
            // no ESCAPE, or an empty one, is the backslash, or no escape at all under NO_BACKSLASH_ESCAPES
            char esc = !escapeText.isEmpty() ? escapeText.charAt(0) : noBackslashEscapes(ctx, mode) ? NO_ESCAPE : '\\';
            String key = esc + "\u0000" + patternText;
            Compiled compiled = last[0];
            if (compiled == null || !compiled.key().equals(key)) {
                compiled = new Compiled(key, fold ? toRegex(withoutAccents(patternText), esc)
                        : Pattern.compile(regexBody(patternText, esc), Pattern.DOTALL));
                last[0] = compiled;
            }
            String text = Values.toStringValue(v);
            // the regex is case-insensitive already; accents fold by removing the marks on both sides
            boolean m = compiled.regex().matcher(fold ? withoutAccents(text) : text).matches();
            return negated != m;
        };
    }

    /** The escape character that escapes nothing: a noncharacter, never in text. */
    private static final char NO_ESCAPE = '\uFFFF';

    /** A sql_mode value and whether it has NO_BACKSLASH_ESCAPES: read once per value, not per row. */
    private record ModeReading(Object modes, boolean noBackslashEscapes) {
    }

    private static boolean noBackslashEscapes(ExecContext ctx, ModeReading[] last) {
        if (ctx == null || ctx.session() == null) {
            return false;
        }
        Object modes = ctx.session().variable("sql_mode");
        ModeReading known = last[0];
        if (known.modes() != modes) {
            known = new ModeReading(modes, dev.scion.sql.session.SqlModes.noBackslashEscapes(ctx.session()));
            last[0] = known;
        }
        return known.noBackslashEscapes();
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
        return Pattern.compile(regexBody(like, escape),
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL | Pattern.UNICODE_CASE);
    }

    /** Decomposes and drops combining marks ('é' is 'e'), as the {@code _ci} collations ignore accents. */
    private static String withoutAccents(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            }
        }
        return s;
    }

    private static String regexBody(String like, char escape) {
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
        return sb.toString();
    }
}
