package dev.scion.cli.command;

import dev.scion.cli.support.TransferProgress;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.remote.FetchOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;

/** {@code scion fetch [<remote>]}: update the remote-tracking branches. */
@Command(name = "fetch", description = "Download branches and tags from a remote.")
public final class FetchCommand extends RepoCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<remote>")
    String remote = "origin";

    @Option(names = {"-u", "--user"}, description = "User for an http remote (password from SCION_REMOTE_PASSWORD).")
    String user;

    @Override
    protected int run(Workspace ws) {
        TransferProgress progress = new TransferProgress(term, "Receiving");
        FetchOp.Result r = FetchOp.fetch(ws.repo(), remote, CloneCommand.credentials(user), progress);
        progress.finish();
        printChanges(term.err(), remote, r);
        return 0;
    }

    static void printChanges(PrintStream out, String remote, FetchOp.Result r) {
        for (FetchOp.Change c : r.changes()) {
            String name = remote + "/" + c.branch();
            if (c.before() == null) {
                out.println(" * [new branch]      " + c.branch() + " -> " + name);
            } else if (c.after() == null) {
                out.println(" - [deleted]         (none) -> " + name);
            } else {
                out.println("   " + shortHash(c.before()) + ".." + shortHash(c.after()) + "  " + c.branch() + " -> "
                        + name);
            }
        }
    }

    static String shortHash(Hash h) {
        return h.toString().substring(0, 8);
    }
}
