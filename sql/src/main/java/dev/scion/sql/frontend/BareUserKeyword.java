package dev.scion.sql.frontend;

import java.util.regex.Pattern;

/**
 * In MySQL {@code USER} is a function only when called with parentheses; bare, it is an identifier, and the
 * grant tables have a column named {@code User} ({@code SELECT User, Host FROM mysql.user}). Calcite's grammar
 * reads a bare {@code USER} as the SQL-standard context function, so it is back-quoted before parsing.
 */
public final class BareUserKeyword {
    private static final Pattern CANDIDATE = Pattern.compile("(?i)\\buser\\b");

    private BareUserKeyword() {
    }

    public static String quote(String sql) {
        if (!CANDIDATE.matcher(sql).find()) {
            return sql;
        }
        return SqlScanner.rewriteWords(sql, (text, start, end, out) -> {
            if (end - start != 4 || !text.regionMatches(true, start, "user", 0, 4) || calledAt(text, end)) {
                return -1;
            }
            out.append('`').append(text, start, end).append('`');
            return end;
        });
    }

    private static boolean calledAt(String sql, int from) {
        int k = SqlScanner.skipSpace(sql, from);
        return k < sql.length() && sql.charAt(k) == '(';
    }
}
