package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.history.CommitLog;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The walk dolt_diff and dolt_column_diff share: the uncommitted changes first (HEAD's root against the working
 * root, named WORKING), then every commit of the session's history, newest first, against its first parent (the
 * initial commit, having none, is skipped). Each pair of roots is handed to a {@link Step} that queues the rows
 * it makes; rows stream out as the walk goes, so a LIMIT stops it early.
 */
final class HistoryChanges {
    private HistoryChanges() {
    }

    /** Queues the rows for one change: {@code commit} is null (and {@code hash} "WORKING") for uncommitted ones. */
    interface Step {
        void rows(RootValue from, RootValue to, String hash, Commit commit, Deque<Object[]> out);
    }

    static RowStream scan(Session session, DatabaseState db, Step step) {
        Deque<Object[]> ready = new ArrayDeque<>();
        Commit head = db.repo().readCommit(session.headOf(db));
        step.rows(db.repo().readRoot(db.buffer(), head.root()), db.workingRoot(), "WORKING", null, ready);
        CommitLog log = new CommitLog(db.repo(), session.headOf(db));
        return () -> {
            while (ready.isEmpty()) {
                if (!log.hasNext()) {
                    return null;
                }
                CommitLog.Entry e = log.next();
                Commit c = e.commit();
                if (c.parents().isEmpty()) {
                    continue;
                }
                RootValue from = db.repo().readRoot(db.buffer(), db.repo().readCommit(c.parents().get(0)).root());
                step.rows(from, db.repo().readRoot(db.buffer(), c.root()), e.hash().toString(), c, ready);
            }
            return ready.poll();
        };
    }
}
