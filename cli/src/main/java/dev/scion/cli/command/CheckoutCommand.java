package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.CheckoutOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code scion checkout}: switch branch (carrying uncommitted changes when nothing would be lost), create and
 * switch with -b, or discard working changes to tables ({@code checkout [--] <table>...}).
 */
@Command(name = "checkout", description = "Switch branches or restore tables.")
public final class CheckoutCommand extends RepoCommand {
    @Option(names = "-b", paramLabel = "<new-branch>", description = "Create a branch and switch to it.")
    String create;

    @Parameters(arity = "0..*", paramLabel = "<branch> | [--] <table>...")
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        if (create != null) {
            if (args.size() > 1) {
                throw new CliError("fatal: too many arguments for -b");
            }
            CheckoutOp.createAndSwitch(ctx, create, args.isEmpty() ? null : args.get(0));
            ws.repo().setDefaultBranch(create);
            term.err().println("Switched to a new branch '" + create + "'");
            return 0;
        }
        if (args.isEmpty()) {
            throw new CliError("fatal: you must name a branch or tables");
        }
        boolean tables = args.get(0).equals("--");
        List<String> names = tables ? args.subList(1, args.size()) : args;
        if (!tables && names.size() == 1 && ws.repo().branchHead(names.get(0)).isPresent()) {
            String target = names.get(0);
            if (target.equals(ws.branch())) {
                term.err().println("Already on '" + target + "'");
                return 0;
            }
            CheckoutOp.switchTo(ctx, target);
            ws.repo().setDefaultBranch(target);
            term.err().println("Switched to branch '" + target + "'");
            return 0;
        }
        CheckoutOp.restoreTables(ctx, names);
        term.err().println("Updated " + names.size() + " table" + (names.size() == 1 ? "" : "s")
                + " from the staged set");
        return 0;
    }
}
