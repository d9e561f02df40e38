package dev.scion.sql.frontend;

/**
 * Statement text under sql_mode ANSI_QUOTES rewritten to the default reading: every double-quoted section becomes a
 * back-quoted identifier ({@code "a""b"} is the identifier a"b, {@code "a`b"} becomes {@code `a``b`}). Single-quoted
 * strings, back-quoted identifiers and comments are kept; the code of versioned comments is rewritten too. Doing it
 * on the text, once, as the statement arrives, means every later reader (the parser, the fast paths, stored view
 * and constraint text) sees one quoting whatever the mode is when it is read again.
 */
public final class AnsiQuotes {
    private AnsiQuotes() {
    }

    public static String toBackticks(String sql) {
        if (sql.indexOf('"') < 0) {
            return sql;
        }
        return SqlScanner.rewriteCode(sql, (text, i, out) -> text.charAt(i) == '"' ? identifier(text, i, out) : -1);
    }

    /** Appends the double-quoted identifier starting at {@code start} back-quoted; returns the index past it. */
    private static int identifier(String sql, int start, StringBuilder out) {
        int n = sql.length();
        out.append('`');
        int j = start + 1;
        while (j < n) {
            char c = sql.charAt(j);
            if (c == '"') {
                if (j + 1 < n && sql.charAt(j + 1) == '"') {
                    out.append('"');
                    j += 2;
                    continue;
                }
                j++;
                break;
            }
            if (c == '`') {
                out.append('`');
            }
            out.append(c);
            j++;
        }
        out.append('`');
        return j;
    }

    /**
     * Generated statement text (SHOW CREATE) as MySQL shows it under ANSI_QUOTES: back-quoted identifiers
     * double-quoted ({@code `a"b`} becomes {@code "a""b"}); strings and comments kept.
     */
    public static String toDoubleQuotes(String sql) {
        if (sql.indexOf('`') < 0) {
            return sql;
        }
        return SqlScanner.rewriteCode(sql, (text, i, out) -> {
            if (text.charAt(i) != '`') {
                return -1;
            }
            int end = SqlScanner.skipQuoted(text, i);
            String name = text.substring(i + 1, Math.max(i + 1, end - 1)).replace("``", "`");
            out.append('"').append(name.replace("\"", "\"\"")).append('"');
            return end;
        });
    }
}
