package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.RootValue;

/** The roots a session sees for a database revision: HEAD's, the staged one and its working one. */
final class VersionedRoots {
    private VersionedRoots() {
    }

    static RootValue head(Session session, DatabaseState db) {
        return db.repo().readRoot(db.buffer(), db.repo().readCommit(session.headOf(db)).root());
    }

    static RootValue staged(Session session, DatabaseState db) {
        Hash staged = db.stagedRootHash(); // the transaction's own, once it staged something
        return staged == null ? head(session, db) : db.repo().readRoot(db.buffer(), staged);
    }

    static Hash stagedHash(Session session, DatabaseState db) {
        Hash staged = db.stagedRootHash();
        return staged == null ? db.repo().readCommit(session.headOf(db)).root() : staged;
    }

    /**
     * The merge in progress on the branch as the session's transaction sees it, or null (read-only revisions never
     * merge).
     */
    static MergeState mergeState(DatabaseState db) {
        if (db.isReadOnly()) {
            return null;
        }
        return db.mergeState();
    }
}
