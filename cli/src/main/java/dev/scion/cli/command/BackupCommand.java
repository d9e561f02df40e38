package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.TransferProgress;
import dev.scion.cli.support.Workspace;
import dev.scion.versioning.remote.BackupConfig;
import dev.scion.versioning.remote.BackupOp;
import dev.scion.versioning.remote.TransferStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code scion backup [-v] | add <name> <url> | remove <name> | sync <name> | sync-url <url>}; restoring is
 * {@code scion backup restore <url> <directory>} ({@link BackupRestoreCommand}), which needs no database.
 */
@Command(name = "backup", description = "List, add, remove or sync backups; restore a database from one.",
        subcommands = BackupRestoreCommand.class)
public final class BackupCommand extends RepoCommand {
    @Option(names = {"-v", "--verbose"}, description = "Show URLs.")
    boolean verbose;

    @Option(names = "--user", description = "User for an http backup (password from SCION_REMOTE_PASSWORD).")
    String user;

    @Parameters(arity = "0..*", paramLabel = "add <name> <url> | remove <name> | sync <name> | sync-url <url>")
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        if (args.isEmpty()) {
            for (Map.Entry<String, String> e : BackupConfig.list(ws.repo()).entrySet()) {
                term.out().println(verbose ? e.getKey() + "\t" + e.getValue() : e.getKey());
            }
            return 0;
        }
        switch (args.get(0)) {
            case "add" -> {
                requireArgs(3, "add <name> <url>");
                BackupConfig.add(ws.repo(), args.get(1), args.get(2));
            }
            case "remove", "rm" -> {
                requireArgs(2, "remove <name>");
                BackupConfig.remove(ws.repo(), args.get(1));
            }
            case "sync" -> {
                requireArgs(2, "sync <name>");
                TransferProgress progress = new TransferProgress(term, "Writing");
                TransferStats s = BackupOp.sync(ws.repo(), args.get(1), CloneCommand.credentials(user), progress);
                progress.finish();
                report(BackupConfig.requireUrl(ws.repo(), args.get(1)), s);
            }
            case "sync-url" -> {
                requireArgs(2, "sync-url <url>");
                TransferProgress progress = new TransferProgress(term, "Writing");
                TransferStats s = BackupOp.syncUrl(ws.repo(), args.get(1), CloneCommand.credentials(user), progress);
                progress.finish();
                report(args.get(1), s);
            }
            default -> throw new CliError("error: unknown subcommand: " + args.get(0));
        }
        return 0;
    }

    private void requireArgs(int n, String usage) {
        if (args.size() != n) {
            throw new CliError("usage: scion backup " + usage);
        }
    }

    private void report(String url, TransferStats s) {
        term.out().println("Backed up to " + url + " (" + s.chunksCopied() + " chunks, " + s.bytesCopied()
                + " bytes)");
    }
}
