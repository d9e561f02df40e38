package dev.scion.sql.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a COM_QUERY text into statements at semicolons outside strings, identifiers and comments. A CREATE TRIGGER
 * (or PROCEDURE / FUNCTION / EVENT) may hold a BEGIN ... END block whose own statements end in semicolons: inside
 * such a statement only a semicolon outside every BEGIN ... END and CASE ... END ends it.
 */
public final class StatementSplitter {
    private static final Pattern COMPOUND_HOLDER = Pattern.compile(
            "CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:DEFINER\\s*=\\s*\\S+\\s+)?(?:TRIGGER|PROCEDURE|FUNCTION|EVENT)\\b",
            Pattern.CASE_INSENSITIVE);

    private StatementSplitter() {
    }

    public static List<String> split(String sql) {
        return split(sql, false);
    }

    /**
     * Splits the statements of a BEGIN ... END block's inside (a trigger body), where every statement may hold
     * CASE ... END or a nested block.
     */
    public static List<String> splitCompoundBody(String body) {
        return split(body, true);
    }

    private static List<String> split(String sql, boolean alwaysCompound) {
        List<String> out = new ArrayList<>();
        if (!alwaysCompound && sql.indexOf(';') < 0) {
            // one statement (what clients send nearly always): no scan for separators, no compound-statement check
            if (!blankOrComment(sql)) {
                out.add(sql);
            }
            return out;
        }
        int n = sql.length();
        int start = 0;
        int i = 0;
        boolean compound = alwaysCompound || holdsCompound(sql, 0);
        int depth = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (SqlScanner.isQuote(c)) {
                i = SqlScanner.skipQuoted(sql, i);
                continue;
            }
            int after = SqlScanner.skipComment(sql, i);
            if (after >= 0) {
                i = after;
                continue;
            }
            if (compound && Character.isLetter(c) && (i == 0 || !SqlScanner.isIdentifierChar(sql.charAt(i - 1)))) {
                int e = wordEnd(sql, i);
                String word = sql.substring(i, e).toUpperCase(Locale.ROOT);
                if (word.equals("BEGIN") || word.equals("CASE")) {
                    depth++;
                } else if (word.equals("END") && depth > 0) {
                    int next = skipSpace(sql, e);
                    String closes = sql.substring(next, wordEnd(sql, next)).toUpperCase(Locale.ROOT);
                    switch (closes) {
                        case "IF", "LOOP", "WHILE", "REPEAT" -> e = wordEnd(sql, next); // not counted on entry
                        case "CASE" -> {
                            depth--;
                            e = wordEnd(sql, next);
                        }
                        default -> depth--;
                    }
                }
                i = e;
                continue;
            }
            if (c == ';' && depth == 0) {
                add(out, sql.substring(start, i));
                start = i + 1;
                compound = alwaysCompound || holdsCompound(sql, start);
            }
            i++;
        }
        add(out, sql.substring(start));
        return out;
    }

    /** Whether the statement starting at {@code from} is one that may hold a BEGIN ... END block. */
    private static boolean holdsCompound(String sql, int from) {
        String head = sql.substring(from, Math.min(sql.length(), from + 400));
        return COMPOUND_HOLDER.matcher(Preprocessor.normalize(head)).lookingAt();
    }

    private static int wordEnd(String sql, int i) {
        int j = i;
        while (j < sql.length() && SqlScanner.isIdentifierChar(sql.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int skipSpace(String sql, int i) {
        int j = i;
        while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
            j++;
        }
        return j;
    }

    private static void add(List<String> out, String stmt) {
        if (!blankOrComment(stmt)) {
            out.add(stmt);
        }
    }

    /** Whether the text holds nothing but white space and comments; a versioned comment (slash-star-bang) is text. */
    private static boolean blankOrComment(String sql) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            int after = SqlScanner.skipComment(sql, i);
            if (after >= 0) {
                i = after;
            } else if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }
}
