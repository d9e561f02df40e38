package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.stats.StatisticsStore;

import java.util.List;
import java.util.Locale;

/**
 * Dolt's statistics procedures for the current database. Scion has no background worker: statistics are
 * collected when they are read while collection is on (see {@link StatisticsStore}), so dolt_stats_wait and
 * dolt_stats_once collect the current revision's tables right away and return when done.
 */
final class StatsProcedures {
    private StatsProcedures() {
    }

    static StatementResult call(Session session, String name, List<String> args) {
        if (!args.isEmpty()) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, name + " takes no arguments");
        }
        DatabaseState db = session.current();
        StatisticsStore store = StatisticsStore.of(db.repo());
        switch (name.toLowerCase(Locale.ROOT)) {
            case "dolt_stats_wait" -> collect(store, db, false);
            case "dolt_stats_once" -> collect(store, db, true);
            case "dolt_stats_restart" -> store.setCollecting(true);
            case "dolt_stats_stop" -> store.setCollecting(false);
            case "dolt_stats_purge" -> store.purge();
            case "dolt_stats_info" -> {
                return ProcedureSupport.row(List.of("message"), "{\"active\":" + store.collecting()
                        + ",\"cachedTableCnt\":" + store.cachedTables() + "}");
            }
            case "dolt_stats_flush" -> store.flush();
            case "dolt_stats_gc" -> {
                // entries are keyed by table value and capped in number: there is nothing to compact
            }
            default -> throw new SqlError(ErrorCode.SP_DOES_NOT_EXIST, "PROCEDURE " + name + " does not exist");
        }
        return ProcedureSupport.status(0L);
    }

    /** Collects the statistics of every user table of the session's revision (even when stopped, if forced). */
    private static void collect(StatisticsStore store, DatabaseState db, boolean evenWhenStopped) {
        if (!store.collecting() && !evenWhenStopped) {
            return;
        }
        var root = db.workingRoot();
        for (var t : root.tables().entrySet()) {
            if (DoltStatisticsTable.hasStatistics(t.getKey())) {
                store.analyze(db.buffer(), t.getKey(), t.getValue(), db.repo());
            }
        }
    }
}
