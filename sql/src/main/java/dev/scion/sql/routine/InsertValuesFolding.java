package dev.scion.sql.routine;

import dev.scion.sql.frontend.SqlScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Folds the value expressions of an {@code INSERT / REPLACE ... VALUES} inside a routine body into literals before
 * the statement runs: {@code INSERT INTO t VALUES (i, i * 2)} in a loop becomes {@code INSERT INTO t VALUES (5, 10)},
 * which the one-row write path takes without Calcite, where the expression form was validated and planned on every
 * pass. Only expressions the routine's direct evaluator decides completely (integer arithmetic, comparisons, locals,
 * literals) are folded, and it computes them as the planned form would; any other value, and any statement with
 * more than rows after VALUES (ON DUPLICATE KEY UPDATE, a row alias), is left to the normal path. The statement's
 * split into rows and values is kept per statement text.
 */
final class InsertValuesFolding {
    /** The statement up to its rows, and each row's value expressions. */
    private record Template(String head, List<List<String>> rows) {
    }

    private static final Template NONE = new Template(null, List.of());
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();
    private static final int LIMIT = 1024;

    private InsertValuesFolding() {
    }

    /**
     * {@code sql} with each value {@code evaluate} decides replaced by its literal; {@code sql} itself when it is not
     * an INSERT ... VALUES or nothing folds. {@code evaluate} answers empty for a value it does not decide.
     */
    static String fold(String sql, Function<String, Optional<String>> evaluate) {
        Template t = TEMPLATES.get(sql);
        if (t == null) {
            if (TEMPLATES.size() >= LIMIT) {
                TEMPLATES.clear();
            }
            t = template(sql);
            TEMPLATES.put(sql, t);
        }
        if (t == NONE) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length()).append(t.head());
        boolean folded = false;
        for (int r = 0; r < t.rows().size(); r++) {
            out.append(r == 0 ? "(" : ", (");
            List<String> row = t.rows().get(r);
            for (int i = 0; i < row.size(); i++) {
                String value = row.get(i);
                Optional<String> literal = isLiteral(value) ? Optional.empty() : evaluate.apply(value);
                folded |= literal.isPresent();
                out.append(i == 0 ? "" : ", ").append(literal.orElse(value));
            }
            out.append(')');
        }
        return folded ? out.toString() : sql;
    }

    private static boolean isLiteral(String value) {
        String v = value.strip();
        return v.matches("-?\\d+(\\.\\d+)?") || v.length() >= 2 && v.charAt(0) == '\'' && v.indexOf('\'', 1) == v.length() - 1
                || v.equalsIgnoreCase("NULL") || v.equalsIgnoreCase("DEFAULT");
    }

    private static Template template(String sql) {
        String upper = sql.stripLeading().toUpperCase(Locale.ROOT);
        if (!upper.startsWith("INSERT") && !upper.startsWith("REPLACE")) {
            return NONE;
        }
        int values = valuesKeyword(sql);
        if (values < 0) {
            return NONE;
        }
        List<List<String>> rows = new ArrayList<>();
        int i = values;
        while (true) {
            while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                i++;
            }
            if (i >= sql.length() || sql.charAt(i) != '(') {
                return NONE;
            }
            int close = SqlScanner.closingParen(sql, i);
            if (close < 0) {
                return NONE;
            }
            List<String> row = new ArrayList<>();
            for (String v : BodyParser.topLevelCommaSplit(sql.substring(i + 1, close))) {
                row.add(v.strip());
            }
            rows.add(row);
            i = close + 1;
            while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                i++;
            }
            if (i < sql.length() && sql.charAt(i) == ',') {
                i++;
                continue;
            }
            String rest = sql.substring(i).strip();
            return rest.isEmpty() || rest.equals(";") ? new Template(sql.substring(0, values), List.copyOf(rows)) : NONE;
        }
    }

    /** The index just after the top-level VALUES (or VALUE) keyword, or -1. */
    private static int valuesKeyword(String sql) {
        int depth = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlScanner.skipQuoted(sql, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1))
                    && sql.charAt(i - 1) != '_')) {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                String word = sql.substring(i, end);
                if (word.equalsIgnoreCase("VALUES") || word.equalsIgnoreCase("VALUE")) {
                    return end;
                }
                if (word.equalsIgnoreCase("SELECT") || word.equalsIgnoreCase("SET")) {
                    return -1; // INSERT ... SELECT or INSERT ... SET: not a VALUES list
                }
                i = end;
                continue;
            }
            i++;
        }
        return -1;
    }
}
