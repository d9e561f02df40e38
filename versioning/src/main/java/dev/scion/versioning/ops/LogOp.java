package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.history.CommitLog;
import dev.scion.versioning.history.GraphOrder;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.repo.Repository;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** {@code log}: history newest first, either every reachable commit or only the first-parent chain. */
public final class LogOp {
    private LogOp() {
    }

    public static Iterator<CommitLog.Entry> walk(Repository repo, Hash start, boolean firstParent) {
        return walk(repo, start, firstParent, false);
    }

    /**
     * With {@code graphOrder}, git's --graph order ({@link GraphOrder}: each line of history down to its fork
     * before the next), which needs the whole history walked first; else newest first, streaming.
     */
    public static Iterator<CommitLog.Entry> walk(Repository repo, Hash start, boolean firstParent,
                                                 boolean graphOrder) {
        if (!firstParent) {
            return graphOrder ? new GraphOrder(repo, start) : new CommitLog(repo, start);
        }
        return new Iterator<>() {
            private Hash next = start;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public CommitLog.Entry next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Commit c = repo.readCommit(next);
                CommitLog.Entry e = new CommitLog.Entry(next, c);
                next = c.parents().isEmpty() ? null : c.parents().get(0);
                return e;
            }
        };
    }
}
