package dev.scion.cli.command;

import dev.scion.cli.remote.ServerAddress;
import dev.scion.cli.remote.ServerForwarding;
import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Invocation;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.TransferProgress;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.remote.CloneOp;
import dev.scion.versioning.remote.RemoteCredentials;
import dev.scion.versioning.repo.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal term = Terminal.system();
        try {
            Invocation inv = Invocation.current();
            Path dir = Workspace.cwd().resolve(directory != null ? directory : defaultDirectory(url)).normalize();
            Optional<ServerAddress> server = inv.isHosted() || spec == null || dir.getParent() == null
                    ? Optional.empty() : ServerAddress.at(dir.getParent());
            if (server.isPresent()) {
                // into a served data directory: the server makes and registers the database
                return ServerForwarding.run(server.get(), inv,
                        spec.root().commandLine().getParseResult().originalArgs(), term);
            }
            CloneOp.Destination dest = inv.isHosted() ? inServer(inv.hostedBy(), dir)
                    : CloneOp.Destination.directory(dir, StoreOptions.defaults());
            TransferProgress progress = new TransferProgress(term, "Receiving");
            term.err().println("Cloning into '" + dir.getFileName() + "'...");
            // a plain path names a directory relative to where the user is, also when a server runs the command
            String source = url.contains("://") ? url : Workspace.cwd().resolve(url).normalize().toString();
            CloneOp.Result r = CloneOp.clone(source, dest, remote, branch, credentials(user), progress);
            progress.finish();
            if (!inv.isHosted()) {
                r.repo().close();
            }
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

    private static CloneOp.Destination inServer(DataDirectory data, Path dir) {
        if (!data.root().equals(dir.getParent())) {
            throw new CliError("fatal: " + dir + " is not a directory of the sql-server's data directory "
                    + data.root(), 128);
        }
        String name = dir.getFileName().toString();
        if (!DataDirectory.isValidName(name)) {
            throw new CliError("fatal: '" + name + "' cannot name a database of the sql-server");
        }
        return CloneOp.Destination.inDataDirectory(data, name);
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
