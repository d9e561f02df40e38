package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.MergeOutcome;

import java.io.PrintStream;

/** What cherry-pick and revert print. */
final class PickReport {
    private PickReport() {
    }

    static int print(PrintStream out, Workspace ws, MergeOutcome o, String what, String revision) {
        if (o.kind() == MergeOutcome.Kind.CONFLICTS) {
            MergeCommand.printConflicts(out, o.conflicts());
            out.println("error: could not " + what + " " + revision);
            out.println("hint: resolve the conflicts with 'scion conflicts resolve', then run 'scion commit'");
            return 1;
        }
        out.println("[" + ws.branch() + " " + o.commit() + "] "
                + LogCommand.firstLine(ws.repo().readCommit(o.commit()).message()));
        return 0;
    }
}
