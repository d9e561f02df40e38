package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.RebaseOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * dolt_rebase([-i | --interactive] [--empty=drop|keep] upstream) / ('--continue') / ('--abort'). Interactive:
 * the session moves to the working branch dolt_rebase_&lt;branch&gt; and the plan appears in the dolt_rebase table;
 * --continue replays it (versioning {@link RebaseOp}). Without -i the default plan runs at once. Result: status,
 * message.
 */
final class DoltRebase {
    private static final List<String> COLUMNS = List.of("status", "message");

    private DoltRebase() {
    }

    /** The arguments as Dolt's parser reads them. */
    private record Args(boolean interactive, boolean doContinue, boolean abort, String empty, List<String> positional) {
    }

    static StatementResult call(Session session, List<String> raw) {
        Args a = parse(raw);
        if (session.currentDatabase() == null) {
            throw new SqlError(ErrorCode.NO_DB_SELECTED, "no database selected");
        }
        DatabaseState s = ProcedureSupport.writable(session, "dolt_rebase");
        if (a.abort()) {
            return abort(session, s);
        }
        if (a.doContinue()) {
            return proceed(session, s);
        }
        if (a.positional().isEmpty()) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "not enough args");
        }
        if (a.positional().size() > 1) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "rebase takes at most one positional argument.");
        }
        boolean keepBecomingEmpty = switch (a.empty() == null ? "drop" : a.empty().toLowerCase(Locale.ROOT)) {
            case "drop" -> false;
            case "keep" -> true;
            default -> throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                    "unsupported option for the empty flag: " + a.empty());
        };
        Hash onto = DiffSides.resolveCommit(session, s, a.positional().get(0));
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_rebase");
        session.requireNoPendingChanges(s);
        String working = RebaseOp.start(ctx, onto, true, keepBecomingEmpty);
        s.switchBranch(working);
        if (!a.interactive()) {
            return proceed(session, s);
        }
        return ProcedureSupport.row(COLUMNS, 0L, "interactive rebase started on branch " + working
                + "; adjust the rebase plan in the dolt_rebase table, then continue rebasing by calling "
                + "dolt_rebase('--continue')");
    }

    private static Args parse(List<String> raw) {
        boolean interactive = false;
        boolean doContinue = false;
        boolean abort = false;
        String empty = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String arg = raw.get(i);
            if (arg == null) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "dolt_rebase: NULL is not a valid argument");
            }
            switch (arg) {
                case "-i", "--interactive" -> interactive = true;
                case "--continue" -> doContinue = true;
                case "--skip-verification" -> { } // rebased commits are not verified (see docs/versioned-sql.md)
                case "--abort" -> abort = true;
                case "--empty" -> {
                    if (i + 1 >= raw.size()) {
                        throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "error: no value for option `empty'");
                    }
                    empty = raw.get(++i);
                }
                default -> {
                    if (arg.startsWith("--empty=")) {
                        empty = arg.substring("--empty=".length());
                    } else if (arg.startsWith("-")) {
                        throw new SqlError(ErrorCode.WRONG_ARGUMENTS,
                                "error: unknown option `" + arg.replaceFirst("^--?", "") + "'");
                    } else {
                        positional.add(arg);
                    }
                }
            }
        }
        return new Args(interactive, doContinue, abort, empty, positional);
    }

    private static StatementResult abort(Session session, DatabaseState s) {
        if (RebaseOp.state(s.repo(), s.branch()).isEmpty()) {
            throw new SqlError(ErrorCode.VERSIONING, "no rebase in progress");
        }
        ProcedureSupport.branch(session, "dolt_rebase"); // commits the SQL transaction first
        session.requireNoPendingChanges(s);
        String original = RebaseOp.abort(s.repo(), s.branch());
        s.switchBranch(original);
        return ProcedureSupport.row(COLUMNS, 0L, "Interactive rebase aborted");
    }

    private static StatementResult proceed(Session session, DatabaseState s) {
        if (RebaseOp.state(s.repo(), s.branch()).isEmpty()) {
            throw new SqlError(ErrorCode.VERSIONING, "no rebase in progress");
        }
        String working = s.branch();
        BranchContext ctx = ProcedureSupport.branch(session, "dolt_rebase");
        // conflicts can only be left for the user to resolve when the session would not refuse to commit them
        boolean keepConflicts = !session.autocommit() || ProcedureSupport.flag(session, "dolt_allow_commit_conflicts")
                || ProcedureSupport.flag(session, "dolt_force_transaction_commit");
        RebaseOp.Progress p;
        try {
            p = RebaseOp.proceed(ctx, ProcedureSupport.who(session), keepConflicts);
        } finally {
            if (RebaseOp.state(s.repo(), working).isEmpty() && s.repo().branchHead(working).isEmpty()) {
                // finished or aborted (schema conflict, unresolvable conflicts, moved branch): back to the branch
                String original = working.substring(RebaseOp.WORKING_BRANCH_PREFIX.length());
                session.requireNoPendingChanges(s);
                s.switchBranch(original);
            }
        }
        if (p.kind() == RebaseOp.Kind.PAUSED_AT_EDIT) {
            return ProcedureSupport.row(COLUMNS, 0L, "edit action paused at commit " + p.commit()
                    + ". You can now modify the working directory and stage changes. When you're ready, continue "
                    + "the rebase by calling dolt_rebase('--continue')");
        }
        return ProcedureSupport.row(COLUMNS, 0L, "Successfully rebased and updated refs/heads/" + p.branch());
    }
}
