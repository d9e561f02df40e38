package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.MergeOutcome;
import dev.scion.versioning.ops.PickOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scion cherry-pick <commit>}: apply one commit's changes on top of HEAD. */
@Command(name = "cherry-pick", description = "Apply the changes of an existing commit.")
public final class CherryPickCommand extends RepoCommand {
    @Option(names = {"-m", "--mainline"}, paramLabel = "<parent-number>",
            description = "For a merge commit: the parent (1 = the branch merged into) the change is taken against.")
    Integer mainline;

    @Parameters(index = "0", paramLabel = "<commit>")
    String revision;

    @Override
    protected int run(Workspace ws) {
        MergeOutcome o = PickOp.cherryPick(ws.context(), revision, mainline, ws.committer());
        return PickReport.print(term.out(), ws, o, "cherry-pick", revision);
    }
}
