package dev.scion.sql.plan;

import org.apache.calcite.sql.parser.SqlParserPos;

/** Maps parser positions (1-based line and column) back to the statement text. */
public final class SourceText {
    private SourceText() {
    }

    public static int offset(String sql, int line, int column) {
        int off = 0;
        for (int l = 1; l < line && off < sql.length(); l++) {
            int nl = sql.indexOf('\n', off);
            if (nl < 0) {
                return sql.length();
            }
            off = nl + 1;
        }
        return Math.min(sql.length(), off + Math.max(0, column - 1));
    }

    /** The exact text a node was parsed from. */
    public static String slice(String sql, SqlParserPos pos) {
        int start = offset(sql, pos.getLineNum(), pos.getColumnNum());
        int end = offset(sql, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
        if (start < 0 || end > sql.length() || start >= end) {
            return null;
        }
        return sql.substring(start, end);
    }
}
