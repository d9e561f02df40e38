package dev.scion.sql.dml;

import java.time.ZoneId;

import dev.scion.sql.expr.StoredTimestamps;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

/**
 * The write side of TIMESTAMP time zones: a value a statement produces for a TIMESTAMP column (an INSERT's or LOAD
 * DATA's value, a default, a SET assignment, ON UPDATE CURRENT_TIMESTAMP) is in the session's @@time_zone and is
 * stored in UTC. Values copied from stored rows (the columns an UPDATE leaves alone, ALTER TABLE's rebuild, cascades)
 * never pass through here, so they keep their instant.
 */
final class SessionTimestamps {
    private SessionTimestamps() {
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
        ZoneId zone = StoredTimestamps.conversionZone(session);
        return zone != null && schema.columns().stream().anyMatch(c -> c.type().kind() == TypeKind.TIMESTAMP);
    }
}
