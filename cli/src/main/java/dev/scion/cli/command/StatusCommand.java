package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.ops.Status;
import dev.scion.versioning.ops.StatusOp;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.List;

/** {@code scion status}: what is staged, what is not, what is untracked, and any merge in progress. */
@Command(name = "status", description = "Show the working set status.")
public final class StatusCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Override
    protected int run(Workspace ws) {
        Status s = StatusOp.run(ws.context());
        PrintStream out = term.out();
        var detached = ws.detached();
        out.println(detached.isPresent() ? "HEAD detached at " + FetchCommand.shortHash(detached.get())
                : "On branch " + s.branch());
        if (s.isMerging()) {
            boolean unresolved = s.mergeState() != null && s.mergeState().hasUnresolved();
            if (unresolved) {
                out.println("You have unmerged tables.");
                out.println("  (fix conflicts and run \"scion commit\")");
                out.println("  (use \"scion merge --abort\" to abort the merge)");
            } else {
                out.println("All conflicts fixed but you are still merging.");
                out.println("  (use \"scion commit\" to conclude merge)");
            }
        }
        boolean any = false;
        String collationEntry = Status.DATABASE_ENTRY_PREFIX + ws.dir().getFileName();
        if (!s.staged().isEmpty() || s.collationStaged()) {
            out.println();
            out.println("Changes to be committed:");
            out.println("  (use \"scion reset <table>...\" to unstage)");
            if (s.collationStaged()) {
                out.println("\t" + term.green(pad("modified:") + collationEntry));
            }
            print(out, s.staged(), true);
            any = true;
        }
        if (s.mergeState() != null && s.mergeState().hasUnresolved()) {
            out.println();
            out.println("Unmerged tables:");
            out.println("  (use \"scion conflicts cat <table>\" and \"scion conflicts resolve\" to resolve)");
            for (TableConflicts c : s.mergeState().tables()) {
                if (!c.isResolved()) {
                    String what = c.schemaConflict() != null ? "schema conflict"
                            : c.rowConflictCount() > 0 && c.violationCount() > 0 ? "both modified, constraint violation"
                            : c.rowConflictCount() > 0 ? "both modified" : "constraint violation";
                    out.println("\t" + term.red(pad(what + ":") + c.table()));
                }
            }
            any = true;
        }
        List<TableDelta> unstaged = s.unstaged().stream().filter(d -> s.mergeState() == null
                || s.mergeState().table(d.name()).map(TableConflicts::isResolved).orElse(true)).toList();
        if (!unstaged.isEmpty() || s.collationUnstaged()) {
            out.println();
            out.println("Changes not staged for commit:");
            out.println("  (use \"scion add <table>\" to update what will be committed)");
            out.println("  (use \"scion checkout <table>\" to discard changes in working set)");
            if (s.collationUnstaged()) {
                out.println("\t" + term.red(pad("modified:") + collationEntry));
            }
            print(out, unstaged, false);
            any = true;
        }
        if (!s.untracked().isEmpty()) {
            out.println();
            out.println("Untracked tables:");
            out.println("  (use \"scion add <table>\" to include in what will be committed)");
            print(out, s.untracked(), false);
            any = true;
        }
        if (!any && !s.isMerging()) {
            out.println("nothing to commit, working tree clean");
        }
        return 0;
    }

    private void print(PrintStream out, List<TableDelta> deltas, boolean staged) {
        for (TableDelta d : deltas) {
            String line = pad(d.describe() + ":") + d.name();
            out.println("\t" + (staged ? term.green(line) : term.red(line)));
        }
    }

    private static String pad(String s) {
        return s.length() >= 18 ? s + " " : s + " ".repeat(18 - s.length());
    }
}
