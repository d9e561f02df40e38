package dev.scion.sql.ddl;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

/** MySQL's limit on a table COMMENT: 2,048 characters; longer is 1628 in strict mode, else cut with that warning. */
final class TableComments {
    static final int MAX = 2048;

    private TableComments() {
    }

    /** {@code comment} (null: none) as the table keeps it. */
    static String checked(Session session, String table, String comment) {
        if (comment == null || comment.codePointCount(0, comment.length()) <= MAX) {
            return comment;
        }
        String message = "Comment for table '" + table + "' is too long (max = " + MAX + ")";
        if (dev.scion.sql.dml.ColumnValues.strict(session)) {
            throw new SqlError(ErrorCode.TOO_LONG_TABLE_COMMENT, message);
        }
        session.addWarning(ErrorCode.TOO_LONG_TABLE_COMMENT.code(), message);
        return comment.substring(0, comment.offsetByCodePoints(0, MAX));
    }
}
