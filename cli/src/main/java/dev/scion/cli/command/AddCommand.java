package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.AddOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code scion add}: stage tables. */
@Command(name = "add", description = "Stage tables for the next commit ('.' or -A for all).")
public final class AddCommand extends RepoCommand {
    @Option(names = {"-A", "--all"}, description = "Stage every table.")
    boolean all;

    @Parameters(arity = "0..*", paramLabel = "<table>")
    List<String> tables = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        if (all || tables.contains(".")) {
            AddOp.addAll(ws.context());
        } else if (tables.isEmpty()) {
            throw new CliError("Nothing specified, nothing added.\nhint: Maybe you wanted to say 'scion add .'?");
        } else {
            AddOp.add(ws.context(), tables);
        }
        return 0;
    }
}
