package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.BranchOp;
import dev.scion.versioning.ops.CheckoutOp;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.storage.Hash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code scion checkout}: switch branch (carrying uncommitted changes when nothing would be lost), create and
 * switch with -b, discard working changes to tables ({@code checkout [--] <table>...}), or detach HEAD at a
 * commit that is not a branch ({@code checkout <hash|tag|HEAD~2>}, read-only).
 */
@Command(name = "checkout", description = "Switch branches or restore tables.")
public final class CheckoutCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Option(names = "-b", paramLabel = "<new-branch>", description = "Create a branch and switch to it.")
    String create;

    @Parameters(arity = "0..*", paramLabel = "<branch> | [--] <table>...")
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        Optional<Hash> detached = ws.detached();
        if (create != null) {
            if (args.size() > 1) {
                throw new CliError("fatal: too many arguments for -b");
            }
            String start = args.isEmpty() ? detached.map(Hash::toString).orElse(null) : args.get(0);
            if (detached.isPresent()) {
                // nothing to carry: a detached HEAD has no changes of its own
                BranchOp.create(ws.context(), create, start, false);
                ws.repo().setDefaultBranch(create);
                ws.attach();
            } else {
                CheckoutOp.createAndSwitch(ws.context(), create, start);
                ws.repo().setDefaultBranch(create);
            }
            term.err().println("Switched to a new branch '" + create + "'");
            return 0;
        }
        if (args.isEmpty()) {
            throw new CliError("fatal: you must name a branch or tables");
        }
        boolean tables = args.get(0).equals("--");
        List<String> names = tables ? args.subList(1, args.size()) : args;
        if (!tables && names.size() == 1 && ws.repo().branchHead(names.get(0)).isPresent()) {
            return switchBranch(ws, names.get(0), detached);
        }
        if (!tables && names.size() == 1 && !isTable(ws, names.get(0))) {
            Optional<Hash> commit = revision(ws, names.get(0));
            if (commit.isPresent()) {
                return detach(ws, names.get(0), commit.get(), detached);
            }
        }
        if (detached.isPresent()) {
            for (String n : names) {
                if (!isTable(ws, n)) {
                    throw new CliError("error: pathspec '" + n + "' did not match any branch or table");
                }
            }
            throw new CliError("error: HEAD is detached at " + FetchCommand.shortHash(detached.get())
                    + " (read-only): there are no working changes to discard");
        }
        CheckoutOp.restoreTables(ws.context(), names);
        term.err().println("Updated " + names.size() + " table" + (names.size() == 1 ? "" : "s")
                + " from the staged set");
        return 0;
    }

    private int switchBranch(Workspace ws, String target, Optional<Hash> detached) {
        if (detached.isPresent()) {
            // the branch's own working set was left as it was when HEAD was detached: just go back to it
            Hash was = detached.get();
            ws.repo().setDefaultBranch(target);
            ws.attach();
            term.err().println("Previous HEAD position was " + position(ws, was));
            term.err().println("Switched to branch '" + target + "'");
            return 0;
        }
        if (target.equals(ws.branch())) {
            term.err().println("Already on '" + target + "'");
            return 0;
        }
        CheckoutOp.switchTo(ws.context(), target);
        ws.repo().setDefaultBranch(target);
        term.err().println("Switched to branch '" + target + "'");
        return 0;
    }

    /**
     * {@code checkout <commit>}: git's detached HEAD, read-only here. The branch left behind keeps its working
     * set (each branch has its own), so nothing is carried and nothing can be lost.
     */
    private int detach(Workspace ws, String spec, Hash commit, Optional<Hash> before) {
        if (before.isEmpty()) {
            ws.context().requireNotMerging("checkout");
        }
        ws.detach(commit);
        String subject = LogCommand.firstLine(ws.repo().readCommit(commit).message());
        if (before.isPresent() && !before.get().equals(commit)) {
            term.err().println("Previous HEAD position was " + position(ws, before.get()));
        }
        term.err().println("Note: switching to '" + spec + "'.");
        term.err().println();
        term.err().println("You are in 'detached HEAD' state. You can look around and run commands that read;");
        term.err().println("commits, merges and other changes are refused until you switch to a branch. To keep");
        term.err().println("working from here, create one:");
        term.err().println();
        term.err().println("  scion checkout -b <new-branch-name>");
        term.err().println();
        term.err().println("HEAD is now at " + FetchCommand.shortHash(commit) + " " + subject);
        return 0;
    }

    /** "abcd1234 subject", or just the hash of a commit the garbage collector has removed since. */
    private static String position(Workspace ws, Hash commit) {
        if (!ws.repo().chunks().has(commit)) {
            return FetchCommand.shortHash(commit) + " (no longer exists)";
        }
        return FetchCommand.shortHash(commit) + " " + LogCommand.firstLine(ws.repo().readCommit(commit).message());
    }

    private static boolean isTable(Workspace ws, String name) {
        BranchContext ctx = ws.context();
        return ctx.root(ctx.workingSet().working()).table(name).isPresent();
    }

    private static Optional<Hash> revision(Workspace ws, String spec) {
        try {
            return Optional.of(ws.context().resolve(spec));
        } catch (VersioningException e) {
            if (e.reason() == VersioningException.Reason.NOT_FOUND && !e.getMessage().contains("is ambiguous")) {
                return Optional.empty();
            }
            throw e; // an ambiguous short hash says so
        }
    }
}
