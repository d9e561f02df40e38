package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.Workspace;
import dev.scion.versioning.encoding.CorruptObjectException;
import dev.scion.versioning.merge.MergeConflictException;
import dev.scion.versioning.repo.VersioningException;
import dev.scion.versioning.table.DuplicateKeyException;

import java.util.concurrent.Callable;

/**
 * Base of every command that works on a database: finds and opens it, runs, and turns failures into a message
 * on stderr and a non-zero exit code (1 for refusals, 128 for "fatal" setup problems, as git does).
 */
public abstract class RepoCommand implements Callable<Integer> {
    protected Terminal term = Terminal.system();

    protected abstract int run(Workspace ws);

    @Override
    public final Integer call() {
        try (Workspace ws = Workspace.open()) {
            return run(ws);
        } catch (RuntimeException e) {
            return fail(term, e);
        } finally {
            term.flush();
        }
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
