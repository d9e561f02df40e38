package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.versioning.remote.RemoteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code scion remote [-v] | add <name> <url> | remove <name>}. */
@Command(name = "remote", description = "List, add or remove remotes.")
public final class RemoteCommand extends RepoCommand {
    @Option(names = {"-v", "--verbose"}, description = "Show URLs.")
    boolean verbose;

    @Parameters(arity = "0..*", paramLabel = "add <name> <url> | remove <name>")
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        if (args.isEmpty()) {
            for (Map.Entry<String, String> e : RemoteConfig.list(ws.repo()).entrySet()) {
                if (verbose) {
                    term.out().println(e.getKey() + "\t" + e.getValue() + " (fetch)");
                    term.out().println(e.getKey() + "\t" + e.getValue() + " (push)");
                } else {
                    term.out().println(e.getKey());
                }
            }
            return 0;
        }
        switch (args.get(0)) {
            case "add" -> {
                if (args.size() != 3) {
                    throw new CliError("usage: scion remote add <name> <url>");
                }
                RemoteConfig.add(ws.repo(), args.get(1), args.get(2));
            }
            case "remove", "rm" -> {
                if (args.size() != 2) {
                    throw new CliError("usage: scion remote remove <name>");
                }
                RemoteConfig.remove(ws.repo(), args.get(1));
            }
            default -> throw new CliError("error: unknown subcommand: " + args.get(0));
        }
        return 0;
    }
}
