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

    /** {@code key} is a Long ({@link Placeholder} in a template), as in {@link Delete}. */
    record Update(Table table, List<String> columns, List<Value> values, String keyColumn, Object key) {
    }

    record Delete(Table table, String keyColumn, Object key) {
    }

    /** A prepared statement's {@code index}th parameter marker, where a template has a literal. */
    record Placeholder(int index) {
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
    /** Parameter markers read so far; -1 when markers are not literals (statement text, not a template). */
    private int placeholders;

    private WriteStatementParser(String s, boolean template) {
        this.in = new FastPathScanner(s, 0);
        this.placeholders = template ? 0 : -1;
    }

    /** An {@link Update}, {@link Delete} or {@link Insert}, or null when the text is none of these shapes. */
    static Object parse(String sql) {
        return parse(sql, false);
    }

    /**
     * Like {@link #parse}, for a prepared statement's text whose {@code parameterCount} markers stand where
     * literals may: the statement with {@link Placeholder}s in their places, or null. {@link #bind} fills them.
     */
    static Object parseTemplate(String sql, int parameterCount) {
        WriteStatementParser p = new WriteStatementParser(sql, true);
        Object parsed = parse(sql, p);
        return parsed != null && p.placeholders == parameterCount ? parsed : null;
    }

    private static Object parse(String sql, boolean template) {
        return parse(sql, new WriteStatementParser(sql, template));
    }

    private static final java.util.concurrent.atomic.LongAdder TEXTS_PARSED = new java.util.concurrent.atomic.LongAdder();

    /**
     * Statement texts starting with U, D or I that were parsed, in this process (an operation count: a bound
     * prepared write parses none).
     */
    static long textsParsed() {
        return TEXTS_PARSED.sum();
    }

    private static Object parse(String sql, WriteStatementParser p) {
        if (sql.length() < 12) {
            return null;
        }
        char first = Character.toUpperCase(sql.charAt(0));
        if (p.placeholders < 0 && (first == 'U' || first == 'D' || first == 'I')) {
            TEXTS_PARSED.increment();
        }
        Object parsed = first == 'U' ? p.update() : first == 'D' ? p.delete() : first == 'I' ? p.insert() : null;
        return parsed != null && p.end() ? parsed : null;
    }

    /**
     * The template of {@link #parseTemplate} with {@code params} in place of its markers: what {@link #parse}
     * makes of the text {@code ParameterBinder} binds them into, or null when that text might parse otherwise
     * (a value that is no integer of at most 18 digits nor a string without quote, backslash or NUL: its literal
     * is not of the fast path's forms, and the statement takes the text path).
     */
    static Object bind(Object template, Object[] params) {
        if (template instanceof Update u) {
            List<Value> values = new ArrayList<>(u.values().size());
            for (Value v : u.values()) {
                Object literal = v.literal() instanceof Placeholder p ? bound(params[p.index()]) : v.literal();
                if (literal == null && v.column() == null) {
                    return null;
                }
                values.add(literal == v.literal() ? v : Value.literal(literal));
            }
            Object key = boundKey(u.key(), params);
            return key == null ? null : new Update(u.table(), u.columns(), values, u.keyColumn(), key);
        }
        if (template instanceof Delete d) {
            Object key = boundKey(d.key(), params);
            return key == null ? null : new Delete(d.table(), d.keyColumn(), key);
        }
        Insert ins = (Insert) template;
        List<Object[]> rows = new ArrayList<>(ins.rows().size());
        for (Object[] row : ins.rows()) {
            Object[] out = row.clone();
            for (int i = 0; i < out.length; i++) {
                if (out[i] instanceof Placeholder p) {
                    out[i] = bound(params[p.index()]);
                    if (out[i] == null) {
                        return null;
                    }
                }
            }
            rows.add(out);
        }
        return new Insert(ins.table(), ins.columns(), rows);
    }

    private static Object boundKey(Object key, Object[] params) {
        Object k = key instanceof Placeholder p ? bound(params[p.index()]) : key;
        return k instanceof Long ? k : null;
    }

    /** The fast path's literal for a bound parameter (see {@link #bind}), or null. */
    private static Object bound(Object param) {
        if (param instanceof Long n) {
            return n > -MAX_LITERAL && n < MAX_LITERAL ? n : null;
        }
        if (param instanceof Integer || param instanceof Short || param instanceof Byte) {
            return ((Number) param).longValue();
        }
        if (param instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\'' || c == '\\' || c == 0) {
                    return null; // bound with an escape or a doubled quote, which the fast path never reads
                }
            }
            return s;
        }
        return null;
    }

    /** 10^18: the fast path reads integers of at most 18 digits. */
    private static final long MAX_LITERAL = 1_000_000_000_000_000_000L;

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
        Object key = keyColumn == null || !symbol('=') ? null : literal();
        if (!(key instanceof Long || key instanceof Placeholder)) {
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
        Object key = keyColumn == null || !symbol('=') ? null : literal();
        if (!(key instanceof Long || key instanceof Placeholder)) {
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

    /** A Long, a String, a {@link Placeholder} in a template, or null when the text here is none of those. */
    private Object literal() {
        if (placeholders >= 0 && in.placeholder()) {
            return new Placeholder(placeholders++);
        }
        return in.literal();
    }
}
