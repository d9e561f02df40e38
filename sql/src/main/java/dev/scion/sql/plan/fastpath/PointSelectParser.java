package dev.scion.sql.plan.fastpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognises the one statement shape the point-select fast path serves, without Calcite:
 * {@code SELECT * | col [, col ...] FROM [db.]table WHERE col = literal [;]}, where the literal is an integer or a
 * simple single-quoted string. Identifiers may be back-quoted. Anything else (functions, aliases, more conditions,
 * comments, escapes) is not recognised, and the statement takes the planned path.
 */
final class PointSelectParser {
    /** A recognised statement. {@code columns} is empty for {@code *}; {@code key} is a Long or a String. */
    record PointSelect(List<String> columns, String database, String table, String keyColumn, Object key) {
    }

    private final String s;
    private int pos;

    private PointSelectParser(String s) {
        this.s = s;
    }

    /** The statement, or null when it is not of the fast-path shape. */
    static PointSelect parse(String sql) {
        if (sql.length() < 6 || !sql.regionMatches(true, 0, "SELECT", 0, 6)) {
            return null;
        }
        return new PointSelectParser(sql).statement();
    }

    private PointSelect statement() {
        pos = 6;
        if (!space()) {
            return null;
        }
        List<String> cols = new ArrayList<>();
        if (peek() == '*') {
            pos++;
        } else {
            do {
                String c = identifier();
                if (c == null) {
                    return null;
                }
                cols.add(c);
            } while (symbol(','));
        }
        if (!keyword("FROM")) {
            return null;
        }
        String db = null;
        String table = identifier();
        if (table == null) {
            return null;
        }
        if (symbol('.')) {
            db = table;
            table = identifier();
            if (table == null) {
                return null;
            }
        }
        if (!keyword("WHERE")) {
            return null;
        }
        String keyCol = identifier();
        if (keyCol == null || !symbol('=')) {
            return null;
        }
        Object key = literal();
        if (key == null) {
            return null;
        }
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ';') {
            pos++;
            skipSpace();
        }
        return pos == s.length() ? new PointSelect(cols, db, table, keyCol, key) : null;
    }

    private char peek() {
        skipSpace();
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private boolean space() {
        int start = pos;
        skipSpace();
        return pos > start;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean symbol(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean keyword(String k) {
        skipSpace();
        if (s.regionMatches(true, pos, k, 0, k.length())) {
            int end = pos + k.length();
            if (end == s.length() || !isIdentChar(s.charAt(end))) {
                pos = end;
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> RESERVED = java.util.Set.of("SELECT", "FROM", "WHERE", "DISTINCT",
            "ALL", "AS", "AND", "OR", "NOT", "NULL", "LIMIT", "ORDER", "GROUP", "HAVING", "UNION", "FOR", "INTO",
            "JOIN", "LOCK", "TRUE", "FALSE", "CASE", "INTERVAL", "BINARY", "DIV", "MOD", "XOR", "LIKE", "IN",
            "IS", "BETWEEN", "EXISTS", "SQL_CALC_FOUND_ROWS", "HIGH_PRIORITY", "STRAIGHT_JOIN");

    private String identifier() {
        skipSpace();
        if (pos >= s.length()) {
            return null;
        }
        if (s.charAt(pos) == '`') {
            int end = s.indexOf('`', pos + 1);
            if (end < 0 || end == pos + 1 || (end + 1 < s.length() && s.charAt(end + 1) == '`')) {
                return null; // doubled back-quotes inside a name: leave to the full parser
            }
            String name = s.substring(pos + 1, end);
            pos = end + 1;
            return name;
        }
        int start = pos;
        while (pos < s.length() && isIdentChar(s.charAt(pos))) {
            pos++;
        }
        if (pos == start || Character.isDigit(s.charAt(start))) {
            pos = start;
            return null;
        }
        String name = s.substring(start, pos);
        if (RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            pos = start;
            return null;
        }
        return name;
    }

    private static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private Object literal() {
        skipSpace();
        int start = pos;
        if (pos < s.length() && s.charAt(pos) == '\'') {
            int end = pos + 1;
            while (end < s.length() && s.charAt(end) != '\'' && s.charAt(end) != '\\') {
                end++;
            }
            if (end >= s.length() || s.charAt(end) != '\'' || (end + 1 < s.length() && s.charAt(end + 1) == '\'')) {
                return null; // escapes and quote doubling: leave to the full parser
            }
            pos = end + 1;
            return s.substring(start + 1, end);
        }
        if (pos < s.length() && s.charAt(pos) == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos == digits || pos - digits > 18 || (pos < s.length() && (isIdentChar(s.charAt(pos))
                || s.charAt(pos) == '.'))) {
            return null;
        }
        return Long.parseLong(s.substring(start, pos));
    }
}
