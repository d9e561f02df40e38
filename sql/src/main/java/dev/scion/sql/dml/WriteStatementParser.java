package dev.scion.sql.dml;

import dev.scion.sql.parser.FastPathScanner;
import java.util.ArrayList;
import java.util.List;
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

    private final FastPathScanner in;

    private WriteStatementParser(String s) {
        this.in = new FastPathScanner(s, 0);
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
        Object literal = literal();
        if (literal != null) {
            return Value.literal(literal);
        }
        String column = identifier();
        if (column == null) {
            return null;
        }
        char op = in.peek();
        if (op == '+' || op == '-') {
            in.symbol(op);
            char next = in.peek();
            if (next == '-' || next == '+') {
                return null; // "k - -1", "k + +1": leave to the full parser
            }
            if (!(literal() instanceof Long n) || n == Long.MIN_VALUE) {
                return null;
            }
            return new Value(null, column, op == '-' ? -n : n);
        }
        return new Value(null, column, 0);
    }

    // The lexing is FastPathScanner's, shared with the point-select fast path.

    /** The statement ends here, with at most one semicolon. */
    private boolean end() {
        return in.end();
    }

    private boolean symbol(char c) {
        return in.symbol(c);
    }

    private boolean keyword(String k) {
        return in.keyword(k);
    }

    private String identifier() {
        return in.identifier(RESERVED);
    }

    /** A Long, a String, or null when the text here is no literal of those forms. */
    private Object literal() {
        return in.literal();
    }
}
