package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.RmOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code scion rm}: remove tables from the working set and stage the removal. */
@Command(name = "rm", description = "Remove tables and stage the removal.")
public final class RmCommand extends RepoCommand {
    @Option(names = "--cached", description = "Only unstage: keep the table in the working set.")
    boolean cached;

    @Option(names = {"-f", "--force"}, description = "Remove even with unstaged changes.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "<table>")
    List<String> tables;

    @Override
    protected int run(Workspace ws) {
        RmOp.run(ws.context(), tables, cached, force);
        tables.forEach(t -> term.out().println("rm '" + t + "'"));
        return 0;
    }
}
