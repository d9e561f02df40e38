package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.remote.RemoteConfig;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.BranchOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code scion branch}: list, create (-f to move), copy (-c/-C), rename (-m/-M), delete (-d/-D) branches. */
@Command(name = "branch", description = "List, create, copy, rename or delete branches.")
public final class BranchCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Option(names = {"-v", "--verbose"}, description = "Show the head commit of each branch.")
    boolean verbose;

    @Option(names = {"-f", "--force"}, description = "Move an existing branch / overwrite on copy and rename.")
    boolean force;

    @Option(names = {"-c", "--copy"}, description = "Copy a branch.")
    boolean copy;

    @Option(names = "-C", description = "Copy a branch, replacing the target.")
    boolean copyForce;

    @Option(names = {"-m", "--move"}, description = "Rename a branch.")
    boolean move;

    @Option(names = "-M", description = "Rename a branch, replacing the target.")
    boolean moveForce;

    @Option(names = {"-d", "--delete"}, description = "Delete merged branches.")
    boolean delete;

    @Option(names = "-D", description = "Delete branches even if not merged.")
    boolean deleteForce;

    @Option(names = "--show-current", description = "Print the checked-out branch.")
    boolean showCurrent;

    @Option(names = {"-a", "--all"}, description = "List remote-tracking branches too.")
    boolean all;

    @Option(names = {"-r", "--remotes"}, description = "List only remote-tracking branches.")
    boolean remotes;

    @Parameters(arity = "0..*", paramLabel = "<name>")
    List<String> names = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        if (showCurrent) {
            if (ws.branch() != null) { // nothing while HEAD is detached, as git
                term.out().println(ws.branch());
            }
            return 0;
        }
        if (delete || deleteForce) {
            if (names.isEmpty()) {
                throw new CliError("fatal: branch name required");
            }
            for (String n : names) {
                Hash h = ws.repo().branchHead(n).orElse(null);
                BranchOp.delete(ctx, n, deleteForce || force);
                term.out().println("Deleted branch " + n + " (was " + h + ").");
            }
            return 0;
        }
        if (copy || copyForce || move || moveForce) {
            if (names.isEmpty() || names.size() > 2) {
                throw new CliError("fatal: need <old> <new> or just <new>");
            }
            if (names.size() == 1 && ws.branch() == null) {
                throw new CliError("fatal: HEAD is detached: name the branch to copy or rename (<old> <new>)");
            }
            String from = names.size() == 2 ? names.get(0) : ws.branch();
            String to = names.get(names.size() - 1);
            if (copy || copyForce) {
                BranchOp.copy(ctx, from, to, copyForce || force);
            } else {
                BranchOp.rename(ctx, from, to, moveForce || force);
                if (from.equals(ws.branch())) {
                    ws.repo().setDefaultBranch(to);
                }
            }
            return 0;
        }
        if (!names.isEmpty()) {
            if (names.size() > 2) {
                throw new CliError("fatal: too many arguments");
            }
            BranchOp.create(ctx, names.get(0), names.size() == 2 ? names.get(1) : null, force);
            return 0;
        }
        // name as listed -> head; remote-tracking branches as git shows them under -a (remotes/origin/main)
        Map<String, Hash> listed = new LinkedHashMap<>();
        if (!remotes) {
            List<String> local = new ArrayList<>(ws.repo().branches());
            Collections.sort(local);
            for (String b : local) {
                listed.put(b, ws.repo().branchHead(b).orElseThrow());
            }
        }
        if (all || remotes) {
            RemoteConfig.allTrackingBranches(ws.repo()).forEach((name, head) ->
                    listed.put((remotes ? "" : "remotes/") + name, head));
        }
        int width = listed.keySet().stream().mapToInt(String::length).max().orElse(0);
        if (!remotes) {
            ws.detached().ifPresent(h -> term.out().println("* " + term.green("(HEAD detached at "
                    + FetchCommand.shortHash(h) + ")")));
        }
        for (Map.Entry<String, Hash> e : listed.entrySet()) {
            String b = e.getKey();
            boolean current = b.equals(ws.branch()) && !remotes;
            String name = verbose ? b + " ".repeat(width - b.length()) : b;
            boolean tracking = remotes || b.startsWith("remotes/");
            StringBuilder line = new StringBuilder(current ? "* " + term.green(name)
                    : "  " + (tracking ? term.red(name) : name));
            if (verbose) {
                line.append(' ').append(e.getValue()).append(' ')
                        .append(LogCommand.firstLine(ws.repo().readCommit(e.getValue()).message()));
            }
            term.out().println(line);
        }
        return 0;
    }
}
