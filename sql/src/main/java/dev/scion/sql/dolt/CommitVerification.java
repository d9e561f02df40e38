package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.DoltTables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Commit verification: while the global {@code @@dolt_commit_verification_groups} names test groups ('*' for all,
 * or a comma-separated list), dolt_commit, dolt_merge and dolt_cherry_pick run those dolt_tests against the root
 * they are about to commit and refuse to commit if one fails ("commit verification failed: name (why), ...").
 * {@code --skip-verification} skips it. The tests run in a private session detached at the branch head whose
 * working root is the root to commit, so they see exactly what the commit would hold and nothing of the caller's
 * session changes.
 */
final class CommitVerification {
    static final String VARIABLE = "dolt_commit_verification_groups";
    static final String SKIP = "skip-verification";

    private CommitVerification() {
    }

    /** The groups to run, or empty when verification is off. */
    static Optional<List<String>> groups(Session session) {
        Object v = session.engine().globalVariable(VARIABLE);
        String text = v == null ? "" : String.valueOf(v).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(text.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList());
    }

    /** Fails (1105) when a test of the configured groups fails against {@code root}. */
    static void require(Session session, DatabaseState db, Hash head, RootValue root) {
        failure(session, db, head, root).ifPresent(f -> {
            throw new SqlError(ErrorCode.VERSIONING, f);
        });
    }

    /** What failed, in Dolt's words, or empty when every test passed (or verification is off). */
    static Optional<String> failure(Session session, DatabaseState db, Hash head, RootValue root) {
        Optional<List<String>> groups = groups(session);
        if (groups.isEmpty() || root.resolveName(DoltTables.TESTS).isEmpty()) {
            return Optional.empty();
        }
        Session probe = new Session(session.engine(), -1, session.user(), session.host(), false);
        probe.access(session.access());
        List<String> failures = new ArrayList<>();
        try {
            probe.useDatabase(db.databaseName());
            DatabaseState ps = probe.current();
            ps.detachAt(head);
            ps.setWorkingRoot(root);
            ps.keepDetachedWorking();
            List<String> args = groups.get().contains("*") ? List.of() : groups.get();
            DoltTestRunFunction run = DoltTestRunFunction.createLenient(probe, ps, args);
            try (var rows = run.scan(probe, ps)) {
                for (Object[] r = rows.next(); r != null; r = rows.next()) {
                    if ("FAIL".equals(r[3])) {
                        failures.add(r[0] + " (" + r[4] + ")");
                    }
                }
            }
        } finally {
            probe.rollback();
            for (DatabaseState s : probe.boundDatabases()) {
                s.release();
            }
        }
        return failures.isEmpty() ? Optional.empty()
                : Optional.of("commit verification failed: " + String.join(", ", failures));
    }

    /**
     * After an operation committed {@code committed} on top of {@code previousHead}, and its root fails
     * verification: moves the branch back and leaves the change staged with a merge state (so dolt_commit, or the
     * operation's --continue, can finish it once fixed, and --abort can drop it). Returns the failure message.
     */
    static Optional<String> undoIfFailing(Session session, DatabaseState db, BranchContext ctx, Hash previousHead,
                                          Hash committed, Hash mergeSource, String spec) {
        var repo = ctx.repo();
        RootValue root = repo.readRoot(repo.chunks(), repo.readCommit(committed).root());
        Optional<String> f = failure(session, db, previousHead, root);
        if (f.isEmpty()) {
            return f;
        }
        Hash previousRoot = repo.readCommit(previousHead).root();
        WorkingSet ws = ctx.workingSet();
        MergeState state = new MergeState(mergeSource, spec, previousRoot, previousRoot, List.of());
        WorkingSet next = new WorkingSet(ws.working(), ws.staged(), mergeSource, state);
        repo.updateHead(ctx.branch(), committed, previousHead, ws, next, repo.newBuffer());
        return f;
    }

    static boolean skipped(List<String> args) {
        return args.stream().anyMatch(a -> a != null && a.toLowerCase(Locale.ROOT).equals("--" + SKIP));
    }

    /** The arguments without --skip-verification (for procedures whose parsers do not know it). */
    static List<String> withoutSkip(List<String> args) {
        return args.stream().filter(a -> a == null || !a.toLowerCase(Locale.ROOT).equals("--" + SKIP)).toList();
    }
}
