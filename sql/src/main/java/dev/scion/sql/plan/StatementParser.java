package dev.scion.sql.plan;

import dev.scion.sql.error.SqlError;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/** Parses one planned statement and turns parse failures into MySQL's error 1064 with the position. */
public final class StatementParser {
    private static final SqlParser.Config CONFIG = SqlParser.config()
            .withQuoting(Quoting.BACK_TICK)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false)
            .withConformance(SqlConformanceEnum.MYSQL_5);

    private StatementParser() {
    }

    public static SqlParser.Config config() {
        return CONFIG;
    }

    public static SqlNode parse(String sql) {
        try {
            return SqlParser.create(sql, CONFIG).parseStmt();
        } catch (SqlParseException e) {
            throw syntaxError(sql, e.getPos());
        }
    }

    /** Parses a standalone expression such as a column default. */
    public static SqlNode parseExpression(String expr) {
        try {
            return SqlParser.create(expr, CONFIG).parseExpression();
        } catch (SqlParseException e) {
            throw syntaxError(expr, e.getPos());
        }
    }

    public static SqlError syntaxError(String sql, SqlParserPos pos) {
        if (pos == null) {
            return SqlError.parse(sql.length() > 80 ? sql.substring(0, 80) : sql, 1);
        }
        int offset = SourceText.offset(sql, pos.getLineNum(), pos.getColumnNum());
        String near = sql.substring(Math.max(0, Math.min(offset, sql.length())));
        if (near.length() > 80) {
            near = near.substring(0, 80);
        }
        return SqlError.parse(near, Math.max(1, pos.getLineNum()));
    }
}
