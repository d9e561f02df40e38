package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.MergeOutcome;
import dev.scion.versioning.ops.PickOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scion revert <commit>}: commit the inverse of an existing commit. */
@Command(name = "revert", description = "Revert the changes of an existing commit.")
public final class RevertCommand extends RepoCommand {
    @Option(names = {"-m", "--mainline"}, paramLabel = "<parent-number>",
            description = "For a merge commit: the parent (1 = the branch merged into) the change is taken against.")
    Integer mainline;

    @Parameters(index = "0", paramLabel = "<commit>")
    String revision;

    @Override
    protected int run(Workspace ws) {
        MergeOutcome o = PickOp.revert(ws.context(), revision, mainline, ws.committer());
        return PickReport.print(term.out(), ws, o, "revert", revision);
    }
}
