package dev.scion.it.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random SQL over two small tables {@code t1} and {@code t2} ({@code a INT PRIMARY KEY, b INT, c VARCHAR(12)}),
 * kept to what Scion claims to support and to what has one right answer in MySQL semantics: integer arithmetic
 * that cannot overflow, three-valued logic with NULLs, lowercase strings (no collation or pad-space questions),
 * aggregates without AVG (whose decimal scale is the server's choice), joins, GROUP BY with HAVING, ORDER BY a
 * unique key, IN / NOT IN / EXISTS / scalar subqueries, string functions that do not depend on the collation, and
 * date arithmetic across month and leap-day boundaries.
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
        return switch (random.nextInt(14)) {
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
            case 7 -> new Query("SELECT DISTINCT " + expr(t, 2) + " FROM " + t + " WHERE " + predicate(t, 2), false);
            // subqueries: IN / NOT IN over a column with NULLs (three-valued), correlated EXISTS, a scalar one
            case 8 -> new Query("SELECT a, b FROM t1 WHERE " + expr("t1", 1) + (random.nextBoolean() ? " NOT" : "")
                    + " IN (SELECT b FROM t2 WHERE " + predicate("t2", 1) + ")", false);
            case 9 -> new Query("SELECT a, c FROM t1 WHERE " + (random.nextBoolean() ? "NOT " : "")
                    + "EXISTS (SELECT 1 FROM t2 WHERE t2.b " + pick(List.of("=", "<", ">")) + " t1.b AND "
                    + predicate("t2", 1) + ")", false);
            case 10 -> new Query("SELECT a, (SELECT " + pick(List.of("max", "min", "count", "sum"))
                    + "(t2.b) FROM t2 WHERE t2.a " + pick(List.of("=", "<=", ">")) + " t1.a) FROM t1 WHERE "
                    + predicate("t1", 1), false);
            case 11 -> new Query("SELECT b, count(*), count(c), min(c) FROM " + t + " WHERE " + predicate(t, 1)
                    + " GROUP BY b HAVING count(*) " + pick(List.of(">", ">=", "<", "=")) + " " + random.nextInt(3)
                    + (random.nextBoolean() ? "" : " AND " + pick(List.of("sum(a) > 6", "min(a) < 5",
                    "max(b) IS NULL", "count(b) = 0"))), false);
            case 12 -> new Query("SELECT a, " + stringExpr(t, 2) + ", " + stringExpr(t, 1) + " FROM " + t + " WHERE "
                    + predicate(t, 1), false);
            default -> new Query("SELECT a, " + dateExpr(t) + ", " + dateNumber(t) + " FROM " + t + " WHERE "
                    + predicate(t, 1), false);
        };
    }

    /** A string expression over the c column: functions whose answer does not depend on the collation. */
    String stringExpr(String t, int depth) {
        if (depth <= 0 || random.nextInt(3) == 0) {
            return random.nextInt(4) == 0 ? pick(STRINGS) : t + ".c";
        }
        String x = stringExpr(t, depth - 1);
        return switch (random.nextInt(12)) {
            case 0 -> "concat(" + x + ", '-', " + expr(t, 1) + ")";
            case 1 -> "upper(" + x + ")";
            case 2 -> "lower(upper(" + x + "))";
            case 3 -> "substring(" + x + ", " + (1 + random.nextInt(3)) + ", " + random.nextInt(3) + ")";
            case 4 -> "replace(" + x + ", 'a', 'zz')";
            case 5 -> "concat_ws(',', " + x + ", " + stringExpr(t, depth - 1) + ")";
            case 6 -> "coalesce(" + x + ", 'none')";
            case 7 -> "left(" + x + ", " + random.nextInt(3) + ")";
            case 8 -> "reverse(" + x + ")";
            case 9 -> "CASE WHEN " + x + " IS NULL THEN 'n' ELSE concat('[', " + x + ", ']') END";
            case 10 -> "char_length(" + x + ")";
            default -> "nullif(" + x + ", " + pick(STRINGS) + ")";
        };
    }

    /** A date computed from the integer column (a NULL b gives NULL), across month and leap-day boundaries. */
    String dateExpr(String t) {
        String base = pick(List.of("'2024-02-28'", "'2023-12-31'", "'2024-03-01'"));
        return switch (random.nextInt(4)) {
            case 0 -> "date_add(" + base + ", INTERVAL " + t + ".b DAY)";
            case 1 -> "date_sub(" + base + ", INTERVAL " + t + ".b DAY)";
            case 2 -> "date_add(" + base + ", INTERVAL " + t + ".b MONTH)";
            default -> "date_format(date_add(" + base + ", INTERVAL " + t + ".a DAY), '%Y/%m/%d')";
        };
    }

    /** A number taken from a date. */
    String dateNumber(String t) {
        String d = "date_add('2024-02-27', INTERVAL " + t + ".b DAY)";
        return switch (random.nextInt(5)) {
            case 0 -> "year(" + d + ")";
            case 1 -> "month(" + d + ")";
            case 2 -> "dayofmonth(" + d + ")";
            case 3 -> "dayofweek(" + d + ")";
            default -> "datediff(" + d + ", '2024-01-01')";
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
                // at least one character: an empty statement is refused by the driver itself, before any server
                return joined.substring(0, 1 + random.nextInt(Math.max(1, joined.length() - 1)));
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
