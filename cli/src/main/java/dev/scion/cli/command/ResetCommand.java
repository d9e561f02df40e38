package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.ResetOp;
import dev.scion.versioning.repo.VersioningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code scion reset}: move HEAD (--soft, --mixed, --hard) or unstage tables. */
@Command(name = "reset", description = "Reset HEAD, the staged tables and the working set.")
public final class ResetCommand extends RepoCommand {
    @Option(names = "--soft", description = "Move HEAD only.")
    boolean soft;

    @Option(names = "--mixed", description = "Move HEAD and reset the staged tables (default).")
    boolean mixed;

    @Option(names = "--hard", description = "Move HEAD and discard staged and working changes.")
    boolean hard;

    @Parameters(arity = "0..*", paramLabel = "[<revision>] | [--] <table>...")
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        ResetOp.Mode mode = hard ? ResetOp.Mode.HARD : soft ? ResetOp.Mode.SOFT : ResetOp.Mode.MIXED;
        if ((soft ? 1 : 0) + (mixed ? 1 : 0) + (hard ? 1 : 0) > 1) {
            throw new CliError("fatal: choose one of --soft, --mixed, --hard");
        }
        boolean tables = !args.isEmpty() && args.get(0).equals("--");
        if (!tables && args.size() <= 1) {
            String rev = args.isEmpty() ? null : args.get(0);
            if (rev == null || isRevision(ctx, rev) || soft || hard) {
                Hash h = ResetOp.toRevision(ctx, rev, mode);
                if (hard) {
                    term.out().println("HEAD is now at " + h + " "
                            + LogCommand.firstLine(ws.repo().readCommit(h).message()));
                }
                return 0;
            }
        }
        if (soft || hard) {
            throw new CliError("fatal: Cannot do " + (soft ? "soft" : "hard") + " reset with tables.");
        }
        ResetOp.tables(ctx, tables ? args.subList(1, args.size()) : args);
        return 0;
    }

    private static boolean isRevision(BranchContext ctx, String rev) {
        try {
            ctx.resolve(rev);
            return true;
        } catch (VersioningException e) {
            return false;
        }
    }
}
