package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Dates;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.ops.CommitOp;
import dev.scion.versioning.ops.CommitOptions;
import dev.scion.versioning.repo.VersioningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scion commit}: record the staged tables (or, with -a/-A, the working ones) as a new commit. */
@Command(name = "commit", description = "Record changes as a new commit.")
public final class CommitCommand extends RepoCommand {
    @Option(names = {"-m", "--message"}, description = "The commit message.")
    String message;

    @Option(names = {"-a", "--all"}, description = "Stage changes to tables already tracked first.")
    boolean tracked;

    @Option(names = {"-A", "--ALL"}, description = "Stage every change, new tables included, first.")
    boolean everything;

    @Option(names = "--amend", description = "Replace the head commit.")
    boolean amend;

    @Option(names = "--allow-empty", description = "Commit even if nothing changed.")
    boolean allowEmpty;

    @Option(names = "--author", description = "Override the author: \"Name <email>\".")
    String author;

    @Option(names = "--date", description = "Override the author date.")
    String date;

    @Override
    protected int run(Workspace ws) {
        if (message == null && !amend) {
            throw new CliError("error: a commit message is required (-m)");
        }
        Signature committer = ws.committer();
        Signature a = null;
        if (author != null) {
            try {
                a = Signature.parse(author, Dates.nowOr("SCION_AUTHOR_DATE"));
            } catch (IllegalArgumentException e) {
                throw new CliError("fatal: --author '" + author + "' is not 'Name <email>'");
            }
        }
        if (date != null) {
            a = (a != null ? a : committer).at(Dates.parse(date));
        }
        Hash h;
        try {
            h = CommitOp.run(ws.context(), new CommitOptions(message, tracked, everything, amend, allowEmpty, a,
                    committer));
        } catch (VersioningException e) {
            if (e.reason() == VersioningException.Reason.NOTHING_TO_COMMIT) {
                term.out().println("On branch " + ws.branch());
                term.out().println(e.getMessage());
                return 1;
            }
            throw e;
        }
        Commit c = ws.repo().readCommit(h);
        term.out().println("[" + ws.branch() + " " + h + "] " + firstLine(c.message()));
        return 0;
    }

    static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
