package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.ops.MergeBase;

/** Scalar versioning functions: dolt_merge_base, has_ancestor, dolt_hashof_table, dolt_hashof_db. */
public final class VersioningFunctions {
    private VersioningFunctions() {
    }

    /** dolt_merge_base(a, b): the best common ancestor of two revisions, or NULL if they share none. */
    public static String mergeBase(Session session, String a, String b) {
        DatabaseState s = session.current();
        Hash x = Procedures.resolve(session, s, a);
        Hash y = Procedures.resolve(session, s, b);
        return MergeBase.find(s.repo(), x, y).map(Hash::toString).orElse(null);
    }

    /** has_ancestor(commit, ancestor): 1 when ancestor is commit or reachable from it. */
    public static long hasAncestor(Session session, String commit, String ancestor) {
        DatabaseState s = session.current();
        Hash c = Procedures.resolve(session, s, commit);
        Hash anc = Procedures.resolve(session, s, ancestor);
        return MergeBase.find(s.repo(), c, anc).map(anc::equals).orElse(false) ? 1L : 0L;
    }

    /** dolt_hashof_table(t): the content hash of table t in the session's working root. */
    public static String hashOfTable(Session session, String table) {
        DatabaseState s = session.current();
        // a table's hash tells whether its content changed or equals a known one: checked before existence, as
        // DESCRIBE does, so names cannot be probed either
        dev.scion.sql.privilege.AccessChecks.requireAnyOnTable(session, "SELECT", s.name(), table);
        return s.workingRoot().table(table).map(Hash::toString).orElseThrow(
                () -> SqlError.noSuchTable(s.name(), table));
    }

    /** dolt_hashof_db([rev]): the hash of the working root, or of a revision's root. */
    public static String hashOfDb(Session session, String revision) {
        DatabaseState s = session.current();
        if (revision == null || revision.equalsIgnoreCase("WORKING")) {
            return s.workingRootHash().toString();
        }
        if (revision.equalsIgnoreCase("STAGED")) {
            return VersionedRoots.stagedHash(session, s).toString();
        }
        try {
            return s.repo().readCommit(Procedures.resolve(session, s, revision)).root().toString();
        } catch (SqlError e) {
            throw new SqlError(ErrorCode.VERSIONING, "invalid reference: " + revision, e);
        }
    }
}
