package dev.scion.versioning.ops;

import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.versioning.history.CommitLog;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RebaseState;
import dev.scion.versioning.model.RebaseStep;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.repo.VersioningException.Reason;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Interactive rebase, Dolt's way: {@link #start} makes a working branch {@code dolt_rebase_<branch>} at the
 * upstream commit and a plan (one {@code pick} per commit of the branch the upstream lacks, oldest first, merge
 * commits left out); the user edits the plan; {@link #proceed} replays it step by step on the working branch,
 * stopping at an {@code edit} or at conflicts, and when the plan is done moves the original branch to the result
 * and deletes the working branch. The plan and progress live in a ref of their own ({@link RefNames#rebase}),
 * written in the same atomic batch as each step's commit, so a crash never leaves a step half recorded.
 */
public final class RebaseOp {
    public static final String WORKING_BRANCH_PREFIX = "dolt_rebase_";

    private RebaseOp() {
    }

    /** How a call of {@link #proceed} ended. */
    public enum Kind { FINISHED, PAUSED_AT_EDIT }

    /** {@code commit}: the paused-at commit, or the rebased branch's new head. */
    public record Progress(Kind kind, String branch, Hash commit) {
    }

    /** The rebase running on {@code workingBranch}, if any. */
    public static Optional<RebaseState> state(Repository repo, String workingBranch) {
        if (workingBranch == null) {
            return Optional.empty();
        }
        byte[] raw = repo.store().readRef(RefNames.rebase(workingBranch));
        return raw == null ? Optional.empty() : Optional.of(RebaseState.decode(raw));
    }

    /**
     * Starts rebasing the context's branch onto {@code onto}: creates the working branch at onto, with the
     * default plan. Returns the working branch's name.
     */
    public static String start(BranchContext ctx, Hash onto, boolean keepEmpty, boolean keepBecomingEmpty) {
        ctx.requireNotMerging("rebase");
        if (UncommittedChanges.any(ctx)) {
            throw new VersioningException(Reason.DIRTY_WORKING_SET,
                    "cannot start a rebase with uncommitted changes");
        }
        Repository repo = ctx.repo();
        Hash head = ctx.head();
        List<RebaseStep> plan = defaultPlan(repo, head, onto);
        if (plan.isEmpty()) {
            throw new VersioningException(Reason.NOTHING_TO_COMMIT, "didn't identify any commits!");
        }
        String working = WORKING_BRANCH_PREFIX + ctx.branch();
        if (repo.branchHead(working).isPresent()) {
            throw new VersioningException(Reason.ALREADY_EXISTS,
                    "fatal: A branch named '" + working + "' already exists.");
        }
        RebaseState st = new RebaseState(ctx.branch(), head, onto, plan, keepEmpty, keepBecomingEmpty, null);
        Hash ontoRoot = repo.readCommit(onto).root();
        repo.store().commit(java.util.Map.of(), List.of(
                RefUpdate.cas(RefNames.branch(working), null, onto.bytes()),
                RefUpdate.set(RefNames.workingSet(working), WorkingSet.clean(ontoRoot).encode()),
                RefUpdate.cas(RefNames.rebase(working), null, st.encode())));
        return working;
    }

    /** One pick per commit reachable from head but not from onto, oldest first; merge commits are skipped. */
    static List<RebaseStep> defaultPlan(Repository repo, Hash head, Hash onto) {
        Set<Hash> upstream = new HashSet<>();
        new CommitLog(repo, onto).forEachRemaining(e -> upstream.add(e.hash()));
        List<CommitLog.Entry> picks = new ArrayList<>();
        new CommitLog(repo, List.of(head), upstream).forEachRemaining(e -> {
            if (e.commit().parents().size() == 1) {
                picks.add(e);
            }
        });
        Collections.reverse(picks);
        List<RebaseStep> plan = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            plan.add(new RebaseStep(BigDecimal.valueOf(i + 1).setScale(2), "pick", picks.get(i).hash(),
                    picks.get(i).commit().message()));
        }
        return plan;
    }

    /** Replaces the plan (the user's edits of the dolt_rebase table), by compare-and-swap on the state. */
    public static void replacePlan(Repository repo, String workingBranch, RebaseState expected,
                                   List<RebaseStep> plan) {
        RebaseState next = expected.withPlan(plan);
        try {
            repo.store().commit(java.util.Map.of(), List.of(RefUpdate.cas(RefNames.rebase(workingBranch),
                    expected.encode(), next.encode())));
        } catch (RuntimeException e) {
            throw new VersioningException(Reason.CONCURRENT_UPDATE,
                    "the rebase plan was changed concurrently; read it again");
        }
    }

    /** Drops the working branch and the state; returns the branch that was being rebased (left as it was). */
    public static String abort(Repository repo, String workingBranch) {
        RebaseState st = state(repo, workingBranch).orElseThrow(RebaseOp::noRebase);
        drop(repo, workingBranch);
        return st.branch();
    }

    private static void drop(Repository repo, String workingBranch) {
        repo.store().commit(java.util.Map.of(), List.of(RefUpdate.delete(RefNames.branch(workingBranch)),
                RefUpdate.delete(RefNames.workingSet(workingBranch)), RefUpdate.delete(RefNames.rebase(workingBranch))));
    }

    static VersioningException noRebase() {
        return new VersioningException(Reason.MERGE_STATE, "no rebase in progress");
    }

    /**
     * Goes on with the plan on the working branch {@code ctx} names: first finishes the step that stopped (the
     * resolved and staged conflict, or what an edit staged), then replays the remaining steps. Conflicts stop it
     * with an error and stay in the working set when {@code conflictsAllowed}; otherwise, and at any schema
     * conflict, the rebase is aborted.
     */
    public static Progress proceed(BranchContext ctx, Signature who, boolean conflictsAllowed) {
        Repository repo = ctx.repo();
        String working = ctx.branch();
        RebaseState st = state(repo, working).orElseThrow(RebaseOp::noRebase);
        if (!repo.branchHead(st.branch()).map(st.originalHead()::equals).orElse(false)) {
            drop(repo, working);
            throw new VersioningException(Reason.CONCURRENT_UPDATE,
                    "rebase aborted due to changes in branch " + st.branch());
        }
        if (st.lastAttempted() == null) {
            // squash and fixup fold into the commit before them, and before the first step there is only the
            // upstream's head, which a rebase must not rewrite
            st.plan().stream().filter(step -> !step.action().equals("drop")).findFirst()
                    .filter(RebaseStep::foldsIntoPrevious).ifPresent(step -> {
                        throw new VersioningException(Reason.INVALID_ARGUMENT, "invalid rebase plan: the first "
                                + "action cannot be " + step.action() + "; there is no earlier commit to fold into");
                    });
        }
        finishStoppedStep(ctx, st, who);
        for (RebaseStep step : st.remaining()) {
            st = st.withLastAttempted(step.order());
            Hash paused = apply(ctx, st, step, who, conflictsAllowed);
            if (paused != null) {
                return new Progress(Kind.PAUSED_AT_EDIT, st.branch(), paused);
            }
        }
        return new Progress(Kind.FINISHED, st.branch(), finish(ctx, st));
    }

    /** After a stop: commits what the user resolved and staged for the step, unless they committed it already. */
    private static void finishStoppedStep(BranchContext ctx, RebaseState st, Signature who) {
        WorkingSet ws = ctx.workingSet();
        if (ws.mergeState() != null && ws.mergeState().hasUnresolved()) {
            String tables = ws.mergeState().tables().stream().filter(t -> !t.isResolved())
                    .map(TableConflicts::table).collect(Collectors.joining(", "));
            throw new VersioningException(Reason.CONFLICT, "conflicts detected in tables " + tables
                    + "; resolve conflicts before continuing the rebase");
        }
        Commit head = ctx.headCommit();
        if (!ws.working().equals(ws.staged())) {
            throw new VersioningException(Reason.DIRTY_WORKING_SET, "unstaged changes detected after resolving "
                    + "conflicts; stage or discard changes before continuing the rebase");
        }
        RebaseStep step = st.step(st.lastAttempted());
        if (ws.staged().equals(head.root()) || step == null) {
            if (ws.isMerging()) {
                repo(ctx).updateWorkingSet(ctx.branch(), ws, WorkingSet.clean(head.root()), repo(ctx).newBuffer());
            }
            return;
        }
        Commit out;
        if (step.action().equals("edit")) { // what an edit staged belongs to the commit it paused at
            out = new Commit(ws.staged(), head.parents(), head.author(), who, head.message(), head.height());
        } else {
            out = stepCommit(head, ctx.head(), repo(ctx).readCommit(step.commit()), step, ws.staged(), who);
        }
        writeStep(ctx, ws, out, WorkingSet.clean(ws.staged()), st, repo(ctx).newBuffer());
    }

    private static Repository repo(BranchContext ctx) {
        return ctx.repo();
    }

    /**
     * Replays one step. Returns the new commit when the step is an edit (the caller pauses), else null. Clean
     * steps are committed together with the state naming them as attempted; conflicts stop with an error.
     */
    private static Hash apply(BranchContext ctx, RebaseState st, RebaseStep step, Signature who,
                              boolean conflictsAllowed) {
        Repository repo = ctx.repo();
        WorkingSet ws = ctx.workingSet();
        if (step.action().equals("drop")) {
            writeState(repo, ctx.branch(), st);
            return null;
        }
        Commit picked = repo.readCommit(step.commit());
        if (picked.parents().isEmpty()) {
            throw new VersioningException(Reason.INVALID_ARGUMENT, "cannot rebase the initial commit " + step.commit());
        }
        Hash parentRoot = repo.readCommit(picked.parents().get(0)).root();
        Hash headHash = ctx.head();
        Commit head = repo.readCommit(headHash);
        ThreeWayApply.Applied a = ThreeWayApply.merge(ctx, parentRoot, head.root(), picked.root());
        if (!a.result().isClean()) {
            String shortHash = step.commit().toString();
            if (a.result().conflicts().stream().anyMatch(t -> t.schemaConflict() != null)) {
                drop(repo, ctx.branch());
                throw new VersioningException(Reason.CONFLICT, "schema conflict detected while rebasing commit "
                        + shortHash + ". the rebase has been automatically aborted");
            }
            if (!conflictsAllowed) {
                drop(repo, ctx.branch());
                throw new VersioningException(Reason.CONFLICT, "data conflicts from rebase, but session settings "
                        + "do not allow preserving conflicts, so they cannot be resolved. The rebase has been "
                        + "aborted. Set @@autocommit to 0 or set @@dolt_allow_commit_conflicts to 1 and try the "
                        + "rebase again to resolve the conflicts.");
            }
            WorkingSet next = ThreeWayApply.conflictedWorkingSet(ctx, ws, a, null, "rebase " + step.commit(),
                    head.root());
            write(repo, ctx.branch(), headHash, headHash, ws, next, st, a.buffer());
            throw new VersioningException(Reason.CONFLICT, "data conflict detected while rebasing commit "
                    + shortHash + " (" + firstLine(step.message()) + "). \n\nResolve the conflicts and remove them "
                    + "from the dolt_conflicts_<table> tables, then continue the rebase by calling "
                    + "dolt_rebase('--continue')");
        }
        Hash merged = a.mergedRoot();
        if (!step.foldsIntoPrevious() && merged.equals(head.root())) {
            boolean wasEmpty = picked.root().equals(parentRoot);
            if (!(wasEmpty ? st.keepEmpty() : st.keepBecomingEmpty())) {
                writeState(repo, ctx.branch(), st);
                return null;
            }
        }
        Commit out = stepCommit(head, headHash, picked, step, merged, who);
        Hash h = writeStep(ctx, ws, out, WorkingSet.clean(merged), st, a.buffer());
        return step.action().equals("edit") ? h : null;
    }

    /**
     * The commit a step makes of {@code root}: a new child of the head (pick, edit; reword with the plan's
     * message), or for squash and fixup the head amended (squash joins the messages, fixup keeps the head's).
     */
    private static Commit stepCommit(Commit head, Hash headHash, Commit picked, RebaseStep step, Hash root,
                                     Signature who) {
        if (step.foldsIntoPrevious()) {
            String message = step.action().equals("squash") ? head.message() + "\n\n" + step.message()
                    : head.message();
            return new Commit(root, head.parents(), head.author(), who, message, head.height());
        }
        String message = step.action().equals("reword") ? step.message() : picked.message();
        return new Commit(root, List.of(headHash), picked.author(), who, message, head.height() + 1);
    }

    private static Hash writeStep(BranchContext ctx, WorkingSet ws, Commit out, WorkingSet next, RebaseState st,
                                  ChunkBuffer buf) {
        Hash h = buf.put(out.encode());
        write(ctx.repo(), ctx.branch(), ctx.head(), h, ws, next, st, buf);
        return h;
    }

    /** The working branch's head, working set and the rebase state, in one atomic batch of compare-and-swaps. */
    private static void write(Repository repo, String working, Hash expectedHead, Hash newHead, WorkingSet expectedWs,
                              WorkingSet next, RebaseState st, ChunkBuffer buf) {
        byte[] rawWs = repo.store().readRef(RefNames.workingSet(working));
        if (rawWs != null && !Arrays.equals(rawWs, expectedWs.encode())) {
            throw concurrent(working);
        }
        try {
            repo.store().commit(buf.pending(), List.of(
                    RefUpdate.cas(RefNames.branch(working), expectedHead.bytes(), newHead.bytes()),
                    RefUpdate.cas(RefNames.workingSet(working), rawWs, next.encode()),
                    RefUpdate.set(RefNames.rebase(working), st.encode())));
        } catch (RuntimeException e) {
            throw concurrent(working);
        }
        buf.clear();
    }

    private static void writeState(Repository repo, String working, RebaseState st) {
        repo.store().commit(java.util.Map.of(), List.of(RefUpdate.set(RefNames.rebase(working), st.encode())));
    }

    private static VersioningException concurrent(String branch) {
        return new VersioningException(Reason.CONCURRENT_UPDATE,
                "branch '" + branch + "' was changed by another session during the rebase; try again");
    }

    /**
     * The plan is done: the rebased branch moves to the working branch's head, keeping its own uncommitted
     * tables (those dolt_ignore ignores) on top, and the working branch and state go, all in one batch.
     */
    private static Hash finish(BranchContext ctx, RebaseState st) {
        Repository repo = ctx.repo();
        String working = ctx.branch();
        Hash newHead = ctx.head();
        RootValue newRoot = ctx.root(repo.readCommit(newHead).root());
        BranchContext original = new BranchContext(repo, st.branch());
        WorkingSet ws = original.workingSet();
        ChunkBuffer buf = repo.newBuffer();
        RootValue oldHeadRoot = ctx.root(repo.readCommit(st.originalHead()).root());
        WorkingSet next = UncommittedChanges.carry(original, buf, ws, oldHeadRoot, newRoot, newRoot);
        byte[] rawWs = repo.store().readRef(RefNames.workingSet(st.branch()));
        try {
            repo.store().commit(buf.pending(), List.of(
                    RefUpdate.cas(RefNames.branch(st.branch()), st.originalHead().bytes(), newHead.bytes()),
                    RefUpdate.cas(RefNames.workingSet(st.branch()), rawWs, next.encode()),
                    RefUpdate.delete(RefNames.branch(working)), RefUpdate.delete(RefNames.workingSet(working)),
                    RefUpdate.delete(RefNames.rebase(working))));
        } catch (RuntimeException e) {
            drop(repo, working);
            throw new VersioningException(Reason.CONCURRENT_UPDATE,
                    "rebase aborted due to changes in branch " + st.branch());
        }
        buf.clear();
        return newHead;
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
