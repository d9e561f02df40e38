package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.versioning.ops.TagOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code scion tag}: list tags, create one (annotated with -m), or delete with -d. */
@Command(name = "tag", description = "Create, list or delete tags.")
public final class TagCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Option(names = {"-m", "--message"}, description = "Create an annotated tag with this message.")
    String message;

    @Option(names = {"-d", "--delete"}, description = "Delete tags.")
    boolean delete;

    @Option(names = {"-f", "--force"}, description = "Replace an existing tag.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "List with target commits and messages.")
    boolean verbose;

    @Parameters(arity = "0..*", paramLabel = "<name> [<revision>]")
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        if (delete) {
            if (args.isEmpty()) {
                throw new CliError("fatal: tag name required");
            }
            for (String t : args) {
                String target = ws.repo().tagRef(t).map(Object::toString).orElse("?");
                TagOp.delete(ws.context(), t);
                term.out().println("Deleted tag '" + t + "' (was " + target + ")");
            }
            return 0;
        }
        if (!args.isEmpty()) {
            if (args.size() > 2) {
                throw new CliError("fatal: too many arguments");
            }
            TagOp.create(ws.context(), args.get(0), args.size() == 2 ? args.get(1) : null, message, ws.committer(),
                    force);
            return 0;
        }
        for (TagOp.TagInfo t : TagOp.list(ws.context())) {
            if (verbose) {
                String msg = t.annotation().map(a -> LogCommand.firstLine(a.message()))
                        .orElse(LogCommand.firstLine(ws.repo().readCommit(t.commit()).message()));
                term.out().println(t.name() + "\t" + t.commit() + "\t" + msg);
            } else {
                term.out().println(t.name());
            }
        }
        return 0;
    }
}
