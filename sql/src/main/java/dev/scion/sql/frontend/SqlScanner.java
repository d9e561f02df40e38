package dev.scion.sql.frontend;

/**
 * Walks SQL text knowing where quoted strings, quoted identifiers and comments are, so that rewrites touch only
 * code. Shared by the statement splitter and the text rewriters.
 */
public final class SqlScanner {
    private SqlScanner() {
    }

    /**
     * Index just past the quoted section starting at {@code i} (whose quote char is {@code sql.charAt(i)}): a string,
     * where a backslash escapes the next character, or a back-quoted name, where it does not.
     */
    public static int skipQuoted(String sql, int i) {
        return skipQuoted(sql, i, sql.charAt(i) != '`');
    }

    /**
     * Index just past the quoted name starting at {@code i}, back-quoted or (under ANSI_QUOTES) double-quoted: the
     * quote written twice stands for itself and a backslash is an ordinary character.
     */
    public static int skipQuotedName(String sql, int i) {
        return skipQuoted(sql, i, false);
    }

    private static int skipQuoted(String sql, int i, boolean backslashEscapes) {
        char q = sql.charAt(i);
        int n = sql.length();
        int j = i + 1;
        while (j < n) {
            char c = sql.charAt(j);
            if (c == '\\' && backslashEscapes) {
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

    /**
     * If a quoted string or a comment starts at {@code i}, the index just past it (text a rewrite copies unchanged);
     * otherwise -1, code starts there.
     */
    public static int skipVerbatim(String sql, int i) {
        return isQuote(sql.charAt(i)) ? skipQuoted(sql, i) : skipComment(sql, i);
    }

    /** If a comment starts at {@code i}, the index just past it; otherwise -1. Versioned comments are not comments. */
    public static int skipComment(String sql, int i) {
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

    /**
     * What becomes of one bare word (a maximal run of identifier characters outside quotes and comments) in
     * {@link #rewriteWords}.
     */
    @FunctionalInterface
    public interface WordRewrite {
        /**
         * Either appends a replacement for the text from {@code start} to {@code out} and returns the index just
         * past what it replaced (at least {@code end}, so a rewrite may swallow what follows the word, as
         * {@code NEW.col} does), or returns -1 to keep the word as written.
         */
        int rewrite(String sql, int start, int end, StringBuilder out);
    }

    /**
     * What becomes of the code at one position in {@link #rewriteCode}: it is offered every position outside the
     * quoted sections and comments it did not claim itself.
     */
    @FunctionalInterface
    public interface CodeRewrite {
        /**
         * Either appends a replacement for the text from {@code i} to {@code out} and returns the index just past
         * what it replaced, or returns -1, and the walk copies the character (or the quoted section or comment
         * starting there) as written. Being asked first lets a rewrite claim a quote character itself, as the
         * ANSI_QUOTES rewrite does with double quotes.
         */
        int rewrite(String sql, int i, StringBuilder out);
    }

    /**
     * The one walk every text rewriter shares: each position of code is offered to {@code rewrite}; quoted
     * strings, quoted identifiers and comments it does not claim are copied untouched.
     */
    public static String rewriteCode(String sql, CodeRewrite rewrite) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int n = sql.length();
        int i = 0;
        while (i < n) {
            int next = rewrite.rewrite(sql, i, out);
            if (next < 0) {
                next = skipVerbatim(sql, i);
                if (next < 0) {
                    next = i + 1;
                }
                out.append(sql, i, next);
            }
            i = next;
        }
        return out.toString();
    }

    /** Calls {@code atCode} with each index of code, passing over quoted sections and comments. */
    public static void scanCode(String sql, java.util.function.IntConsumer atCode) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            int verbatim = skipVerbatim(sql, i);
            if (verbatim >= 0) {
                i = verbatim;
                continue;
            }
            atCode.accept(i);
            i++;
        }
    }

    /**
     * The text with every bare word offered to {@code rewrite}; quoted strings, quoted identifiers and comments
     * are copied untouched. The walk the word-level rewriters (bare USER, trigger row references) share.
     */
    public static String rewriteWords(String sql, WordRewrite rewrite) {
        return rewriteCode(sql, (text, i, out) -> {
            if (!isIdentifierChar(text.charAt(i))) {
                return -1;
            }
            int end = i + 1;
            while (end < text.length() && isIdentifierChar(text.charAt(end))) {
                end++;
            }
            int next = rewrite.rewrite(text, i, end, out);
            if (next < 0) {
                out.append(text, i, end);
                next = end;
            }
            return next;
        });
    }

    /**
     * Index of the parenthesis closing the one at {@code open}, skipping quoted text, or -1 when the text ends
     * first.
     */
    public static int closingParen(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (isQuote(c)) {
                i = skipQuoted(sql, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Index of the first non-blank character at or after {@code i} (the length if none). */
    public static int skipSpace(String sql, int i) {
        int j = i;
        while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
            j++;
        }
        return j;
    }

    public static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }

    public static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
