package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;

/**
 * Which commit {@code dolt_commit --amend} replaces: the HEAD the session's transaction saw. Dolt refuses the amend
 * with a deadlock error (the transaction rolled back) when another session moved the branch since the transaction
 * began, since amending the branch's current head would silently drop that session's commit.
 */
final class AmendTarget {
    private AmendTarget() {
    }

    /**
     * The head the amend replaces; rolls the transaction back and throws 1213 when the branch no longer points at
     * the head the open transaction began at.
     */
    static Hash seenHead(Session session, DatabaseState s) {
        if (s.isReadOnly() || s.isDetached()) {
            return session.headOf(s);
        }
        Hash seen = s.startHead();
        Hash now = s.repo().branchHead(s.branch()).orElseThrow(() -> new SqlError(ErrorCode.VERSIONING,
                "branch '" + s.branch() + "' no longer exists"));
        if (seen != null && !seen.equals(now)) {
            session.rollback();
            throw moved(s);
        }
        return now;
    }

    /** After a failed compare-and-swap: throws 1213 when the branch's head is no longer {@code amended}. */
    static void requireUnmoved(DatabaseState s, Hash amended) {
        if (!s.repo().branchHead(s.branch()).map(amended::equals).orElse(false)) {
            throw moved(s);
        }
    }

    private static SqlError moved(DatabaseState s) {
        return new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try restarting "
                + "transaction (branch '" + s.branch() + "' moved since the transaction began: dolt_commit --amend "
                + "would replace a commit it has not seen)");
    }
}
