package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.TransferProgress;
import dev.scion.cli.support.Workspace;
import dev.scion.versioning.remote.PushOp;
import dev.scion.versioning.remote.RemoteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scion push [-u] [-f] [--delete] [<remote> [<branch> | <src>:<dst> | :<dst>]]}: fast-forward only
 * unless forced; {@code :b} or {@code --delete b} deletes the remote branch.
 */
@Command(name = "push", description = "Send a branch to a remote.")
public final class PushCommand extends RepoCommand {
    @Option(names = {"-u", "--set-upstream"}, description = "Make the remote branch the upstream of the branch.")
    boolean setUpstream;

    @Option(names = {"-f", "--force"}, description = "Allow a push that is not a fast-forward.")
    boolean force;

    @Option(names = {"-d", "--delete"}, description = "Delete the remote branch.")
    boolean delete;

    @Option(names = "--user", description = "User for an http remote (password from SCION_REMOTE_PASSWORD).")
    String user;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<remote>")
    String remote;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<refspec>")
    String refspec;

    @Override
    protected int run(Workspace ws) {
        String current = ws.branch();
        var upstream = RemoteConfig.upstream(ws.repo(), current);
        String r = remote != null ? remote : upstream.map(RemoteConfig.Upstream::remote).orElse("origin");
        String src;
        String dst;
        if (refspec == null) {
            if (delete) {
                throw new CliError("fatal: --delete needs a branch name");
            }
            src = current;
            dst = upstream.filter(u -> u.remote().equals(r)).map(RemoteConfig.Upstream::branch).orElse(current);
        } else if (refspec.contains(":")) {
            int colon = refspec.indexOf(':');
            src = colon == 0 ? null : refspec.substring(0, colon);
            dst = refspec.substring(colon + 1);
        } else {
            src = delete ? null : refspec;
            dst = refspec;
        }
        if (src != null && src.startsWith("+")) {
            src = src.substring(1);
            force = true;
        }
        TransferProgress progress = new TransferProgress(term, "Writing");
        PushOp.Result res = PushOp.push(ws.repo(), r, src, dst, force, setUpstream, CloneCommand.credentials(user),
                progress);
        progress.finish();
        String url = RemoteConfig.url(ws.repo(), r).orElse(r);
        term.err().println("To " + url);
        switch (res.outcome()) {
            case UP_TO_DATE -> term.err().println("Everything up-to-date");
            case CREATED -> term.err().println(" * [new branch]      " + src + " -> " + dst);
            case DELETED -> term.err().println(" - [deleted]         " + dst);
            case FAST_FORWARD -> term.err().println("   " + FetchCommand.shortHash(res.before()) + ".."
                    + FetchCommand.shortHash(res.after()) + "  " + src + " -> " + dst);
            case FORCED -> term.err().println(" + " + FetchCommand.shortHash(res.before()) + "..."
                    + FetchCommand.shortHash(res.after()) + " " + src + " -> " + dst + " (forced update)");
        }
        if (setUpstream && src != null) {
            term.out().println("branch '" + src + "' set up to track '" + r + "/" + dst + "'.");
        }
        return 0;
    }
}
