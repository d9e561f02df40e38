package dev.scion.sql.plan;

import dev.scion.sql.parser.ParseMode;
import dev.scion.sql.session.Session;

/**
 * What a cached plan's text means besides the text itself: the current database, the connection collation
 * ({@link ConnectionCollation}), and the sql_mode readings that change a plan: whether {@code ||} was read as
 * concatenation (PIPES_AS_CONCAT), whether NOT ranked high (HIGH_NOT_PRECEDENCE), whether CHAR columns are padded
 * ({@link CharPadding}) and whether an unsigned difference is signed ({@link SignedSubtraction}), so the same text
 * planned under one reading is never found under the other. Under a time zone other than UTC the zone and the
 * {@link StoredRowReads} mark belong to it too. ANSI_QUOTES needs no mark: its statements are rewritten to back
 * quotes before they reach the cache.
 */
final class PlanCacheScope {
    private PlanCacheScope() {
    }

    static String of(Session session) {
        String scope = ConnectionCollation.cacheScope(session);
        if (ParseMode.PIPES_AS_CONCAT.active()) {
            scope = (scope == null ? "" : scope) + "\u0000PIPES_AS_CONCAT";
        }
        if (dev.scion.sql.session.SqlModes.padCharToFullLength(session)) {
            scope = (scope == null ? "" : scope) + "\u0000PAD_CHAR_TO_FULL_LENGTH"; // CharPadding
        }
        if (ParseMode.HIGH_NOT_PRECEDENCE.active()) {
            scope = (scope == null ? "" : scope) + "\u0000HIGH_NOT_PRECEDENCE";
        }
        if (dev.scion.sql.session.SqlModes.noUnsignedSubtraction(session)) {
            scope = (scope == null ? "" : scope) + "\u0000NO_UNSIGNED_SUBTRACTION"; // SignedSubtraction
        }
        java.time.ZoneId zone = dev.scion.sql.expr.StoredTimestamps.conversionZone(session);
        if (zone != null) {
            // TIMESTAMP columns are read through this zone (TimestampZoneRewrite), except a write's stored columns
            scope = (scope == null ? "" : scope) + "\u0000TZ " + zone.getId() + " " + StoredRowReads.current();
        }
        return scope;
    }
}
