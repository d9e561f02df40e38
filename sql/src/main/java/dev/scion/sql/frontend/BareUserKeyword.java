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
        StringBuilder out = new StringBuilder(sql.length() + 4);
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int e = SqlScanner.skipQuoted(sql, i);
                out.append(sql, i, e);
                i = e;
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                String word = sql.substring(i, j);
                if (word.equalsIgnoreCase("user") && !calledAt(sql, j)) {
                    out.append('`').append(word).append('`');
                } else {
                    out.append(word);
                }
                i = j;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean calledAt(String sql, int from) {
        int k = from;
        while (k < sql.length() && Character.isWhitespace(sql.charAt(k))) {
            k++;
        }
        return k < sql.length() && sql.charAt(k) == '(';
    }
}
