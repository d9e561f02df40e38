package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code scion diff}: as git — no revision compares staged with working, --staged compares HEAD with staged,
 * one revision compares it with working, two (or a..b) compare them. Anything after the revisions names tables.
 * WORKING and STAGED can be used as revisions too.
 */
@Command(name = "diff", description = "Show changes between the working set, staged tables and commits.")
public final class DiffCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Option(names = {"--staged", "--cached"}, description = "Compare HEAD with the staged tables.")
    boolean staged;

    @Option(names = {"-r", "--sql"}, description = "Print SQL statements that turn the old version into the new.")
    boolean sql;

    @Option(names = "--stat", description = "Print per-table counts of changed rows.")
    boolean stat;

    @Parameters(arity = "0..*", paramLabel = "[<revision> [<revision>]] [<table>...]")
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        WorkingSet w = ctx.workingSet();
        List<String> rest = new ArrayList<>(args);
        List<Hash> revs = new ArrayList<>();
        if (!rest.isEmpty() && rest.get(0).contains("..") && !rest.get(0).equals("..")) {
            String[] ab = rest.remove(0).split("\\.\\.", 2);
            revs.add(rootOf(ctx, ab[0].isEmpty() ? "HEAD" : ab[0]));
            revs.add(rootOf(ctx, ab[1].isEmpty() ? "HEAD" : ab[1]));
        } else {
            while (!rest.isEmpty() && revs.size() < 2) {
                if (rest.get(0).equals("--")) {
                    rest.remove(0);
                    break;
                }
                Hash r = tryRoot(ctx, rest.get(0));
                if (r == null) {
                    break;
                }
                revs.add(r);
                rest.remove(0);
            }
        }
        Hash from;
        Hash to;
        if (revs.size() == 2) {
            from = revs.get(0);
            to = revs.get(1);
        } else if (revs.size() == 1) {
            from = revs.get(0);
            to = staged ? w.staged() : w.working();
        } else if (staged) {
            from = ctx.headCommit().root();
            to = w.staged();
        } else {
            from = w.staged();
            to = w.working();
        }
        RootValue f = ctx.root(from);
        RootValue t = ctx.root(to);
        DatabaseCollationDiff collation = new DatabaseCollationDiff(ws.repo(), term,
                ws.dir().getFileName().toString());
        for (String table : rest) {
            if (f.table(table).isEmpty() && t.table(table).isEmpty() && !collation.entry().equalsIgnoreCase(table)) {
                throw new CliError("fatal: ambiguous argument '" + table + "': unknown revision or table", 128);
            }
        }
        DiffPrinter.Mode mode = sql ? DiffPrinter.Mode.SQL : stat ? DiffPrinter.Mode.STAT : DiffPrinter.Mode.TABLE;
        collation.print(mode, f, t, rest);
        new DiffPrinter(ws.repo(), term, mode).print(f, t, rest);
        return 0;
    }

    private static Hash rootOf(BranchContext ctx, String rev) {
        return ctx.resolveRoot(rev);
    }

    private static Hash tryRoot(BranchContext ctx, String rev) {
        try {
            return ctx.resolveRoot(rev);
        } catch (VersioningException e) {
            return null;
        }
    }
}
