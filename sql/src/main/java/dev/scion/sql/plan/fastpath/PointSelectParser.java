package dev.scion.sql.plan.fastpath;

import dev.scion.sql.parser.FastPathScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises the one statement shape the point-select fast path serves, without Calcite:
 * {@code SELECT * | col [, col ...] FROM [db.]table WHERE col = literal [;]}, where the literal is an integer or a
 * simple single-quoted string. Identifiers may be back-quoted. Anything else (functions, aliases, more conditions,
 * comments, escapes) is not recognised, and the statement takes the planned path. The lexing is
 * {@link FastPathScanner}'s, shared with the write fast path.
 */
final class PointSelectParser {
    /** A recognised statement. {@code columns} is empty for {@code *}; {@code key} is a Long or a String. */
    record PointSelect(List<String> columns, String database, String table, String keyColumn, Object key) {
    }

    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "DISTINCT",
            "ALL", "AS", "AND", "OR", "NOT", "NULL", "LIMIT", "ORDER", "GROUP", "HAVING", "UNION", "FOR", "INTO",
            "JOIN", "LOCK", "TRUE", "FALSE", "CASE", "INTERVAL", "BINARY", "DIV", "MOD", "XOR", "LIKE", "IN",
            "IS", "BETWEEN", "EXISTS", "SQL_CALC_FOUND_ROWS", "HIGH_PRIORITY", "STRAIGHT_JOIN");

    private PointSelectParser() {
    }

    /** The statement, or null when it is not of the fast-path shape. */
    static PointSelect parse(String sql) {
        if (sql.length() < 6 || !sql.regionMatches(true, 0, "SELECT", 0, 6)) {
            return null;
        }
        return statement(new FastPathScanner(sql, 6));
    }

    private static PointSelect statement(FastPathScanner in) {
        if (!in.space()) {
            return null;
        }
        List<String> cols = new ArrayList<>();
        if (!in.symbol('*')) {
            do {
                String c = in.identifier(RESERVED);
                if (c == null) {
                    return null;
                }
                cols.add(c);
            } while (in.symbol(','));
        }
        if (!in.keyword("FROM")) {
            return null;
        }
        String db = null;
        String table = in.identifier(RESERVED);
        if (table == null) {
            return null;
        }
        if (in.symbol('.')) {
            db = table;
            table = in.identifier(RESERVED);
            if (table == null) {
                return null;
            }
        }
        if (!in.keyword("WHERE")) {
            return null;
        }
        String keyCol = in.identifier(RESERVED);
        if (keyCol == null || !in.symbol('=')) {
            return null;
        }
        Object key = in.literal();
        if (key == null) {
            return null;
        }
        return in.end() ? new PointSelect(cols, db, table, keyCol, key) : null;
    }
}
