package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.CleanOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code scion clean}: drop untracked tables. */
@Command(name = "clean", description = "Remove untracked tables from the working set.")
public final class CleanCommand extends RepoCommand {
    @Option(names = {"-n", "--dry-run"}, description = "Only say what would be removed.")
    boolean dryRun;

    @Parameters(arity = "0..*", paramLabel = "<table>")
    List<String> tables = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        for (String t : CleanOp.run(ws.context(), tables, dryRun)) {
            term.out().println((dryRun ? "Would remove " : "Removing ") + t);
        }
        return 0;
    }
}
