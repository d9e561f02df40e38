package dev.scion.sql.plan;

import org.apache.calcite.sql.parser.SqlParserPos;

/** Where a validator error points in the statement text, matched back to the parse node it came from. */
final class ParserPositions {
    private ParserPositions() {
    }

    /** Whether {@code pos} covers the (1-based) line and column; a node without a position covers nothing. */
    static boolean spans(SqlParserPos pos, int line, int column) {
        if (pos == null || pos.getLineNum() <= 0) {
            return false;
        }
        boolean afterStart = line > pos.getLineNum() || line == pos.getLineNum() && column >= pos.getColumnNum();
        boolean beforeEnd = line < pos.getEndLineNum()
                || line == pos.getEndLineNum() && column <= pos.getEndColumnNum();
        return afterStart && beforeEnd;
    }
}
