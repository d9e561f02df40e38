package dev.scion.cli.command;

import dev.scion.cli.remote.ServerAddress;
import dev.scion.cli.remote.ServerForwarding;
import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Invocation;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.chunk.StorageException;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.fsck.FsckProblem;
import dev.scion.versioning.fsck.FsckReport;
import dev.scion.versioning.fsck.RepositoryChecker;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code scion fsck}: verifies every chunk reachable from every branch, tag, remote-tracking ref and working
 * set by reading it and checking its hash. Checks the database around the current directory, or with
 * {@code --data-dir} every database of a sql-server data directory. Exit code 0 when clean, 1 when anything
 * is missing or corrupt, 128 when a database cannot be opened (e.g. a running server holds it).
 */
@Command(name = "fsck", description = "Verify that every chunk reachable from every ref is present and intact.")
public final class FsckCommand implements Callable<Integer> {
    @Option(names = "--data-dir", description = "Check every database in this sql-server data directory instead of "
            + "the database around the current directory.")
    Path dataDir;

    @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
    boolean quiet;

    Terminal term = Terminal.system();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Invocation inv = Invocation.current();
            Path target = dataDir != null ? Workspace.cwd().resolve(dataDir).normalize()
                    : Workspace.locate(Workspace.cwd());
            Optional<ServerAddress> server = inv.isHosted() || spec == null || target == null ? Optional.empty()
                    : dataDir != null ? ServerAddress.at(target) : ServerAddress.find(target);
            if (server.isPresent()) {
                // the server holds the store: it reads it (a hosted command runs as one statement, which online
                // garbage collection waits for, so no chunk vanishes under the check)
                return ServerForwarding.run(server.get(), inv,
                        spec.root().commandLine().getParseResult().originalArgs(), term);
            }
            if (dataDir == null) {
                try (Workspace ws = Workspace.open()) {
                    return check(ws.dir().getFileName().toString(), ws.repo()) ? 0 : 1;
                }
            }
            return inv.isHosted() ? checkServed(inv.hostedBy(), target) : checkDataDirectory(target);
        } catch (CliError e) {
            return RepoCommand.fail(term, e);
        } catch (StorageException e) {
            return RepoCommand.fail(term, new CliError("fatal: " + e.getMessage()
                    + "\nhint: stop the server that owns this data directory before checking it", 128));
        } finally {
            term.flush();
        }
    }

    private int checkDataDirectory(Path target) {
        if (!Files.isDirectory(target)) {
            throw new CliError("fatal: no data directory " + dataDir, 128);
        }
        try (DataDirectory dir = new DataDirectory(target, StoreOptions.defaults())) {
            return checkAll(dir);
        }
    }

    /** Inside the sql-server that serves {@code target}: its open databases. */
    private int checkServed(DataDirectory served, Path target) {
        if (!served.root().equals(target)) {
            throw new CliError("fatal: " + target + " is not the sql-server's data directory " + served.root(), 128);
        }
        return checkAll(served);
    }

    private int checkAll(DataDirectory dir) {
        boolean clean = true;
        List<String> names = dir.names();
        for (String name : names) {
            Repository repo = dir.open(name).orElseThrow();
            clean &= check(name, repo);
        }
        if (!quiet) {
            term.out().printf("%d database%s checked%n", names.size(), names.size() == 1 ? "" : "s");
        }
        return clean ? 0 : 1;
    }

    /** Checks one database, prints its summary and problems; true when clean. */
    private boolean check(String name, Repository repo) {
        FsckReport r = new RepositoryChecker(repo.store()).check();
        if (!quiet || !r.isClean()) {
            term.out().printf("%s: %d refs, %d chunks (%s) verified: %s%n", name, r.refs(), r.chunks(),
                    GcCommand.size(r.bytes()), r.isClean() ? "clean" : r.problemCount() + " problems");
        }
        for (FsckProblem p : r.problems()) {
            term.out().println("  " + p);
        }
        if (r.problemCount() > r.problems().size()) {
            term.out().printf("  ... and %d more%n", r.problemCount() - r.problems().size());
        }
        return r.isClean();
    }
}
