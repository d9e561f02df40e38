package dev.scion.sql.dml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises the write statements OLTP clients send one row at a time, without Calcite:
 * <ul>
 *   <li>{@code UPDATE [db.]t SET col = value [, col = value ...] WHERE col = integer}, where a value is a literal or
 *       {@code col}, {@code col + integer} or {@code col - integer};</li>
 *   <li>{@code DELETE FROM [db.]t WHERE col = integer};</li>
 *   <li>{@code INSERT INTO [db.]t [(col, ...)] VALUES (literal, ...) [, (...)]}.</li>
 * </ul>
 * Literals are integers and simple single-quoted strings (no escapes, no doubled quotes). Identifiers may be
 * back-quoted. Anything else (NULL, DEFAULT, functions, IGNORE, ORDER BY, LIMIT, comments, ON DUPLICATE KEY, other
 * conditions) is not recognised, and the statement takes the general path, which also reports every error.
 */
final class WriteStatementParser {
    /** A target table, the database null when the statement names none. */
    record Table(String database, String table) {
    }

    /** A SET value: a literal ({@code column} null), or a column of the old row plus {@code delta}. */
    record Value(Object literal, String column, long delta) {
        static Value literal(Object v) {
            return new Value(v, null, 0);
        }
    }

    record Update(Table table, List<String> columns, List<Value> values, String keyColumn, long key) {
    }

    record Delete(Table table, String keyColumn, long key) {
    }

    /** {@code columns} is empty when the statement lists none (every column, in table order). */
    record Insert(Table table, List<String> columns, List<Object[]> rows) {
    }

    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "SET", "VALUES", "VALUE", "AND",
            "OR", "NOT", "NULL", "LIMIT", "ORDER", "INTO", "DEFAULT", "IGNORE", "LOW_PRIORITY", "DELAYED",
            "HIGH_PRIORITY", "QUICK", "ON", "DUPLICATE", "KEY", "UPDATE", "DELETE", "INSERT", "TRUE", "FALSE", "AS",
            "PARTITION", "RETURNING", "JOIN", "USING", "IN", "IS", "LIKE", "BETWEEN", "DIV", "MOD", "XOR",
            "BINARY", "INTERVAL", "CASE", "EXISTS");

    private final String s;
    private int pos;

    private WriteStatementParser(String s) {
        this.s = s;
    }

    /** An {@link Update}, {@link Delete} or {@link Insert}, or null when the text is none of these shapes. */
    static Object parse(String sql) {
        if (sql.length() < 12) {
            return null;
        }
        WriteStatementParser p = new WriteStatementParser(sql);
        char first = Character.toUpperCase(sql.charAt(0));
        Object parsed = first == 'U' ? p.update() : first == 'D' ? p.delete() : first == 'I' ? p.insert() : null;
        return parsed != null && p.end() ? parsed : null;
    }

    private Update update() {
        if (!keyword("UPDATE")) {
            return null;
        }
        Table t = table();
        if (t == null || !keyword("SET")) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        do {
            String c = identifier();
            if (c == null || !symbol('=')) {
                return null;
            }
            Value v = value();
            if (v == null) {
                return null;
            }
            columns.add(c);
            values.add(v);
        } while (symbol(','));
        if (!keyword("WHERE")) {
            return null;
        }
        String keyColumn = identifier();
        if (keyColumn == null || !symbol('=') || !(literal() instanceof Long key)) {
            return null;
        }
        return new Update(t, columns, values, keyColumn, key);
    }

    private Delete delete() {
        if (!keyword("DELETE") || !keyword("FROM")) {
            return null;
        }
        Table t = table();
        if (t == null || !keyword("WHERE")) {
            return null;
        }
        String keyColumn = identifier();
        if (keyColumn == null || !symbol('=') || !(literal() instanceof Long key)) {
            return null;
        }
        return new Delete(t, keyColumn, key);
    }

    private Insert insert() {
        if (!keyword("INSERT") || !keyword("INTO")) {
            return null;
        }
        Table t = table();
        if (t == null) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        if (symbol('(')) {
            do {
                String c = identifier();
                if (c == null) {
                    return null;
                }
                columns.add(c);
            } while (symbol(','));
            if (!symbol(')')) {
                return null;
            }
        }
        if (!keyword("VALUES")) {
            return null;
        }
        List<Object[]> rows = new ArrayList<>();
        do {
            if (!symbol('(')) {
                return null;
            }
            List<Object> row = new ArrayList<>();
            do {
                Object v = literal();
                if (v == null) {
                    return null;
                }
                row.add(v);
            } while (symbol(','));
            if (!symbol(')')) {
                return null;
            }
            rows.add(row.toArray());
        } while (symbol(','));
        return new Insert(t, columns, rows);
    }

    private Table table() {
        String first = identifier();
        if (first == null) {
            return null;
        }
        if (symbol('.')) {
            String second = identifier();
            return second == null ? null : new Table(first, second);
        }
        return new Table(null, first);
    }

    private Value value() {
        skipSpace();
        int start = pos;
        Object literal = literal();
        if (literal != null) {
            return Value.literal(literal);
        }
        pos = start;
        String column = identifier();
        if (column == null) {
            return null;
        }
        skipSpace();
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            boolean minus = s.charAt(pos) == '-';
            pos++;
            skipSpace();
            if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
                return null; // "k - -1", "k + +1": leave to the full parser
            }
            if (!(literal() instanceof Long n) || n == Long.MIN_VALUE) {
                return null;
            }
            return new Value(null, column, minus ? -n : n);
        }
        return new Value(null, column, 0);
    }

    /** The statement ends here, with at most one semicolon. */
    private boolean end() {
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ';') {
            pos++;
            skipSpace();
        }
        return pos == s.length();
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean symbol(char c) {
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == c) {
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

    /** A Long, a String, or null when the text here is no literal of those forms. */
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
            pos = start;
            return null;
        }
        return Long.parseLong(s.substring(start, pos));
    }
}
