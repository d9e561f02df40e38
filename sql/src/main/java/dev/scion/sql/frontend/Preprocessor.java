package dev.scion.sql.frontend;

/**
 * Normalises one statement's text before parsing: expands MySQL versioned comments {@code /*!NNNNN ... *&#47;}
 * (kept when NNNNN is at most the version Scion reports), removes ordinary comments, and trims.
 */
public final class Preprocessor {
    /** The MySQL version Scion speaks, as versioned comments number it. */
    public static final int VERSION_ID = 80040;

    private Preprocessor() {
    }

    public static String normalize(String sql) {
        if (!hasComment(sql)) {
            return sql.strip(); // the usual statement: nothing to remove, so no copy
        }
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (SqlScanner.isQuote(c)) {
                int e = SqlScanner.skipQuoted(sql, i);
                out.append(sql, i, e);
                i = e;
                continue;
            }
            if (c == '/' && i + 2 < n && sql.charAt(i + 1) == '*' && sql.charAt(i + 2) == '!') {
                int end = sql.indexOf("*/", i + 3);
                if (end < 0) {
                    end = n;
                }
                int j = i + 3;
                int digits = 0;
                while (j < end && Character.isDigit(sql.charAt(j)) && digits < 6) {
                    j++;
                    digits++;
                }
                boolean keep = digits == 0 || Integer.parseInt(sql.substring(i + 3, j)) <= VERSION_ID;
                out.append(' ');
                if (keep) {
                    out.append(normalize(sql.substring(j, end)));
                }
                out.append(' ');
                i = Math.min(n, end + 2);
                continue;
            }
            int after = SqlScanner.skipComment(sql, i);
            if (after >= 0) {
                out.append(' ');
                i = after;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString().strip();
    }

    /** Whether a comment or a versioned comment starts outside quotes in {@code sql}. */
    private static boolean hasComment(String sql) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (SqlScanner.isQuote(c)) {
                i = SqlScanner.skipQuoted(sql, i);
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*'
                    || (c == '-' || c == '#') && SqlScanner.skipComment(sql, i) >= 0) {
                return true;
            }
            i++;
        }
        return false;
    }

    /** Comments removed, versioned comments included as comments: used to tell an empty statement. */
    static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (SqlScanner.isQuote(c)) {
                int e = SqlScanner.skipQuoted(sql, i);
                out.append(sql, i, e);
                i = e;
                continue;
            }
            int after = SqlScanner.skipComment(sql, i);
            if (after >= 0) {
                i = after;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
