package dev.scion.it.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random SQL over two small tables {@code t1} and {@code t2} ({@code a INT PRIMARY KEY, b INT, c VARCHAR(12)}),
 * kept to what Scion claims to support and to what has one right answer in MySQL semantics: integer arithmetic
 * that cannot overflow, three-valued logic with NULLs, lowercase strings (no collation or pad-space questions),
 * aggregates without AVG (whose decimal scale is the server's choice), joins, GROUP BY, ORDER BY a unique key.
 * Also mutations of valid statements (tokens dropped, repeated, swapped or cut short) as invalid input.
 */
final class SqlGenerator {
    static final List<String> STRINGS = List.of("'x'", "'y'", "'abc'", "'b'", "'ab'", "''");
    private static final List<String> JUNK = List.of("(", ")", ",", "SELECT", "FROM", "WHERE", "AND", "NULL", "'",
            "\"", "`", ";", "+", "*", "=", "LIMIT", "GROUP", "BY", "ORDER", "JOIN", "ON", "1e", "0x", "@", "#", "--",
            "/*", "\\", "9999999999999999999999", "CAST(", "AS", "\0");

    private final Random random;

    SqlGenerator(Random random) {
        this.random = random;
    }

    /** A statement that creates and fills t1 and t2 the same way on every server. */
    List<String> schema() {
        List<String> out = new ArrayList<>();
        for (String t : List.of("t1", "t2")) {
            out.add("CREATE TABLE " + t + " (a INT PRIMARY KEY, b INT, c VARCHAR(12)"
                    + (t.equals("t2") ? ", KEY b_idx (b)" : "") + ")");
            StringBuilder sb = new StringBuilder("INSERT INTO " + t + " VALUES ");
            for (int a = 1; a <= 12; a++) {
                sb.append(a == 1 ? "" : ", ").append('(').append(a).append(", ").append(nullable(smallInt()))
                        .append(", ").append(nullable(pick(STRINGS))).append(')');
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** One valid query; {@code ordered} tells whether its rows come in a defined order. */
    record Query(String sql, boolean ordered) {
    }

    Query query() {
        String t = table();
        return switch (random.nextInt(8)) {
            case 0 -> new Query("SELECT a, b, c FROM " + t + " WHERE " + predicate(t, 3), false);
            case 1 -> new Query("SELECT a, " + expr(t, 3) + ", " + expr(t, 2) + " FROM " + t + " WHERE "
                    + predicate(t, 2), false);
            case 2 -> new Query("SELECT count(*), count(b), sum(" + expr(t, 2) + "), min(" + expr(t, 2) + "), max("
                    + expr(t, 2) + ") FROM " + t + " WHERE " + predicate(t, 2), false);
            case 3 -> new Query("SELECT b, count(*), sum(a) FROM " + t + " WHERE " + predicate(t, 2)
                    + " GROUP BY b", false);
            case 4 -> new Query("SELECT t1.a, t2.a, t1.b + t2.b FROM t1 JOIN t2 ON t1.b = t2.b WHERE "
                    + predicate("t1", 2), false);
            case 5 -> new Query("SELECT t1.a, t2.c FROM t1 LEFT JOIN t2 ON t1.a = t2." + pick(List.of("a", "b"))
                    + " WHERE " + predicate("t1", 2), false);
            case 6 -> new Query("SELECT a, c FROM " + t + " WHERE " + predicate(t, 2) + " ORDER BY a"
                    + (random.nextBoolean() ? " DESC" : "") + " LIMIT " + random.nextInt(8), true);
            default -> new Query("SELECT DISTINCT " + expr(t, 2) + " FROM " + t + " WHERE " + predicate(t, 2), false);
        };
    }

    /** One valid data change (may fail the same way on both servers, e.g. a duplicate key). */
    String change() {
        String t = table();
        return switch (random.nextInt(4)) {
            case 0 -> "UPDATE " + t + " SET b = " + expr(t, 2) + " WHERE " + predicate(t, 2);
            case 1 -> "UPDATE " + t + " SET c = " + pick(STRINGS) + " WHERE " + predicate(t, 2);
            case 2 -> "INSERT INTO " + t + " VALUES (" + (1 + random.nextInt(30)) + ", " + nullable(smallInt()) + ", "
                    + nullable(pick(STRINGS)) + ")";
            default -> "DELETE FROM " + t + " WHERE a > 12 AND " + predicate(t, 1);
        };
    }

    /** A valid statement damaged at random: usually invalid, sometimes still valid. */
    String mutate(String sql) {
        List<String> tokens = new ArrayList<>(List.of(sql.split(" ")));
        int at = random.nextInt(tokens.size());
        switch (random.nextInt(5)) {
            case 0 -> tokens.remove(at);
            case 1 -> tokens.add(at, tokens.get(at));
            case 2 -> tokens.add(at, pick(JUNK));
            case 3 -> {
                int other = random.nextInt(tokens.size());
                String x = tokens.get(at);
                tokens.set(at, tokens.get(other));
                tokens.set(other, x);
            }
            default -> {
                String joined = String.join(" ", tokens);
                return joined.substring(0, random.nextInt(Math.max(1, joined.length())));
            }
        }
        return String.join(" ", tokens);
    }

    private String table() {
        return random.nextBoolean() ? "t1" : "t2";
    }

    /** An integer expression whose magnitude stays far below overflow (depth at most {@code depth}). */
    String expr(String t, int depth) {
        if (depth <= 0 || random.nextInt(3) == 0) {
            return switch (random.nextInt(4)) {
                case 0 -> t + ".a";
                case 1, 2 -> t + ".b";
                default -> random.nextInt(10) == 0 ? "NULL" : Integer.toString(smallInt());
            };
        }
        return switch (random.nextInt(7)) {
            case 0 -> "(" + expr(t, depth - 1) + " + " + expr(t, depth - 1) + ")";
            case 1 -> "(" + expr(t, depth - 1) + " - " + expr(t, depth - 1) + ")";
            case 2 -> "(" + expr(t, depth - 1) + " * " + expr(t, depth - 1) + ")";
            case 3 -> "abs(" + expr(t, depth - 1) + ")";
            case 4 -> "coalesce(" + expr(t, depth - 1) + ", " + expr(t, depth - 1) + ")";
            case 5 -> "CASE WHEN " + predicate(t, depth - 1) + " THEN " + expr(t, depth - 1) + " ELSE "
                    + expr(t, depth - 1) + " END";
            default -> "(- " + expr(t, depth - 1) + ")";
        };
    }

    String predicate(String t, int depth) {
        if (depth <= 0 || random.nextInt(3) == 0) {
            return switch (random.nextInt(8)) {
                case 0 -> expr(t, 1) + " " + pick(List.of("=", "<>", "<", "<=", ">", ">=")) + " " + expr(t, 1);
                case 1 -> expr(t, 1) + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
                case 2 -> expr(t, 1) + (random.nextBoolean() ? " NOT" : "") + " BETWEEN " + smallInt() + " AND "
                        + smallInt();
                case 3 -> expr(t, 1) + (random.nextBoolean() ? " NOT" : "") + " IN (" + smallInt() + ", "
                        + smallInt() + (random.nextBoolean() ? ", NULL" : "") + ")";
                case 4 -> t + ".c = " + pick(STRINGS);
                case 5 -> t + ".c " + (random.nextBoolean() ? "NOT " : "") + "LIKE '" + pick(List.of("a%", "%b",
                        "_", "%", "x", "a_c")) + "'";
                case 6 -> t + ".c IS " + (random.nextBoolean() ? "NOT " : "") + "NULL";
                default -> t + ".b " + pick(List.of("=", "<", ">")) + " " + smallInt();
            };
        }
        return switch (random.nextInt(3)) {
            case 0 -> "(" + predicate(t, depth - 1) + " AND " + predicate(t, depth - 1) + ")";
            case 1 -> "(" + predicate(t, depth - 1) + " OR " + predicate(t, depth - 1) + ")";
            default -> "NOT (" + predicate(t, depth - 1) + ")";
        };
    }

    private int smallInt() {
        return random.nextInt(16) - 5;
    }

    private String nullable(Object v) {
        return random.nextInt(5) == 0 ? "NULL" : v.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
