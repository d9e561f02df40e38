package dev.scion.sql.dml;

import dev.scion.sql.expr.Values;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;

import java.util.Locale;

/**
 * Dolt's {@code last_insert_uuid()}: the counterpart of LAST_INSERT_ID for tables keyed by UUIDs. A table is
 * UUID-keyed when a primary-key column defaults to {@code UUID()} (a CHAR/VARCHAR key) or to
 * {@code UUID_TO_BIN(UUID() [, swap])} (a BINARY/VARBINARY key). After an INSERT into such a table the session
 * remembers that column's value in the statement's first row, as UUID text (a binary key is turned back with
 * the same swap flag), whether the default made it or the statement gave it; a value that is not a UUID (for a
 * binary key: whose variant bits are not RFC 4122's) leaves the remembered one as it was.
 */
final class LastInsertUuid {
    private LastInsertUuid() {
    }

    /** Records the first inserted row's UUID key, if the table has one and the row's value is a UUID. */
    static void record(Session session, TableSchema schema, Object[] firstRow) {
        if (firstRow == null) {
            return;
        }
        for (int c : schema.primaryKeyIndexes()) {
            Column col = schema.columns().get(c);
            Kind kind = kind(col.defaultSql());
            if (kind == null) {
                continue;
            }
            String uuid = text(firstRow[c], kind);
            if (uuid != null) {
                session.setLastInsertUuid(uuid);
            }
            return;
        }
    }

    /** How a UUID default stores its value. */
    private enum Kind { TEXT, BINARY, BINARY_SWAPPED }

    private static Kind kind(String defaultSql) {
        if (defaultSql == null) {
            return null;
        }
        String s = defaultSql.replaceAll("[\\s`]", "").toUpperCase(Locale.ROOT);
        while (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.equals("UUID()")) {
            return Kind.TEXT;
        }
        if (s.equals("UUID_TO_BIN(UUID())") || s.equals("UUID_TO_BIN(UUID(),FALSE)")
                || s.equals("UUID_TO_BIN(UUID(),0)")) {
            return Kind.BINARY;
        }
        if (s.equals("UUID_TO_BIN(UUID(),TRUE)") || s.equals("UUID_TO_BIN(UUID(),1)")) {
            return Kind.BINARY_SWAPPED;
        }
        return null;
    }

    private static String text(Object v, Kind kind) {
        if (v == null) {
            return null;
        }
        if (kind == Kind.TEXT) {
            String s = Values.toStringValue(v);
            return dev.scion.sql.expr.UuidText.parse(s) == null ? null : s;
        }
        byte[] b = v instanceof byte[] bytes ? bytes : null;
        if (b == null || b.length != 16) {
            return null;
        }
        byte[] uuid = kind == Kind.BINARY_SWAPPED ? dev.scion.sql.expr.UuidText.unswap(b) : b;
        // any 16 bytes spell a UUID's text (a BINARY(16) pads 'notta-uuid' to 16); a UUID made by UUID() or any
        // RFC 4122 / 9562 generator has the variant bits 10 at the start of its ninth byte
        return (uuid[8] & 0xC0) == 0x80 ? dev.scion.sql.expr.UuidText.format(uuid) : null;
    }
}
