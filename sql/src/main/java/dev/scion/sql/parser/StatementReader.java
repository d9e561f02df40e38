package dev.scion.sql.parser;

import dev.scion.sql.error.SqlError;
import dev.scion.sql.plan.SourceText;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Reads statement and expression text with {@link MySqlParser} and turns every parse failure into MySQL's error
 * 1064 quoting the text from the failing position, as MySQL does ("near '...' at line N").
 */
public final class StatementReader {
    private static final int NEAR_LENGTH = 80;

    private StatementReader() {
    }

    public static SqlNode statement(String text) {
        // MySQL's HAVING without FROM, which Calcite's grammar lacks (a no-op for any other text)
        String sql = dev.scion.sql.frontend.HavingWithoutFrom.rewrite(text);
        try {
            SqlNode node = MySqlParser.parseStatement(sql);
            if (!sql.equals(text)) {
                dev.scion.sql.frontend.HavingWithoutFrom.dropDual(node); // so the tree unparses as written
            }
            return node;
        } catch (SqlParseException e) {
            throw syntaxError(sql, e.getPos());
        } catch (RuntimeException e) {
            // The generated parser reports some malformed literals (e.g. an out-of-range number) this way.
            throw syntaxError(sql, null);
        }
    }

    public static SqlNode expression(String expr) {
        try {
            return MySqlParser.parseExpression(expr);
        } catch (SqlParseException e) {
            throw syntaxError(expr, e.getPos());
        } catch (RuntimeException e) {
            throw syntaxError(expr, null);
        }
    }

    /** Error 1064 for {@code sql}, quoting it from {@code pos} on (or from its start when unknown). */
    public static SqlError syntaxError(String sql, SqlParserPos pos) {
        int line = pos == null ? 1 : Math.max(1, pos.getLineNum());
        int offset = pos == null ? 0 : SourceText.offset(sql, pos.getLineNum(), pos.getColumnNum());
        String near = sql.substring(Math.max(0, Math.min(offset, sql.length())));
        if (near.length() > NEAR_LENGTH) {
            near = near.substring(0, NEAR_LENGTH);
        }
        return SqlError.parse(near, line);
    }
}
