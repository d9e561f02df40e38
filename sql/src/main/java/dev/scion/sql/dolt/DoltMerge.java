package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.Signature;
import dev.scion.storage.Hash;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.MergeBase;
import dev.scion.versioning.ops.MergeOp;
import dev.scion.versioning.ops.MergeOptions;
import dev.scion.versioning.ops.MergeOutcome;

import java.util.List;
import java.util.Set;

/**
 * dolt_merge(branch, ['--no-ff'], ['--ff-only'], ['--squash'], ['--no-commit' | '--commit'], ['-m', msg],
 * ['--author', a]) / ('--abort'):
 * merges into the session's branch with the versioning library's merge. Result: hash, fast_forward, conflicts,
 * message. A merge that leaves conflicts in an autocommit statement is undone and fails, unless the session allows
 * committing conflicts, because nobody could resolve them before the statement's own commit.
 */
final class DoltMerge {
    static final List<String> COLUMNS = List.of("hash", "fast_forward", "conflicts", "message");

    private DoltMerge() {
    }

    static StatementResult call(Session session, List<String> args) {
        // Dolt's parser also takes the long flag with one dash
        List<String> normalised = args.stream().map(a -> "-no-ff".equals(a) ? "--no-ff" : a).toList();
        ProcedureArgs p = ProcedureArgs.parse("dolt_merge", normalised, Set.of("m", "message", "author"));
        boolean autocommitStatement = session.autocommit() && !session.inExplicitTransaction();
        DatabaseState s = ProcedureSupport.writable(session, "dolt_merge");
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_merge");
        if (p.has("abort")) {
            MergeOp.abort(ctx);
            s.setMergeConflictsPending(false);
            return ProcedureSupport.row(COLUMNS, "", 0L, 0L, "merge aborted");
        }
        ProcedureSupport.requireArgs(p.positional(), 1, "dolt_merge");
        boolean noFastForward = p.has("no-ff");
        if (p.has("commit") && p.has("no-commit")) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "cannot define both 'commit' and 'no-commit' flags at the same time");
        }
        if (p.has("ff-only")) {
            for (String other : List.of("squash", "no-ff")) {
                if (p.has(other) || other.equals("no-ff") && noFastForward) {
                    throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                            "error: Flags '--ff-only' and '--" + other + "' cannot be used together");
                }
            }
        }
        String revision = p.positional().get(0);
        Hash theirs = ctx.resolve(revision);
        Hash head = ctx.head();
        if (p.has("ff-only") && !MergeBase.isAncestor(ctx.repo(), head, theirs)
                && !MergeBase.isAncestor(ctx.repo(), theirs, head)) {
            throw new SqlError(ErrorCode.VERSIONING, "fatal: Not possible to fast-forward, aborting.");
        }
        Signature who = ProcedureSupport.who(session);
        if (p.value("author") != null) {
            who = Signature.parse(p.value("author"), who.timeMillis());
        }
        MergeOptions o = new MergeOptions(noFastForward, p.has("squash"), p.has("no-commit"),
                p.value("m", "message"), who);
        // Dolt reports a squash of a branch the head could fast-forward to as a fast-forward
        boolean fastForwardable = p.has("squash") && MergeBase.isAncestor(ctx.repo(), head, theirs);
        MergeOutcome out = MergeOp.merge(ctx, revision, o);
        if ((out.kind() == MergeOutcome.Kind.COMMITTED || out.kind() == MergeOutcome.Kind.FAST_FORWARD)
                && !p.has(CommitVerification.SKIP)) {
            var failed = CommitVerification.undoIfFailing(session, s, ctx, head, out.commit(), theirs, revision);
            if (failed.isPresent()) { // the merge stays staged; dolt_commit finishes it once the tests pass
                return ProcedureSupport.row(COLUMNS, "", 0L, 0L, failed.get());
            }
        }
        return switch (out.kind()) {
            case UP_TO_DATE -> ProcedureSupport.row(COLUMNS, "", 0L, 0L, theirs.equals(head)
                    ? "Everything up-to-date" : "cannot fast forward from a to b. a is ahead of b already");
            case FAST_FORWARD -> ProcedureSupport.row(COLUMNS, out.commit().toString(), 1L, 0L, "merge successful");
            case COMMITTED -> ProcedureSupport.row(COLUMNS, out.commit().toString(), 0L, 0L, "merge successful");
            case STAGED -> ProcedureSupport.row(COLUMNS, "", fastForwardable ? 1L : 0L, 0L, "merge successful");
            case CONFLICTS -> conflicts(session, s, ctx, autocommitStatement, out.conflicts());
        };
    }

    private static StatementResult conflicts(Session session, DatabaseState s, BranchContext ctx,
                                             boolean autocommitStatement,
                                             java.util.List<dev.scion.versioning.model.TableConflicts> found) {
        boolean allowed = ProcedureSupport.flag(session, "dolt_allow_commit_conflicts")
                || ProcedureSupport.flag(session, "dolt_force_transaction_commit");
        if (autocommitStatement && !allowed) {
            // only constraint violations: the autocommit's transaction commit refuses them, listing each kind
            boolean onlyViolations = found.stream().allMatch(c -> c.rowConflictCount() == 0
                    && c.schemaConflict() == null);
            String listing = onlyViolations ? ViolationListing.of(ctx, found) : null;
            MergeOp.abort(ctx);
            if (listing != null) {
                throw new SqlError(ErrorCode.VERSIONING, dev.scion.sql.session.TransactionCommitter
                        .CONSTRAINT_VIOLATIONS + "\nConstraint violations: " + listing);
            }
            throw new SqlError(ErrorCode.VERSIONING, "Merge conflict detected, @autocommit transaction rolled back. "
                    + "@autocommit must be disabled so that merge conflicts can be resolved using the dolt_conflicts "
                    + "and dolt_schema_conflicts tables before manually committing the transaction. Alternatively, to "
                    + "commit transactions with merge conflicts, set @@dolt_allow_commit_conflicts = 1");
        }
        if (!allowed) {
            s.setMergeConflictsPending(true);
        }
        return ProcedureSupport.row(COLUMNS, "", 0L, 1L, "conflicts found");
    }
}
