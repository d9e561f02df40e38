package dev.scion.sql.routine;

import dev.scion.sql.frontend.SqlScanner;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Takes {@code INTO var, ...} out of a SELECT (MySQL allows it after the select list or at the end) so that the
 * rest can be planned as a query; the variables get the one row's values.
 */
final class SelectInto {
    private static final Set<String> ENDS = Set.of("FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "FOR",
            "INTO", "UNION", "LOCK", "WINDOW", "INTERSECT", "EXCEPT");

    private SelectInto() {
    }

    record Split(String sql, List<String> into) {
    }

    static Split split(String sql) {
        int n = sql.length();
        int depth = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlScanner.skipQuoted(sql, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !SqlScanner.isIdentifierChar(sql.charAt(i - 1)))) {
                int e = wordEnd(sql, i);
                if (sql.substring(i, e).equalsIgnoreCase("INTO")) {
                    int targetsStart = e;
                    int nextWord = SqlScanner.skipSpace(sql, e);
                    String next = sql.substring(nextWord, wordEnd(sql, nextWord)).toUpperCase(Locale.ROOT);
                    if (next.equals("OUTFILE") || next.equals("DUMPFILE")) {
                        return new Split(sql, List.of());
                    }
                    int end = targetsEnd(sql, targetsStart);
                    List<String> into = BodyParser.names(sql.substring(targetsStart, end));
                    String rest = (sql.substring(0, i) + " " + sql.substring(end)).strip();
                    return new Split(rest, into);
                }
                i = e;
                continue;
            }
            i++;
        }
        return new Split(sql, List.of());
    }

    private static int targetsEnd(String sql, int from) {
        int i = from;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '`') {
                i = SqlScanner.skipQuoted(sql, i);
                continue;
            }
            if (Character.isLetter(c) && !SqlScanner.isIdentifierChar(sql.charAt(i - 1)) && sql.charAt(i - 1) != '@') {
                int e = wordEnd(sql, i);
                if (ENDS.contains(sql.substring(i, e).toUpperCase(Locale.ROOT))) {
                    return i;
                }
                i = e;
                continue;
            }
            i++;
        }
        return n;
    }

    /**
     * The text of each unaliased item of a SELECT's select list (null for an aliased one), or an empty list when the
     * statement is not a plain SELECT. MySQL names such a column by its text, which a bound variable would change.
     */
    static List<String> itemTexts(String sql) {
        java.util.regex.Matcher head = java.util.regex.Pattern.compile("(?is)SELECT\\s+((?:(?:DISTINCT|ALL|SQL_\\w+"
                + "|STRAIGHT_JOIN|HIGH_PRIORITY)\\s+)*)").matcher(sql);
        if (!head.lookingAt()) {
            return List.of();
        }
        int start = head.end();
        int end = targetsEnd(sql, start);
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (String item : BodyParser.topLevelCommaSplit(sql.substring(start, end))) {
            String t = item.strip();
            boolean aliased = t.matches("(?is).*\\s+AS\\s+\\S+") || t.matches("(?s).*[\\s)]\\s*(`[^`]*`|'[^']*'|\"[^\"]*\")")
                    || t.matches("(?s).*[^\\s.(,]\\s+[A-Za-z_][A-Za-z0-9_]*");
            out.add(aliased ? null : t);
        }
        return out;
    }

    private static int wordEnd(String sql, int i) {
        int j = i;
        while (j < sql.length() && SqlScanner.isIdentifierChar(sql.charAt(j))) {
            j++;
        }
        return j;
    }
}
