package dev.scion.sql.catalog;

import dev.scion.sql.parser.MySqlParser;
import org.apache.calcite.sql.SqlNode;

/**
 * How an expression default ({@code DEFAULT (expr)}) is told apart from a literal one in a stored column: its text
 * is kept inside the parentheses it was written in, so {@code DEFAULT ('1.5')} stays an expression (SHOW CREATE
 * TABLE prints it in parentheses, DESCRIBE marks it DEFAULT_GENERATED) while {@code DEFAULT '1.5'} is a literal.
 * Columns stored before this distinction hold expressions without the parentheses; they read as before.
 */
public final class DefaultExpressions {
    private DefaultExpressions() {
    }

    /** The stored text of the expression default {@code expr}. */
    public static String stored(SqlNode expr) {
        return "(" + MySqlParser.unparse(expr) + ")";
    }

    /** Whether a stored default is one parenthesised expression: its first '(' closes at the very end. */
    public static boolean isParenthesized(String defaultSql) {
        if (defaultSql == null || !defaultSql.startsWith("(") || !defaultSql.endsWith(")")) {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < defaultSql.length(); i++) {
            char ch = defaultSql.charAt(i);
            if (quote != 0) {
                if (ch == '\\' && quote != '`') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i == defaultSql.length() - 1;
            }
        }
        return false;
    }

    /** The expression inside a parenthesised default; other text unchanged. */
    public static String inner(String defaultSql) {
        return isParenthesized(defaultSql) ? defaultSql.substring(1, defaultSql.length() - 1) : defaultSql;
    }
}
