package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.TransferProgress;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.remote.BackupOp;
import dev.scion.versioning.remote.RemoteTransport;
import dev.scion.versioning.remote.TransferStats;
import dev.scion.versioning.remote.Transports;
import dev.scion.versioning.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code scion backup restore <url> <directory>}: a new database in {@code directory} (relative to where the user
 * is) holding everything the backup holds: branches, tags, working sets. Like clone it runs outside any database.
 */
@Command(name = "restore", description = "Make a new database from a backup.")
public final class BackupRestoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<url>")
    String url;

    @Parameters(index = "1", paramLabel = "<directory>")
    String directory;

    @Option(names = "--user", description = "User for an http backup (password from SCION_REMOTE_PASSWORD).")
    String user;

    @Override
    public Integer call() {
        Terminal term = Terminal.system();
        try {
            Path dir = Workspace.cwd().resolve(directory).normalize();
            if (Files.exists(dir) && !isEmptyDirectory(dir)) {
                throw new CliError("fatal: destination path '" + dir + "' already exists and is not an empty "
                        + "directory", 128);
            }
            TransferProgress progress = new TransferProgress(term, "Receiving");
            try (RemoteTransport t = Transports.open(url, Workspace.cwd(), CloneCommand.credentials(user))) {
                BackupOp.requireBackup(t);
                TransferStats s;
                try (Repository repo = Repository.createEmpty(dir, StoreOptions.defaults())) {
                    s = BackupOp.restoreInto(repo, t, progress);
                }
                progress.finish();
                term.out().println("Restored " + url + " into '" + dir.getFileName() + "' (" + s.chunksCopied()
                        + " chunks, " + s.bytesCopied() + " bytes)");
            }
            return 0;
        } catch (RuntimeException e) {
            return RepoCommand.fail(term, e);
        } finally {
            term.flush();
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
