package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.MergeOutcome;
import dev.scion.versioning.ops.PickOp;
import picocli.CommandLine.Command;

/** {@code scion cherry-pick <commit>}: apply one commit's changes on top of HEAD. */
@Command(name = "cherry-pick", description = "Apply the changes of an existing commit.")
public final class CherryPickCommand extends PickCommand {
    @Override
    String verb() {
        return "cherry-pick";
    }

    @Override
    MergeOutcome apply(Workspace ws) {
        return PickOp.cherryPick(ws.context(), revision, mainline, ws.committer());
    }
}
