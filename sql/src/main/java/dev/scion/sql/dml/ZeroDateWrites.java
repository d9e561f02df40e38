package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.sql.expr.ZeroDates;
import dev.scion.sql.session.Session;
import dev.scion.sql.session.SqlModes;
import dev.scion.storage.tuple.ZeroDate;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TypeKind;

import java.util.Locale;

/**
 * sql_mode's rule for writing MySQL's zero date into a DATE, DATETIME or TIMESTAMP column. Without NO_ZERO_DATE it
 * is stored silently. With it, a strict write (STRICT_TRANS_TABLES / STRICT_ALL_TABLES, no IGNORE) fails with 1292
 * and a lenient one (non-strict mode, or INSERT / UPDATE IGNORE) stores it with that error as a warning.
 */
final class ZeroDateWrites {
    private ZeroDateWrites() {
    }

    /**
     * The zero date to store for {@code written}, which coerced to one.
     *
     * @param lenient the session when the write is lenient, else null
     * @param session the writing session, or null when unknown (then NO_ZERO_DATE is taken as set: MySQL's default)
     */
    static ZeroDate admit(Object written, Column c, long rowNumber, Session lenient, Session session) {
        ZeroDate zero = ZeroDates.of(c.type().kind() == TypeKind.DATE);
        Session modes = session != null ? session : lenient;
        if (modes != null && !SqlModes.noZeroDate(modes)) {
            return zero;
        }
        String message = "Incorrect " + c.type().kind().name().toLowerCase(Locale.ROOT) + " value: '"
                + Values.toStringValue(written) + "' for column '" + c.name() + "' at row " + rowNumber;
        if (lenient == null) {
            throw new SqlError(ErrorCode.TRUNCATED_WRONG_VALUE, message);
        }
        lenient.addWarning(ErrorCode.TRUNCATED_WRONG_VALUE.code(), message);
        return zero;
    }
}
