package dev.scion.cli.command;

import dev.scion.cli.support.TransferProgress;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.remote.PullOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scion pull [<remote> [<branch>]]}: fetch, then merge the remote branch (conflicts as in merge). */
@Command(name = "pull", description = "Fetch from a remote and merge into the current branch.")
public final class PullCommand extends RepoCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<remote>")
    String remote;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<branch>")
    String branch;

    @Option(names = {"-u", "--user"}, description = "User for an http remote (password from SCION_REMOTE_PASSWORD).")
    String user;

    @Override
    protected int run(Workspace ws) {
        Hash before = ws.context().head();
        TransferProgress progress = new TransferProgress(term, "Receiving");
        PullOp.Result r = PullOp.pull(ws.context(), remote, branch, CloneCommand.credentials(user), progress,
                ws.committer(), null);
        progress.finish();
        FetchCommand.printChanges(term.err(), r.merged().substring(0, r.merged().indexOf('/')), r.fetch());
        return MergeCommand.report(term.out(), ws.context(), before, r.merge(), false);
    }
}
