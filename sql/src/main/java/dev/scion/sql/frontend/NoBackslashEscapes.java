package dev.scion.sql.frontend;

/**
 * Statement text under sql_mode NO_BACKSLASH_ESCAPES rewritten to the default reading: inside every quoted string
 * a backslash is an ordinary character, so each is doubled ({@code 'C:\dir\'} becomes {@code 'C:\\dir\\'}, which
 * the parser reads back as the text written). A quote inside a string is still written twice. Comments, back-quoted
 * identifiers and, under ANSI_QUOTES, double-quoted ones are kept as they are. Done on the whole text as it
 * arrives, before it is split into statements, so a string ending in a backslash does not swallow the next one.
 */
public final class NoBackslashEscapes {
    private NoBackslashEscapes() {
    }

    /** {@code sql} with the backslashes of its strings doubled; {@code ansiQuotes}: double quotes are names. */
    public static String toEscaped(String sql, boolean ansiQuotes) {
        if (sql.indexOf('\\') < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' && !ansiQuotes) {
                i = string(sql, i, out);
            } else if (c == '`' || c == '"') {
                int end = SqlScanner.skipQuotedName(sql, i);
                out.append(sql, i, end);
                i = end;
            } else {
                int end = SqlScanner.skipComment(sql, i);
                if (end < 0) {
                    end = i + 1;
                }
                out.append(sql, i, end);
                i = end;
            }
        }
        return out.toString();
    }

    /** Appends the string starting at {@code start} with its backslashes doubled; returns the index past it. */
    private static int string(String sql, int start, StringBuilder out) {
        char q = sql.charAt(start);
        int n = sql.length();
        out.append(q);
        int j = start + 1;
        while (j < n) {
            char c = sql.charAt(j);
            if (c == q) {
                if (j + 1 < n && sql.charAt(j + 1) == q) {
                    out.append(q).append(q);
                    j += 2;
                    continue;
                }
                out.append(q);
                return j + 1;
            }
            if (c == '\\') {
                out.append('\\');
            }
            out.append(c);
            j++;
        }
        return n;
    }
}
