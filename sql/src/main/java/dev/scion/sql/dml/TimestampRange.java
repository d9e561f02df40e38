package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.sql.expr.ZeroDates;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TypeKind;

import java.time.LocalDateTime;

/**
 * The range a TIMESTAMP column holds, '1970-01-01 00:00:01' to '2038-01-19 03:14:07.999999' (MySQL's, a 32-bit
 * count of seconds), besides the zero timestamp. A value outside it is an error in strict mode (1292, also for
 * ALTER TABLE turning a DATETIME column with such values into a TIMESTAMP) and the zero timestamp with warning 1264
 * otherwise.
 *
 * <p>MySQL checks the UTC instant; this checks the value the column is given, before a session time zone other
 * than UTC moves it, so in such a session the bounds are off by the zone's offset.
 */
final class TimestampRange {
    private static final LocalDateTime MIN = LocalDateTime.of(1970, 1, 1, 0, 0, 1);
    private static final LocalDateTime MAX = LocalDateTime.of(2038, 1, 19, 3, 14, 7, 999_999_000);

    private TimestampRange() {
    }

    /**
     * {@code coerced}, the value {@code written} became for column {@code c}, when the column takes it; the zero
     * timestamp with a warning when out of range and {@code lenient} is the non-strict writing session; else 1292.
     */
    static Object admit(Object coerced, Object written, Column c, long rowNumber, Session lenient) {
        if (c.type().kind() != TypeKind.TIMESTAMP || !(coerced instanceof LocalDateTime t)
                || !t.isBefore(MIN) && !t.isAfter(MAX)) {
            return coerced;
        }
        if (lenient == null) {
            throw new SqlError(ErrorCode.TRUNCATED_WRONG_VALUE, "Incorrect datetime value: '"
                    + Values.toStringValue(written) + "' for column '" + c.name() + "' at row " + rowNumber);
        }
        lenient.addWarning(ErrorCode.WARN_DATA_OUT_OF_RANGE.code(), "Out of range value for column '" + c.name()
                + "' at row " + rowNumber);
        return ZeroDates.of(false);
    }
}
