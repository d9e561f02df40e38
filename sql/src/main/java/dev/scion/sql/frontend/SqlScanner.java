package dev.scion.sql.frontend;

/**
 * Walks SQL text knowing where quoted strings, quoted identifiers and comments are, so that rewrites touch only
 * code. Shared by the statement splitter and the text rewriters.
 */
public final class SqlScanner {
    private SqlScanner() {
    }

    /** Index just past the quoted section starting at {@code i} (whose quote char is {@code sql.charAt(i)}). */
    public static int skipQuoted(String sql, int i) {
        char q = sql.charAt(i);
        int n = sql.length();
        int j = i + 1;
        while (j < n) {
            char c = sql.charAt(j);
            if (c == '\\' && q != '`') {
                j += 2;
                continue;
            }
            if (c == q) {
                if (j + 1 < n && sql.charAt(j + 1) == q) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return n;
    }

    /** If a comment starts at {@code i}, the index just past it; otherwise -1. Versioned comments are not comments. */
    static int skipComment(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '#') {
            int e = sql.indexOf('\n', i);
            return e < 0 ? n : e + 1;
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-'
                && (i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2)))) {
            int e = sql.indexOf('\n', i);
            return e < 0 ? n : e + 1;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*' && !(i + 2 < n && sql.charAt(i + 2) == '!')) {
            int e = sql.indexOf("*/", i + 2);
            return e < 0 ? n : e + 2;
        }
        return -1;
    }

    static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }

    static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
