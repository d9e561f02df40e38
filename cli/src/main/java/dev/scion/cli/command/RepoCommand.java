package dev.scion.cli.command;

import dev.scion.cli.remote.ServerAddress;
import dev.scion.cli.remote.ServerForwarding;
import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Invocation;
import dev.scion.cli.support.StoreInUseError;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.Workspace;
import dev.scion.versioning.encoding.CorruptObjectException;
import dev.scion.versioning.merge.MergeConflictException;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.table.DuplicateKeyException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Base of every command that works on a database: finds and opens it, runs, and turns failures into a message
 * on stderr and a non-zero exit code (1 for refusals, 128 for "fatal" setup problems, as git does). When a
 * running sql-server owns the database, the whole command line is handed to it instead ({@link ServerForwarding})
 * and runs there, the same code on the server's open repository, so the output is the same in both modes.
 */
public abstract class RepoCommand implements Callable<Integer> {
    /** How long a command that found the store locked waits for its owner to record its address. */
    static final Duration LATE_SERVER_PATIENCE = Duration.ofSeconds(3);

    protected Terminal term = Terminal.system();

    @Spec
    CommandSpec spec;

    protected abstract int run(Workspace ws);

    /**
     * Whether the command may run while HEAD is detached: only commands that read (and checkout, which leaves
     * the detached state, and branch/tag, which name the detached commit). Every other one would change a
     * branch's working set or head, and there is no branch.
     */
    protected boolean worksDetached() {
        return false;
    }

    @Override
    public final Integer call() {
        Invocation invocation = Invocation.current();
        if (!invocation.isHosted() && spec != null) {
            // a running sql-server owns the store: the command runs inside it, on the server's open repository
            Path db = Workspace.locate(invocation.cwd());
            Optional<ServerAddress> server = db == null ? Optional.empty() : ServerAddress.find(db);
            if (server.isPresent()) {
                return forward(server.get(), invocation);
            }
        }
        Workspace opened;
        try {
            opened = Workspace.open();
        } catch (StoreInUseError e) {
            Optional<ServerAddress> late = spec == null || invocation.isHosted() ? Optional.empty()
                    : ServerAddress.await(e.database(), LATE_SERVER_PATIENCE);
            if (late.isPresent()) {
                return forward(late.get(), invocation);
            }
            int exit = fail(term, e);
            term.flush();
            return exit;
        } catch (RuntimeException e) {
            int exit = fail(term, e);
            term.flush();
            return exit;
        }
        try (Workspace ws = opened) {
            if (!worksDetached()) {
                var at = ws.detached();
                if (at.isPresent()) {
                    String name = spec == null ? "this command" : "'scion " + spec.qualifiedName(" ")
                            .replaceFirst("^scion ", "") + "'";
                    throw new CliError("error: HEAD is detached at " + FetchCommand.shortHash(at.get())
                            + " (read-only), so " + name + " is refused; nothing changed\n"
                            + "hint: switch to a branch with 'scion checkout <branch>', or make one here with "
                            + "'scion checkout -b <new-branch>'");
                }
            }
            return run(ws);
        } catch (RuntimeException e) {
            return fail(term, e);
        } finally {
            term.flush();
        }
    }

    private int forward(ServerAddress server, Invocation invocation) {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        return ServerForwarding.run(server, invocation, args, term);
    }

    /** Prints a failure the way git would and returns the exit code. */
    public static int fail(Terminal term, RuntimeException e) {
        term.out().flush();
        if (e instanceof CliError c) {
            term.err().println(c.getMessage());
            return c.exitCode();
        }
        if (e instanceof VersioningException || e instanceof MergeConflictException
                || e instanceof DuplicateKeyException || e instanceof CorruptObjectException) {
            term.err().println(e.getMessage());
            return 1;
        }
        term.err().println("fatal: " + e);
        return 128;
    }
}
