package dev.scion.sql.plan;

import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.frontend.SqlScanner;

/**
 * Calcite's lexer has no {@code @}: system variables ({@code @@x}, {@code @@session.x}) and user variables
 * ({@code @x}) are turned into back-quoted identifiers before parsing, and {@link VariableInliner} replaces those
 * identifiers with the variables' values.
 */
public final class VariableRewriter {
    private VariableRewriter() {
    }

    public static String rewrite(String sql) {
        sql = dev.scion.sql.dolt.DetachedHead.rewrite(sql);
        if (sql.indexOf('@') < 0) {
            return sql;
        }
        return SqlScanner.rewriteCode(sql, VariableRewriter::variable);
    }

    /** Back-quotes the variable reference starting at {@code i}, if one does; returns the index past it or -1. */
    private static int variable(String sql, int i, StringBuilder out) {
        if (sql.charAt(i) != '@') {
            return -1;
        }
        int n = sql.length();
        int j = i + 1;
        if (j < n && sql.charAt(j) == '@') {
            j++;
        }
        int nameStart = j;
        if (j == i + 1 && j < n && SqlScanner.isQuote(sql.charAt(j))) {
            // a quoted user variable name (@`x`, as Connector/J writes its OUT parameters): the same variable
            int e = SqlScanner.skipQuoted(sql, j);
            String name = Identifiers.unquote("`" + sql.substring(j + 1, e - 1) + "`");
            if (name.matches("[A-Za-z0-9_.$]+")) {
                out.append("`@").append(name).append('`');
                return e;
            }
        }
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                || sql.charAt(j) == '.' || sql.charAt(j) == '$')) {
            j++;
        }
        if (j == nameStart) {
            return -1;
        }
        out.append('`').append(sql, i, j).append('`');
        return j;
    }

    /** Undoes the rewrite in a column label taken from the rewritten text. */
    public static String unrewrite(String label) {
        return label.replaceAll("`(@@?[A-Za-z0-9_.$]+)`", "$1").replaceAll("(?i)DOLT_DETACHED_(COMMIT|MERGE|SQUASH)\\(",
                "$1(");
    }
}
