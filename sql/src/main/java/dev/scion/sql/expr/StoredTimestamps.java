package dev.scion.sql.expr;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TypeKind;

/**
 * The two readings of a TIMESTAMP value: as stored (UTC, see docs/storage-format.md) and as a session sees it (in
 * its @@time_zone). MySQL converts on the way in and out and never in between, so a TIMESTAMP column copied from
 * row to row keeps its instant whatever zone the copying session has. A value that is not a LocalDateTime (NULL, the
 * zero date) is the same in every zone.
 */
public final class StoredTimestamps {
    private StoredTimestamps() {
    }

    /**
     * The zone TIMESTAMP values must be converted through for this session, or null when its zone is UTC (the
     * default: SYSTEM is UTC here) and stored values are already what it sees.
     */
    public static ZoneId conversionZone(Session session) {
        ZoneId zone = SessionTimeZone.of(session);
        return zone.normalized().equals(ZoneOffset.UTC) ? null : zone;
    }

    /** A session-local value as stored; a local time the zone skips (a DST gap) moves forward by the gap. */
    public static Object toStored(Object local, ZoneId zone) {
        if (zone == null || !(local instanceof LocalDateTime t)) {
            return local;
        }
        return t.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** A stored value as a session in {@code zone} sees it. */
    public static Object fromStored(Object stored, ZoneId zone) {
        if (zone == null || !(stored instanceof LocalDateTime t)) {
            return stored;
        }
        return t.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
    }

    /** A stored row as a session in {@code zone} reads it (a copy when it has TIMESTAMP values to convert). */
    public static Object[] readRow(Object[] stored, List<Column> columns, ZoneId zone) {
        if (stored == null || zone == null) {
            return stored;
        }
        Object[] local = stored.clone();
        for (int c = 0; c < local.length && c < columns.size(); c++) {
            if (columns.get(c).type().kind() == TypeKind.TIMESTAMP) {
                local[c] = fromStored(local[c], zone);
            }
        }
        return local;
    }

    /** Text or a date given where a TIMESTAMP is compared, read as a datetime; null when it is none. */
    public static LocalDateTime readDateTime(Object v) {
        return v == null || ZeroDates.isZero(v) ? null : DateFunctions.dateTime(v);
    }
}
