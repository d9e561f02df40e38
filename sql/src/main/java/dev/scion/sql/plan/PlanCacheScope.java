package dev.scion.sql.plan;

import dev.scion.sql.parser.PipesAsConcat;
import dev.scion.sql.session.Session;

/**
 * What a cached plan's text means besides the text itself: the current database, the connection collation
 * ({@link ConnectionCollation}), and whether {@code ||} was read as concatenation (sql_mode PIPES_AS_CONCAT), so the
 * same text planned under one reading is never found under the other. ANSI_QUOTES needs no mark: its statements
 * are rewritten to back quotes before they reach the cache.
 */
final class PlanCacheScope {
    private PlanCacheScope() {
    }

    static String of(Session session) {
        String scope = ConnectionCollation.cacheScope(session);
        if (!PipesAsConcat.active()) {
            return scope;
        }
        return (scope == null ? "" : scope) + "\u0000PIPES_AS_CONCAT";
    }
}
