package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.MergeOutcome;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;

/** What cherry-pick and revert share: the commit, git's -m for merge commits, and what they print. */
abstract class PickCommand extends RepoCommand {
    @Option(names = {"-m", "--mainline"}, paramLabel = "<parent-number>",
            description = "For a merge commit: the parent (1 = the branch merged into) the change is taken against.")
    Integer mainline;

    @Parameters(index = "0", paramLabel = "<commit>")
    String revision;

    /** The command's name as the user typed it, for messages. */
    abstract String verb();

    abstract MergeOutcome apply(Workspace ws);

    @Override
    protected final int run(Workspace ws) {
        MergeOutcome o = apply(ws);
        PrintStream out = term.out();
        if (o.kind() == MergeOutcome.Kind.CONFLICTS) {
            MergeCommand.printConflicts(out, ws.context(), o.conflicts());
            out.println("error: could not " + verb() + " " + revision);
            out.println("hint: resolve the conflicts with 'scion conflicts resolve', then run 'scion commit'");
            return 1;
        }
        out.println("[" + ws.branch() + " " + o.commit() + "] "
                + LogCommand.firstLine(ws.repo().readCommit(o.commit()).message()));
        return 0;
    }
}
