package dev.scion.cli.command;

import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.MergeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code scion merge-base a b}: the best common ancestor; exit 1 when there is none. */
@Command(name = "merge-base", description = "Find the best common ancestor of two commits.")
public final class MergeBaseCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Parameters(index = "0", paramLabel = "<a>")
    String a;

    @Parameters(index = "1", paramLabel = "<b>")
    String b;

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        Optional<Hash> base = MergeBase.find(ws.repo(), ctx.resolve(a), ctx.resolve(b));
        if (base.isEmpty()) {
            return 1;
        }
        term.out().println(base.get());
        return 0;
    }
}
