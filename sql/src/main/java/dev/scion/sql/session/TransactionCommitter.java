package dev.scion.sql.session;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.versioning.merge.MergeConflictException;
import dev.scion.versioning.merge.RootMerger;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;

/**
 * Publishes a transaction's working root to its branch. If the branch's working set moved since the
 * transaction began, the two are merged (base = the snapshot the transaction started from) and the merge is
 * installed by compare-and-swap, retrying while others keep committing.
 */
public final class TransactionCommitter {
    private static final int MAX_ATTEMPTS = 64;

    public void commit(Session session, DatabaseState s) {
        if (s.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + s.name() + "' is read-only");
        }
        Repository repo = s.repo();
        ChunkBuffer buffer = s.buffer();
        WorkingSet start = s.startWorkingSet();
        Hash mine = s.workingRootHash();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            WorkingSet current = repo.workingSet(s.branch());
            Hash toInstall = mine;
            if (!current.working().equals(start.working())) {
                toInstall = merge(repo, buffer, start.working(), current.working(), mine);
            }
            try {
                repo.updateWorkingSet(s.branch(), current, current.withWorking(toInstall), buffer);
                return;
            } catch (VersioningException e) {
                if (e.reason() != VersioningException.Reason.CONCURRENT_UPDATE) {
                    throw new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
                }
                Thread.onSpinWait();
            }
        }
        throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try restarting "
                + "transaction (branch '" + s.branch() + "' is too busy)");
    }

    private static Hash merge(Repository repo, ChunkBuffer buffer, Hash base, Hash ours, Hash theirs) {
        try {
            RootValue merged = new RootMerger(repo, buffer).merge(repo.readRoot(buffer, base),
                    repo.readRoot(buffer, ours), repo.readRoot(buffer, theirs));
            return buffer.put(merged.encode());
        } catch (MergeConflictException e) {
            throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try restarting "
                    + "transaction (" + e.getMessage() + ")", e);
        }
    }
}
