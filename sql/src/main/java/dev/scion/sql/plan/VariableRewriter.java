package dev.scion.sql.plan;

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
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int e = dev.scion.sql.frontend.SqlScanner.skipQuoted(sql, i);
                out.append(sql, i, e);
                i = e;
                continue;
            }
            if (c == '@') {
                int j = i + 1;
                if (j < n && sql.charAt(j) == '@') {
                    j++;
                }
                int nameStart = j;
                if (j == i + 1 && j < n && (sql.charAt(j) == '`' || sql.charAt(j) == '\'' || sql.charAt(j) == '"')) {
                    // a quoted user variable name (@`x`, as Connector/J writes its OUT parameters): the same variable
                    int e = dev.scion.sql.frontend.SqlScanner.skipQuoted(sql, j);
                    String name = dev.scion.sql.admin.Identifiers.unquote("`" + sql.substring(j + 1, e - 1) + "`");
                    if (name.matches("[A-Za-z0-9_.$]+")) {
                        out.append("`@").append(name).append('`');
                        i = e;
                        continue;
                    }
                }
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                        || sql.charAt(j) == '.' || sql.charAt(j) == '$')) {
                    j++;
                }
                if (j > nameStart) {
                    out.append('`').append(sql, i, j).append('`');
                    i = j;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Undoes the rewrite in a column label taken from the rewritten text. */
    public static String unrewrite(String label) {
        return label.replaceAll("`(@@?[A-Za-z0-9_.$]+)`", "$1").replaceAll("(?i)DOLT_DETACHED_(COMMIT|MERGE|SQUASH)\\(",
                "$1(");
    }
}
