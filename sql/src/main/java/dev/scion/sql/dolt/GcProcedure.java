package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.storage.gc.GcResult;
import dev.scion.storage.chunk.StorageException;

import java.util.List;

/**
 * {@code CALL dolt_gc()}: collects the current database's garbage online, while other sessions keep
 * reading and writing (their open transactions' snapshots are pinned). Returns status 0.
 */
final class GcProcedure {
    private GcProcedure() {
    }

    static long call(Session session, List<String> args) {
        for (String a : args) {
            // Dolt's --shallow and --full both mean "collect" here: there is one kind of collection.
            if (a == null || !(a.equals("--shallow") || a.equals("--full") || a.equals("-s"))) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_gc: unknown option " + a);
            }
        }
        DatabaseState s = session.current();
        try {
            GcResult r = s.repo().gc();
            if (r.missingChunks() > 0) {
                // Only a damaged store (or a bug) leaves reachable chunks missing; say so instead of hiding it.
                session.addWarning(ErrorCode.VERSIONING.code(), "dolt_gc: " + r.missingChunks()
                        + " reachable chunks are missing from the store");
            }
        } catch (StorageException | IllegalArgumentException e) {
            throw new SqlError(ErrorCode.VERSIONING, "dolt_gc failed: " + e.getMessage(), e);
        }
        return 0L;
    }
}
