package dev.scion.sql.frontend;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * MySQL accepts HAVING in a SELECT without FROM ({@code SELECT 1 HAVING false}, {@code (SELECT x HAVING x > 3)} as
 * a sub-query); Calcite's grammar only has HAVING after a FROM. Such a SELECT gets {@code FROM DUAL}, MySQL's
 * spelling of no table, which the planner drops again (MySqlLiteralRewriter), so the meaning is unchanged.
 */
public final class HavingWithoutFrom {
    private HavingWithoutFrom() {
    }

    /** The SELECT at one parenthesis depth: whether it has had its FROM. */
    private static final class Level {
        boolean select;
        boolean from;
    }

    public static String rewrite(String sql) {
        if (!containsWord(sql, "HAVING")) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 16);
        Deque<Level> levels = new ArrayDeque<>();
        levels.push(new Level());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int verbatim = SqlScanner.skipVerbatim(sql, i);
            if (verbatim >= 0) {
                out.append(sql, i, verbatim);
                i = verbatim;
                continue;
            }
            if (c == '(') {
                levels.push(new Level());
            } else if (c == ')' && levels.size() > 1) {
                levels.pop();
            }
            if (SqlScanner.isIdentifierChar(c)) {
                int end = i + 1;
                while (end < n && SqlScanner.isIdentifierChar(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end);
                Level level = levels.peek();
                if (word.equalsIgnoreCase("SELECT")) {
                    level.select = true;
                    level.from = false;
                } else if (word.equalsIgnoreCase("FROM")) {
                    level.from = true;
                } else if (word.equalsIgnoreCase("HAVING") && level.select && !level.from) {
                    out.append("FROM DUAL ");
                    level.from = true;
                }
                out.append(word);
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * Takes the added FROM DUAL out of the parsed tree again (every SELECT whose FROM is an unquoted DUAL, which
     * means no table anyway), so a view stores, and SHOW CREATE VIEW prints, the query as written.
     */
    public static void dropDual(org.apache.calcite.sql.SqlNode node) {
        node.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(org.apache.calcite.sql.SqlCall call) {
                if (call instanceof org.apache.calcite.sql.SqlSelect select
                        && select.getFrom() instanceof org.apache.calcite.sql.SqlIdentifier from && from.isSimple()
                        && from.getSimple().equalsIgnoreCase("DUAL") && !from.isComponentQuoted(0)) {
                    select.setFrom(null);
                }
                return super.visit(call);
            }
        });
    }

    private static boolean containsWord(String sql, String word) {
        int at = 0;
        String upper = sql.toUpperCase(java.util.Locale.ROOT);
        while ((at = upper.indexOf(word, at)) >= 0) {
            boolean startOk = at == 0 || !SqlScanner.isIdentifierChar(sql.charAt(at - 1));
            int end = at + word.length();
            boolean endOk = end >= sql.length() || !SqlScanner.isIdentifierChar(sql.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = end;
        }
        return false;
    }
}
