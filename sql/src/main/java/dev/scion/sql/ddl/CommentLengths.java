package dev.scion.sql.ddl;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;

/**
 * MySQL's limits on DDL comments, in characters: a table's 2,048 (1628), a column's 1,024 (1629). A longer one is
 * an error in strict mode, else cut to the limit with that error as a warning.
 */
final class CommentLengths {
    static final int TABLE_MAX = 2048;
    static final int COLUMN_MAX = 1024;

    private CommentLengths() {
    }

    /** A table's {@code comment} (null: none) as the table keeps it. */
    static String table(Session session, String table, String comment) {
        return checked(session, comment, TABLE_MAX, ErrorCode.TOO_LONG_TABLE_COMMENT, "table '" + table + "'");
    }

    /** {@code column}, its comment cut to the limit when the session allows that. */
    static Column column(Session session, Column column) {
        String comment = checked(session, column.comment(), COLUMN_MAX, ErrorCode.TOO_LONG_FIELD_COMMENT,
                "field '" + column.name() + "'");
        return comment == column.comment() ? column : column.withComment(comment);
    }

    private static String checked(Session session, String comment, int max, ErrorCode code, String what) {
        if (comment == null || comment.codePointCount(0, comment.length()) <= max) {
            return comment;
        }
        String message = "Comment for " + what + " is too long (max = " + max + ")";
        if (dev.scion.sql.dml.ColumnValues.strict(session)) {
            throw new SqlError(code, message);
        }
        session.addWarning(code.code(), message);
        return comment.substring(0, comment.offsetByCodePoints(0, max));
    }
}
