package dev.scion.sql.dolt;

import dev.scion.versioning.ops.MergeBase;
import dev.scion.versioning.ops.IgnorePatterns;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.ServerReadOnly;
import dev.scion.sql.session.Session;
import dev.scion.sql.session.VariableReader;
import dev.scion.storage.Hash;
import dev.scion.versioning.history.RevisionResolver;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The versioning procedures (dolt_commit, dolt_add, dolt_checkout, dolt_branch) and related functions. */
public final class Procedures {
    /** One built-in procedure. */
    private interface Procedure {
        StatementResult call(Session session, List<String> args);
    }

    private static final java.util.Map<String, Procedure> REGISTRY = registry();

    private Procedures() {
    }

    private static java.util.Map<String, Procedure> registry() {
        java.util.Map<String, Procedure> r = new java.util.LinkedHashMap<>();
        r.put("dolt_commit", (s, a) -> single("hash", commit(s, a)));
        r.put("dolt_add", (s, a) -> single("status", add(s, a)));
        r.put("dolt_checkout", Procedures::checkout);
        r.put("dolt_branch", (s, a) -> single("status", branch(s, a)));
        r.put("dolt_gc", (s, a) -> single("status", GcProcedure.call(s, a)));
        r.put("dolt_remote", (s, a) -> single("status", RemoteProcedures.remote(s, a)));
        r.put("dolt_clone", (s, a) -> single("status", RemoteProcedures.cloneDatabase(s, a)));
        r.put("dolt_backup", (s, a) -> single("status", BackupProcedure.call(s, a)));
        r.put("dolt_fetch", (s, a) -> single("status", RemoteProcedures.fetch(s, a)));
        r.put("dolt_pull", RemoteProcedures::pull);
        r.put("dolt_push", RemoteProcedures::push);
        r.put("dolt_merge", DoltMerge::call);
        r.put("dolt_detached_commit", (s, a) -> single("hash", DetachedHead.commit(s, a)));
        r.put("dolt_detached_merge", (s, a) -> single("hash", DetachedHead.merge(s, a)));
        r.put("dolt_detached_squash", (s, a) -> single("hash", DetachedHead.squash(s, a)));
        r.put("dolt_reset", DoltReset::call);
        r.put("dolt_tag", DoltTag::call);
        r.put("dolt_revert", DoltCherryPick::revert);
        r.put("dolt_cherry_pick", DoltCherryPick::cherryPick);
        r.put("dolt_conflicts_resolve", DoltConflictsResolve::call);
        r.put("dolt_clean", DoltClean::clean);
        r.put("dolt_stash", DoltStash::stash);
        r.put("dolt_rm", DoltClean::rm);
        r.put("dolt_undrop", (s, a) -> single("status", DroppedDatabaseProcedures.undrop(s, a)));
        r.put("dolt_purge_dropped_databases", (s, a) -> single("status", DroppedDatabaseProcedures.purge(s, a)));
        r.put("dolt_verify_constraints", DoltVerifyConstraints::call);
        r.put("dolt_rebase", DoltRebase::call);
        r.put("dolt_squash_history", DoltSquashHistory::call);
        r.put("dolt_update_column_tag", DoltUpdateColumnTag::call);
        for (String stats : List.of("dolt_stats_flush", "dolt_stats_gc", "dolt_stats_info", "dolt_stats_once",
                "dolt_stats_purge", "dolt_stats_restart", "dolt_stats_stop", "dolt_stats_wait")) {
            r.put(stats, (s, a) -> StatsProcedures.call(s, stats, a));
        }
        return java.util.Collections.unmodifiableMap(r);
    }

    /** Whether {@code name} is a built-in (dolt_*) procedure, which no CREATE PROCEDURE defines. */
    public static boolean isBuiltIn(String name) {
        return REGISTRY.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public static StatementResult call(Session session, String name, List<String> args) {
        if (!switchesBranchOnly(session, name, args)) {
            ServerReadOnly.refuseWrite(session);
        }
        dev.scion.sql.privilege.ProcedurePrivileges.check(session, name, args);
        Procedure p = REGISTRY.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new SqlError(ErrorCode.SP_DOES_NOT_EXIST, "PROCEDURE " + name + " does not exist");
        }
        try {
            return p.call(session, args);
        } catch (VersioningException e) {
            throw new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
        } finally {
            session.branchesMayHaveChanged();
        }
    }

    /**
     * dolt_checkout('branch') only moves this session to another branch, which a read-only server allows; every
     * other procedure (and checkout with -b or of tables) writes.
     */
    private static boolean switchesBranchOnly(Session session, String name, List<String> args) {
        if (!name.equalsIgnoreCase("dolt_checkout") || args.size() != 1 || args.get(0) == null
                || args.get(0).startsWith("-") || session.currentDatabase() == null) {
            return false;
        }
        return session.current().repo().branchHead(args.get(0)).isPresent();
    }

    /** The procedure called as a function: the first column of its first row. */
    public static Object callAsFunction(Session session, String name, List<String> args) {
        return firstValue(call(session, name, args));
    }

    /** The first column of a procedure result's first row (null without rows). */
    public static Object firstValue(StatementResult r) {
        if (r instanceof StatementResult.Rows rows) {
            try (RowStream s = rows.rows()) {
                Object[] first = s.next();
                return first == null ? null : first[0];
            }
        }
        return null;
    }

    private static StatementResult single(String column, Object value) {
        ResultColumn c = value instanceof Long ? ResultColumn.bigint(column) : ResultColumn.text(column);
        return new StatementResult.Rows(List.of(c), RowStream.of(List.<Object[]>of(new Object[] {value})));
    }

    private static DatabaseState writableCurrent(Session session, String procedure) {
        DatabaseState s = session.current();
        if (s.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, procedure + ": database '" + s.name() + "' is read-only");
        }
        return s;
    }

    /**
     * {@code dolt_commit --branch b}: commits branch b of the current database (its staged set, or with -a its
     * working set) while the session stays where it is, as Dolt does.
     */
    private static DatabaseState otherBranch(Session session, String branch) {
        DatabaseState current = session.current();
        String name = current.databaseName() + "/" + branch;
        if (current.repo().branchHead(branch).isEmpty()) {
            throw new SqlError(ErrorCode.BAD_DB, "Could not load database " + name);
        }
        return session.database(name);
    }

    /** dolt_commit's long flags, which Dolt also takes with one dash ({@code -amend}, {@code -ALL}). */
    private static final Set<String> COMMIT_LONG_FLAGS = Set.of("all", "allow-empty", "amend", "force",
            "skip-empty", "skip-verification");

    static String commit(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_commit", ProcedureArgs.longWithOneDash(args, COMMIT_LONG_FLAGS),
                Set.of("m", "message", "author", "date", "branch"));
        String message = p.value("m", "message");
        if (message == null && !p.has("amend")) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_commit: a commit message is required (-m)");
        }
        DatabaseState s = p.value("branch") == null ? writableCurrent(session, "dolt_commit")
                : otherBranch(session, p.value("branch"));
        // --amend rewrites the commit the transaction saw as HEAD: if another session moved the branch since, the
        // amend would replace (and drop) a commit this transaction never saw, so it is refused before anything of
        // the transaction is published
        Hash amendedHead = p.has("amend") ? AmendTarget.seenHead(session, s) : null;
        if (p.has("a", "A", "all") && !s.isDetached()) {
            // -a stages the transaction's own working root, before COMMIT merges it with what others staged
            stage(s, ProcedureArgs.parse("dolt_add", List.of("."), Set.of()));
        }
        session.commit();
        // Other sessions may move the branch's working set (their SQL COMMITs) or head between our read and our
        // compare-and-swap. Our changes are already in the working set, so re-reading and committing again is
        // the same as having committed a moment later; only a refusal (nothing to commit, conflicts) ends it.
        for (int attempt = 1; ; attempt++) {
            try {
                return commitOnce(session, s, p, message, amendedHead);
            } catch (VersioningException e) {
                if (e.reason() != VersioningException.Reason.CONCURRENT_UPDATE || attempt >= COMMIT_ATTEMPTS) {
                    throw e;
                }
                if (amendedHead != null) {
                    AmendTarget.requireUnmoved(s, amendedHead);
                }
                Thread.onSpinWait();
            }
        }
    }

    private static final int COMMIT_ATTEMPTS = 50;

    /** {@code amendedHead}: for --amend, the head to replace (the compare-and-swap fails if the branch left it). */
    private static String commitOnce(Session session, DatabaseState s, ProcedureArgs p, String message,
                                     Hash amendedHead) {
        var repo = s.repo();
        Hash head = amendedHead != null ? amendedHead : session.headOf(s);
        WorkingSet ws = repo.workingSet(s.branch());
        if (ws.mergeState() != null && ws.mergeState().hasUnresolved() && !p.has("f", "force")) {
            throw new SqlError(ErrorCode.VERSIONING, "error: Committing is not possible because you have unmerged "
                    + "tables: " + ws.mergeState().tables().stream().filter(t -> !t.isResolved())
                    .map(dev.scion.versioning.model.TableConflicts::table)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        var buffer = repo.newBuffer();
        Hash toCommit = ws.staged(); // -a staged the transaction's working root before it was committed
        Hash headRoot = repo.readCommit(head).root();
        if (toCommit.equals(headRoot) && !p.has("allow-empty") && !p.has("amend") && ws.mergeSource() == null) {
            if (p.has("skip-empty")) {
                return null;
            }
            throw new SqlError(ErrorCode.VERSIONING, "nothing to commit");
        }
        if (!p.has(CommitVerification.SKIP)) {
            CommitVerification.require(session, s, head, repo.readRoot(buffer, toCommit));
        }
        long now = System.currentTimeMillis();
        Signature sessionCommitter = ProcedureSupport.who(session);
        Signature author = p.value("author") != null ? Signature.parse(p.value("author"), now) : sessionCommitter;
        if (p.value("date") != null) {
            author = author.at(parseDate(p.value("date")));
        }
        // as in Dolt, --author and --date name the committer too unless @@dolt_committer_* say otherwise
        Signature committer = p.value("author") != null || p.value("date") != null
                ? ProcedureSupport.committer(session, author) : sessionCommitter;
        // a forced commit records what is unresolved in the commit (a later merge of it, or a branch made from it,
        // sees them) and leaves them in the working set, as Dolt keeps its conflict and violation artifacts:
        // dolt_constraint_violations still lists them and dolt_verify_constraints can re-check
        var artifacts = ws.mergeState() == null || !ws.mergeState().hasUnresolved() ? null
                : dev.scion.versioning.model.CommitArtifacts.of(ws.mergeState());
        var kept = artifacts == null ? null : artifacts.asKeptState(ws.working(), toCommit);
        Hash artifactsHash = artifacts == null ? null : buffer.put(artifacts.encode());
        WorkingSet next = new WorkingSet(ws.working(), toCommit, null, kept);
        if (p.has("amend")) { // replaces the head: its parents, and its message and author unless given
            var old = repo.readCommit(head);
            if (old.parents().isEmpty()) {
                throw new SqlError(ErrorCode.VERSIONING, "fatal: cannot amend the initial commit");
            }
            var amended = new dev.scion.versioning.model.Commit(toCommit, old.parents(),
                    p.value("author") != null ? author : old.author(), committer,
                    message != null ? message : old.message(), old.height());
            return repo.writeCommit(s.branch(), head, ws, amended, next, buffer).toString();
        }
        List<Hash> extra = ws.mergeSource() == null ? List.of() : List.of(ws.mergeSource());
        Hash h = repo.commit(s.branch(), head, ws, toCommit, extra, author, committer, message, artifactsHash, next,
                buffer);
        return h.toString();
    }

    /**
     * Who a commit the session makes now is signed by: the session user, with the parts @@dolt_committer_name,
     * _email and _date set replaced (every procedure's commits and SQL COMMIT's under @@dolt_transaction_commit).
     */
    public static dev.scion.versioning.model.Signature sessionCommitter(Session session) {
        return ProcedureSupport.who(session);
    }

    static long parseDate(String d) {
        try {
            String s = d.strip().replace(' ', 'T');
            if (s.length() == 10) {
                s = s + "T00:00:00";
            }
            if (s.endsWith("Z") || s.matches(".*T.*[+-]\\d\\d:\\d\\d")) {
                // RFC 3339 with a zone (2022-02-01T10:30:00Z, ...+02:00), which Dolt's --date takes too
                return java.time.OffsetDateTime.parse(s).toInstant().toEpochMilli();
            }
            return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        } catch (RuntimeException e) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_commit: cannot parse date '" + d + "'");
        }
    }

    /**
     * dolt_add stages into the transaction's own staged root, from its own working root: like a write, it is
     * published (merged with what others staged) at COMMIT, and undone by ROLLBACK.
     */
    static long add(Session session, List<String> args) {
        stage(writableBranch(session, "dolt_add"), ProcedureArgs.parse("dolt_add", args, Set.of()));
        return 0L;
    }

    private static void stage(DatabaseState s, ProcedureArgs p) {
        var repo = s.repo();
        var buffer = s.buffer();
        RootValue working = s.workingRoot();
        RootValue staged = repo.readRoot(buffer, s.stagedRootHash());
        boolean all = p.has("A", "all") || p.positional().contains(".");
        Hash newStaged;
        if (all && p.has("f", "force")) {
            newStaged = s.workingRootHash(); // --force stages the tables dolt_ignore names as well
        } else if (all) {
            newStaged = IgnorePatterns.stageAll(repo, buffer, working, staged).write(buffer);
        } else {
            RootValue next = staged;
            for (String t : p.positional()) {
                Optional<Hash> w = working.table(t);
                if (DatabaseCollationEntry.names(s, t)) {
                    next = next.withCollation(working.collation());
                } else if (w.isPresent()) {
                    next = next.withTable(working.resolveName(t).orElse(t), w.get());
                } else if (staged.table(t).isPresent()) {
                    next = next.withoutTable(t);
                } else {
                    throw new SqlError(ErrorCode.VERSIONING, "table not found: " + t);
                }
            }
            newStaged = next.write(buffer);
        }
        s.setStagedRoot(newStaged);
    }

    /** The current database for a procedure that stages: it needs a branch's working set. */
    private static DatabaseState writableBranch(Session session, String procedure) {
        DatabaseState s = writableCurrent(session, procedure);
        if (s.isDetached()) {
            throw new SqlError(ErrorCode.VERSIONING, procedure + ": HEAD is detached; there is no staged set");
        }
        return s;
    }

    static StatementResult checkout(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_checkout", args, Set.of("b", "B"));
        DatabaseState s = session.current();
        var repo = s.repo();
        String newBranch = p.value("b", "B");
        String message;
        if (newBranch != null) {
            session.requireNoPendingChanges(s);
            String start = p.positional().isEmpty() ? null : p.positional().get(0);
            Hash from = start == null ? session.headOf(s) : resolve(session, s, start);
            requireNoCaseTwin(repo, newBranch, null);
            if (p.has("no-overwrite-ignore") && start != null && !s.isReadOnly()) {
                requireIgnoredTablesKept(s, repo.readCommit(from).root());
            }
            if (p.value("B") != null && repo.branchHead(newBranch).isPresent()) {
                repo.forceBranch(newBranch, from); // -B resets an existing branch to the start point
            } else {
                repo.createBranch(newBranch, from);
            }
            if (start == null && !s.isReadOnly()) {
                WorkingSet current = repo.workingSet(s.branch());
                WorkingSet fresh = repo.workingSet(newBranch);
                if (!current.working().equals(fresh.working()) || !current.staged().equals(fresh.staged())) {
                    repo.updateWorkingSet(newBranch, fresh, new WorkingSet(current.working(), current.staged(), null),
                            repo.newBuffer());
                }
            }
            s.switchBranch(newBranch);
            message = "Switched to branch '" + newBranch + "'"; // Dolt's words for -b too
        } else {
            if (p.positional().isEmpty()) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_checkout: a branch name is required");
            }
            String target = p.positional().get(0);
            if (repo.branchHead(target).isEmpty()) {
                int dashes = args.indexOf("--");
                String tracking = trackingBranchNamed(repo, target);
                if (tracking != null && dashes != 0) {
                    if (dashes < 0 && s.workingRoot().resolveName(target).isPresent()) {
                        throw new SqlError(ErrorCode.VERSIONING, "'" + target + "' could be both a local table and "
                                + "a tracking branch.\nPlease use -- to disambiguate.");
                    }
                    return checkoutTracking(session, s, target, tracking);
                }
                if (repo.tagTarget(target).isPresent()) {
                    throw new SqlError(ErrorCode.VERSIONING, "dolt does not support a detached head state. To create a "
                            + "branch at this tag, run: \n\tCALL DOLT_CHECKOUT('" + target + "', '-b', <new_branch_name>)");
                }
                return TableCheckout.run(session, s, p.positional());
            }
            session.requireNoPendingChanges(s);
            if (p.has("no-overwrite-ignore") && !s.isReadOnly()) {
                requireIgnoredTablesKept(s, repo.workingSet(target).working());
            }
            s.switchBranch(target);
            message = "Switched to branch '" + target + "'";
        }
        return new StatementResult.Rows(List.of(ResultColumn.bigint("status"), ResultColumn.text("message")),
                RowStream.of(List.<Object[]>of(new Object[] {0L, message})));
    }

    /** The one remote-tracking branch {@code remote/name} for a branch name, or null when none or several. */
    private static String trackingBranchNamed(dev.scion.versioning.repo.Repository repo, String name) {
        List<String> found = dev.scion.versioning.remote.RemoteConfig.allTrackingBranches(repo).keySet().stream()
                .filter(t -> t.substring(t.indexOf('/') + 1).equals(name)).toList();
        return found.size() == 1 ? found.get(0) : null;
    }

    /**
     * git's "DWIM" checkout: a branch name only a remote-tracking branch has becomes a local branch at that commit,
     * with the remote branch as its upstream.
     */
    private static StatementResult checkoutTracking(Session session, DatabaseState s, String branch,
                                                    String tracking) {
        var repo = s.repo();
        session.requireNoPendingChanges(s);
        String remote = tracking.substring(0, tracking.indexOf('/'));
        repo.createBranch(branch, dev.scion.versioning.remote.RemoteConfig.allTrackingBranches(repo).get(tracking));
        dev.scion.versioning.remote.RemoteConfig.setUpstream(repo, branch, remote, branch);
        s.switchBranch(branch);
        String message = "Switched to branch '" + branch + "'\nbranch '" + branch + "' set up to track '" + tracking
                + "'.";
        return new StatementResult.Rows(List.of(ResultColumn.bigint("status"), ResultColumn.text("message")),
                RowStream.of(List.<Object[]>of(new Object[] {0L, message})));
    }

    /**
     * Dolt refuses to delete or rename a branch that another session has checked out (its current database is on
     * that branch) unless forced; the other session would otherwise lose its branch under it.
     */
    private static void refuseBranchInUse(Session session, DatabaseState s, String branch) {
        for (Session other : session.engine().sessions()) {
            if (other == session || other.isClosed() || other.currentDatabase() == null) {
                continue;
            }
            List<DatabaseState> bound;
            try {
                bound = new ArrayList<>();
                other.boundDatabases().forEach(bound::add);
            } catch (java.util.ConcurrentModificationException e) {
                continue; // that session is binding a database right now; it is not deleting our branch's ref
            }
            for (DatabaseState st : bound) {
                if (st.repo() == s.repo() && branch.equals(st.branch()) && !st.isReadOnly()
                        && st.name().equalsIgnoreCase(other.currentDatabase())) {
                    throw new SqlError(ErrorCode.VERSIONING, "unsafe to delete or rename branches in use in other "
                            + "sessions; use --force to force the change");
                }
            }
        }
    }

    /**
     * checkout --no-overwrite-ignore: refuses to switch when a table dolt_ignore names holds something else in the
     * target's working root than in the current one (the switch would replace it), as Dolt does.
     */
    private static void requireIgnoredTablesKept(DatabaseState s, Hash targetRoot) {
        var repo = s.repo();
        RootValue working = repo.readRoot(repo.chunks(), repo.workingSet(s.branch()).working());
        RootValue target = repo.readRoot(repo.chunks(), targetRoot);
        IgnorePatterns ignore = IgnorePatterns.of(repo, repo.chunks(), working);
        List<String> overwritten = new java.util.ArrayList<>();
        for (String t : working.tables().keySet()) {
            if (ignore.isIgnored(t) && !working.table(t).equals(target.table(t))) {
                overwritten.add(t);
            }
        }
        if (!overwritten.isEmpty()) {
            throw new SqlError(ErrorCode.VERSIONING, "error: checkout would overwrite the ignored tables "
                    + String.join(", ", overwritten) + "; commit them or remove them from dolt_ignore first");
        }
    }

    static long branch(Session session, List<String> args) {
        ProcedureArgs p = ProcedureArgs.parse("dolt_branch", args, Set.of());
        DatabaseState s = session.current();
        var repo = s.repo();
        List<String> pos = p.positional();
        boolean force = p.has("f", "force");
        if (p.has("d", "D", "delete")) {
            if (pos.isEmpty()) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "error: invalid usage");
            }
            for (String b : pos) {
                requireNonEmpty(b);
                Hash head = repo.branchHead(b).orElseThrow(() -> new SqlError(ErrorCode.VERSIONING,
                        "branch not found: " + b));
                if (b.equals(s.branch())) {
                    throw new SqlError(ErrorCode.VERSIONING, "error: cannot delete the checked out branch '" + b + "'");
                }
                // as git: a branch whose commits the current head does not hold would lose them; -D or -f forces
                if (!force && !p.has("D") && !MergeBase.isAncestor(repo, head, session.headOf(s))) {
                    throw new SqlError(ErrorCode.VERSIONING, "branch '" + b + "' is not fully merged");
                }
                if (!force && !p.has("D")) {
                    refuseBranchInUse(session, s, b);
                }
                repo.deleteBranch(b);
            }
            return 0L;
        }
        if (p.has("m", "move")) {
            requireArgs(pos, 2, "dolt_branch -m");
            String from = pos.get(0);
            String to = pos.get(1);
            requireNonEmpty(to);
            if (to.equalsIgnoreCase("HEAD")) {
                throw new SqlError(ErrorCode.VERSIONING, "not a valid user branch name: " + to);
            }
            if (repo.branchHead(from).isEmpty()) {
                throw new SqlError(ErrorCode.VERSIONING, "branch not found: " + from);
            }
            if (from.equals(to)) {
                return 0L; // renaming a branch to its own name changes nothing (git and Dolt agree)
            }
            requireNoCaseTwin(repo, to, from);
            if (!force) {
                refuseBranchInUse(session, s, from);
            }
            repo.renameBranch(from, to, force);
            return 0L;
        }
        if (p.has("c", "copy")) {
            requireArgs(pos, 2, "dolt_branch -c");
            requireNoCaseTwin(repo, pos.get(1), null);
            if (force && repo.branchHead(pos.get(1)).isPresent()) {
                repo.forceBranch(pos.get(1), resolve(session, s, pos.get(0)));
            } else {
                repo.createBranch(pos.get(1), resolve(session, s, pos.get(0)));
            }
            return 0L;
        }
        requireArgs(pos, 1, "dolt_branch");
        requireNonEmpty(pos.get(0));
        requireNoCaseTwin(repo, pos.get(0), null);
        Hash start = pos.size() > 1 ? resolve(session, s, pos.get(1)) : session.headOf(s);
        if (force && repo.branchHead(pos.get(0)).isPresent()) {
            repo.moveBranch(pos.get(0), repo.branchHead(pos.get(0)).get(), start);
        } else {
            repo.createBranch(pos.get(0), start);
        }
        return 0L;
    }

    private static void requireNonEmpty(String branch) {
        if (branch.isEmpty()) {
            throw new SqlError(ErrorCode.VERSIONING, "error: cannot branch empty string");
        }
    }

    /**
     * Branch names may not differ from an existing one only by case (Dolt refuses them, as branches become
     * case-insensitive database revisions); {@code except} is the branch being renamed, which does not count.
     */
    static void requireNoCaseTwin(dev.scion.versioning.repo.Repository repo, String name, String except) {
        for (String existing : repo.branches()) {
            if (existing.equalsIgnoreCase(name) && !existing.equals(name) && !existing.equals(except)) {
                throw new SqlError(ErrorCode.VERSIONING, "fatal: A branch named '" + existing + "' already exists.");
            }
        }
    }

    private static void requireArgs(List<String> pos, int n, String what) {
        if (pos.size() < n) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, what + ": expected " + n + " argument(s)");
        }
    }

    static Hash resolve(Session session, DatabaseState s, String rev) {
        Hash head = session.headOf(s);
        return new RevisionResolver(s.repo()).resolve(rev, head).map(RevisionResolver.Resolved::commit)
                .orElseThrow(() -> new SqlError(ErrorCode.VERSIONING, "invalid ref spec: " + rev));
    }

    /** HASHOF(ref): the commit hash a revision names. */
    public static String hashOf(Session session, String rev) {
        DatabaseState s = session.current();
        return resolve(session, s, rev == null ? "HEAD" : rev).toString();
    }

    /** SET @@<db>_head_ref = branch checks the branch out. Returns false if the name is not such a variable. */
    public static boolean setVersioningVariable(Session session, String name, Object value) {
        if (name.endsWith("_default_branch")) {
            Optional<DatabaseState> db = session.findDatabase(name.substring(0, name.length() - "_default_branch".length()));
            if (db.isPresent()) {
                String branch = String.valueOf(value);
                if (branch.startsWith("refs/heads/")) {
                    branch = branch.substring("refs/heads/".length());
                }
                if (db.get().repo().branchHead(branch).isEmpty()) {
                    throw new SqlError(ErrorCode.VERSIONING, "branch not found: " + branch);
                }
                session.engine().setGlobalVariable(name, branch);
                return true;
            }
        }
        for (String suffix : new String[] {"_head", "_working"}) {
            if (name.endsWith(suffix) && !name.endsWith("_head_ref")) {
                Optional<DatabaseState> s = VariableReader.stateFor(session, name.substring(0, name.length() - suffix.length()));
                if (s.isPresent()) {
                    try {
                        if (suffix.equals("_head")) {
                            DetachedHead.setHead(session, s.get(), value);
                        } else {
                            DetachedHead.setWorking(s.get(), value);
                        }
                    } catch (VersioningException e) {
                        throw new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
                    }
                    return true;
                }
            }
        }
        if (name.endsWith("_head_ref")) {
            String db = name.substring(0, name.length() - "_head_ref".length());
            Optional<DatabaseState> s = VariableReader.stateFor(session, db);
            if (s.isEmpty()) {
                return false;
            }
            String target = String.valueOf(value);
            if (target.startsWith("refs/heads/")) {
                target = target.substring("refs/heads/".length());
            }
            if (s.get().repo().branchHead(target).isEmpty()) {
                throw new SqlError(ErrorCode.VERSIONING, "branch not found: " + target);
            }
            session.requireNoPendingChanges(s.get());
            s.get().switchBranch(target);
            return true;
        }
        return false;
    }
}
