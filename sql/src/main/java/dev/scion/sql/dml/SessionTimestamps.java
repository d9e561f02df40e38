package dev.scion.sql.dml;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scion.sql.expr.StoredTimestamps;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

/**
 * The write side of TIMESTAMP time zones: a value a statement produces for a TIMESTAMP column (an INSERT's or LOAD
 * DATA's value, a default, a SET assignment, ON UPDATE CURRENT_TIMESTAMP) is in the session's @@time_zone and is
 * stored in UTC, unless its text names its own offset. Values copied from stored rows (the columns an UPDATE leaves alone, ALTER TABLE's rebuild, cascades)
 * never pass through here, so they keep their instant.
 */
final class SessionTimestamps {
    private SessionTimestamps() {
    }

    /** MySQL 8.0.19's datetime text with a UTC offset: '2020-01-01 10:00:00+05:30' (two-digit hours). */
    private static final Pattern WITH_OFFSET =
            Pattern.compile("\\s*(\\d.*:.*\\d)([+-])(\\d{2}):(\\d{2})\\s*");

    /**
     * A value a statement writes to {@code column}, coerced to the column and as stored. Datetime text that ends in
     * a UTC offset names an instant: a TIMESTAMP stores it, a DATETIME gets it in the session's zone.
     */
    static Object written(Object value, Column column, long rowNumber, Session lenient, Session session) {
        TypeKind kind = column.type().kind();
        Matcher m = (kind == TypeKind.TIMESTAMP || kind == TypeKind.DATETIME) && value instanceof String text
                ? WITH_OFFSET.matcher(text) : null;
        ZoneOffset offset = m != null && m.matches() ? offset(m) : null;
        if (offset == null) {
            return stored(ColumnValues.coerce(value, column, rowNumber, lenient, session), column, session);
        }
        Object local = ColumnValues.coerce(m.group(1), column, rowNumber, lenient, session);
        if (!(local instanceof LocalDateTime t)) {
            return local;
        }
        LocalDateTime utc = t.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        return kind == TypeKind.TIMESTAMP ? utc
                : StoredTimestamps.fromStored(utc, StoredTimestamps.conversionZone(session));
    }

    /** The offset MySQL accepts (-13:59 to +14:00, not -00:00), or null. */
    private static ZoneOffset offset(Matcher m) {
        int hours = Integer.parseInt(m.group(3));
        int minutes = Integer.parseInt(m.group(4));
        boolean negative = m.group(2).equals("-");
        if (minutes > 59 || (negative ? hours > 13 || hours == 0 && minutes == 0 : hours * 60 + minutes > 14 * 60)) {
            return null;
        }
        return negative ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }

    /** A coerced value for {@code column} as stored. */
    static Object stored(Object value, Column column, Session session) {
        if (column.type().kind() != TypeKind.TIMESTAMP) {
            return value;
        }
        return StoredTimestamps.toStored(value, StoredTimestamps.conversionZone(session));
    }

    /** A stored value of {@code column} as the session reads it. */
    static Object local(Object value, Column column, Session session) {
        if (column.type().kind() != TypeKind.TIMESTAMP) {
            return value;
        }
        return StoredTimestamps.fromStored(value, StoredTimestamps.conversionZone(session));
    }

    /** Whether a write to this table must convert values (the session is not in UTC and it has TIMESTAMP columns). */
    static boolean converts(TableSchema schema, Session session) {
        // the columns first: the session's zone is parsed from its @@time_zone, which costs more than the scan
        for (Column c : schema.columns()) {
            if (c.type().kind() == TypeKind.TIMESTAMP) {
                return StoredTimestamps.conversionZone(session) != null;
            }
        }
        return false;
    }
}
