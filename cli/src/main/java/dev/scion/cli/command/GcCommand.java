package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.storage.gc.GcResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scion gc}: deletes chunks no ref, working set or merge in progress can reach, and compacts. */
@Command(name = "gc", description = "Remove unreachable data and shrink the database on disk.")
public final class GcCommand extends RepoCommand {
    @Option(names = {"-s", "--shallow", "--full"}, description = "Accepted for Dolt compatibility; every "
            + "collection is full.")
    boolean ignored;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
    boolean quiet;

    @Override
    protected int run(Workspace ws) {
        GcResult r = ws.repo().gc();
        if (!quiet) {
            term.out().printf("Removed %d of %d chunks; kept %d; %s -> %s on disk%n", r.deletedChunks(),
                    r.storedChunksBefore(), r.storedChunksBefore() - r.deletedChunks(), size(r.bytesBefore()),
                    size(r.bytesAfter()));
        }
        if (r.missingChunks() > 0) {
            term.err().println("warning: " + r.missingChunks() + " reachable chunks are missing: the database is "
                    + "damaged");
            return 1;
        }
        return 0;
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
