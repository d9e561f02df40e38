package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.history.RevisionResolver;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.ops.MergeBase;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.schema.TableSchema;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The two roots a diff table function compares, from its revision arguments: {@code from, to} or one range
 * {@code 'from..to'} / {@code 'from...to'} (three dots: from the merge base). Besides commits, {@code WORKING}
 * and {@code STAGED} name the session's working and staged roots.
 */
record DiffSides(Side from, Side to) {

    /** One side: the name the user gave, its root, and the commit and date when it is a commit. */
    record Side(String label, RootValue root, Hash commit, LocalDateTime date) {
        Optional<TableValue> table(DatabaseState db, String name) {
            return root.table(name).map(h -> db.repo().readTable(db.buffer(), h));
        }

        TableSchema schema(DatabaseState db, String name) {
            return table(db, name).map(TableValue::schema).orElse(null);
        }
    }

    /** The sides and what remains of the arguments (the optional table name). */
    record Parsed(DiffSides sides, List<String> rest) {
    }

    static boolean isRange(String arg) {
        return arg.contains("..");
    }

    /**
     * Reads the revisions at the start of {@code args}: a range (one argument) when the first argument holds
     * "..", else two revisions. {@code maxRest} bounds the arguments that may follow.
     */
    static Parsed parse(String function, Session session, DatabaseState db, List<String> args, int minRest,
                        int maxRest) {
        int revs = !args.isEmpty() && isRange(args.get(0)) ? 1 : 2;
        if (args.size() == 1 && revs == 2) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Invalid argument to " + function + ": There are less than "
                    + "2 arguments present, and the first does not contain '..'");
        }
        if (args.size() < revs + minRest || args.size() > revs + maxRest) {
            // Dolt's words; the fewest arguments are a range and minRest, the most two revisions and maxRest
            int least = 1 + minRest;
            int most = 2 + maxRest;
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "function '" + function + "' expected "
                    + (least == most ? least : least + " to " + most) + " arguments, " + args.size() + " received");
        }
        DiffSides sides;
        if (revs == 1) {
            String range = args.get(0);
            boolean three = range.contains("...");
            int at = range.indexOf(three ? "..." : "..");
            String a = range.substring(0, at);
            String b = range.substring(at + (three ? 3 : 2));
            Side to = side(session, db, b);
            Side from = side(session, db, a);
            if (three) {
                if (from.commit() == null || to.commit() == null) {
                    throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "'...' needs two commits, not " + range);
                }
                Hash base = MergeBase.find(db.repo(), from.commit(), to.commit()).orElseThrow(() ->
                        new SqlError(ErrorCode.VERSIONING, "no common ancestor of " + a + " and " + b));
                from = commitSide(db, a, base);
            }
            sides = new DiffSides(from, to);
        } else {
            if (args.get(0) == null || args.get(1) == null || args.get(0).isEmpty() || args.get(1).isEmpty()) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "expected strings for from and to revisions, got: "
                        + args.get(0) + ", " + args.get(1));
            }
            sides = new DiffSides(side(session, db, args.get(0)), side(session, db, args.get(1)));
        }
        return new Parsed(sides, args.subList(revs, args.size()));
    }

    static Side side(Session session, DatabaseState db, String rev) {
        if (rev.equalsIgnoreCase("WORKING")) {
            return new Side(rev, db.workingRoot(), null, null);
        }
        if (rev.equalsIgnoreCase("STAGED")) {
            return new Side(rev, VersionedRoots.staged(session, db), null, null);
        }
        return commitSide(db, rev, resolveCommit(session, db, rev, headNow(session, db)));
    }

    /**
     * The HEAD a table function's revision is relative to: the branch's head as it is now, as Dolt resolves these
     * arguments against the refs (its ResolveRootForRef), while WORKING and STAGED are the transaction's. Inside a
     * transaction that began before another session committed, {@code dolt_diff('HEAD', 'WORKING', t)} therefore
     * compares the new head with the transaction's working root (Dolt's "call dolt_commit commits staged stuff,
     * merges with working set and branch head"); AS OF 'HEAD', HASHOF('HEAD') and dolt_log keep the transaction's
     * HEAD ({@link Session#headOf}).
     */
    private static Hash headNow(Session session, DatabaseState db) {
        if (db.isReadOnly() || db.isDetached()) {
            return session.headOf(db);
        }
        return db.repo().branchHead(db.branch()).orElseGet(() -> session.headOf(db));
    }

    private static Side commitSide(DatabaseState db, String label, Hash commit) {
        Commit c = db.repo().readCommit(commit);
        return new Side(label, db.repo().readRoot(db.buffer(), c.root()), commit,
                DoltLogTable.toDateTime(c.committer().timeMillis()));
    }

    /** A commit revision, with Dolt's messages for the two ways it can be missing. */
    static Hash resolveCommit(Session session, DatabaseState db, String rev) {
        return resolveCommit(session, db, rev, session.headOf(db));
    }

    private static Hash resolveCommit(Session session, DatabaseState db, String rev, Hash head) {
        Optional<RevisionResolver.Resolved> r;
        try {
            r = new RevisionResolver(db.repo()).resolve(rev, head);
        } catch (VersioningException e) {
            throw new SqlError(ErrorCode.VERSIONING, e.getMessage());
        }
        if (r.isPresent()) {
            return r.get().commit();
        }
        String base = rev.replaceAll("([~^]\\d*)+$", "");
        if (Hash.isHashString(base)) {
            throw new SqlError(ErrorCode.VERSIONING, "target commit not found");
        }
        throw new SqlError(ErrorCode.VERSIONING, "branch not found: " + base);
    }

    /** The table's stored name on either side; an error naming it when neither side has it. */
    String requireTable(String name) {
        return to.root().resolveName(name).or(() -> from.root().resolveName(name)).orElseThrow(() ->
                new SqlError(ErrorCode.NO_SUCH_TABLE, "table not found: " + name));
    }
}
