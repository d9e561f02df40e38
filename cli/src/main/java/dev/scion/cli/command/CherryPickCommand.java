package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.MergeOutcome;
import dev.scion.versioning.ops.PickOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scion cherry-pick <commit>}: apply one commit's changes on top of HEAD. */
@Command(name = "cherry-pick", description = "Apply the changes of an existing commit.")
public final class CherryPickCommand extends RepoCommand {
    @Parameters(index = "0", paramLabel = "<commit>")
    String revision;

    @Override
    protected int run(Workspace ws) {
        MergeOutcome o = PickOp.cherryPick(ws.context(), revision, ws.committer());
        return PickReport.print(term.out(), ws, o, "cherry-pick", revision);
    }
}
