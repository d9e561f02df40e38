package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.TransferProgress;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.remote.CloneOp;
import dev.scion.versioning.remote.RemoteCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code scion clone <url> [<directory>]}: every remote branch becomes a remote-tracking branch and the
 * default branch is checked out. Running it again after an interruption resumes.
 */
@Command(name = "clone", description = "Clone a database from a remote (file:///path or http://host:port/db).")
public final class CloneCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<url>")
    String url;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<directory>")
    String directory;

    @Option(names = {"-b", "--branch"}, description = "Branch to check out instead of the remote's default.")
    String branch;

    @Option(names = "--remote", description = "Name of the remote (default: ${DEFAULT-VALUE}).")
    String remote = "origin";

    @Option(names = {"-u", "--user"}, description = "User for an http remote (password from SCION_REMOTE_PASSWORD).")
    String user;

    @Override
    public Integer call() {
        Terminal term = Terminal.system();
        try {
            Path dir = Workspace.cwd().resolve(directory != null ? directory : defaultDirectory(url));
            TransferProgress progress = new TransferProgress(term, "Receiving");
            term.err().println("Cloning into '" + dir.getFileName() + "'...");
            CloneOp.Result r = CloneOp.clone(url, dir, remote, branch, credentials(user), progress,
                    StoreOptions.defaults());
            progress.finish();
            r.repo().close();
            if (r.resumed()) {
                term.err().println("Resumed an interrupted clone.");
            }
            term.out().println("Cloned " + url + ": branch '" + r.branch() + "' at " + r.head() + " ("
                    + r.stats().chunksCopied() + " chunks, " + r.stats().bytesCopied() + " bytes)");
            return 0;
        } catch (RuntimeException e) {
            return RepoCommand.fail(term, e);
        } finally {
            term.flush();
        }
    }

    /** --user, else SCION_REMOTE_USER, else root (the server's built-in account), as the mysql client would try. */
    static RemoteCredentials credentials(String user) {
        RemoteCredentials env = RemoteCredentials.fromEnvironment();
        String u = user != null ? user : env.user() != null ? env.user() : "root";
        return new RemoteCredentials(u, env.password());
    }

    /** The last path segment of the URL: the database's name. */
    static String defaultDirectory(String url) {
        String s = url.replaceAll("/+$", "");
        String last = s.substring(s.lastIndexOf('/') + 1);
        if (last.isEmpty() || last.contains(":")) {
            throw new CliError("fatal: cannot guess a directory name from " + url + "; give one");
        }
        return last;
    }
}
