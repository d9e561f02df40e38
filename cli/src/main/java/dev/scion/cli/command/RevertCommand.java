package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.MergeOutcome;
import dev.scion.versioning.ops.PickOp;
import picocli.CommandLine.Command;

/** {@code scion revert <commit>}: commit the inverse of an existing commit. */
@Command(name = "revert", description = "Revert the changes of an existing commit.")
public final class RevertCommand extends PickCommand {
    @Override
    String verb() {
        return "revert";
    }

    @Override
    MergeOutcome apply(Workspace ws) {
        return PickOp.revert(ws.context(), revision, mainline, ws.committer());
    }
}
