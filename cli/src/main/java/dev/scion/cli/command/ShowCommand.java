package dev.scion.cli.command;

import dev.scion.cli.support.Dates;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.Tag;
import dev.scion.versioning.ops.BranchContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code scion show}: a commit (or annotated tag) with its changes against the first parent. */
@Command(name = "show", description = "Show a commit and its changes.")
public final class ShowCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Option(names = {"-r", "--sql"}, description = "Show the changes as SQL.")
    boolean sql;

    @Option(names = "--stat", description = "Show per-table counts only.")
    boolean stat;

    @Option(names = "--no-patch", description = "Show only the commit header.")
    boolean noPatch;

    @Parameters(arity = "0..1", paramLabel = "<revision>")
    String revision;

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        String rev = revision == null ? "HEAD" : revision;
        Optional<Hash> tagRef = ws.repo().tagRef(rev);
        Optional<Tag> tag = tagRef.flatMap(h -> ws.repo().readTagObject(h));
        if (tag.isPresent()) {
            Tag t = tag.get();
            term.out().println(term.yellow("tag " + t.name()));
            term.out().println("Tagger: " + t.tagger().name() + " <" + t.tagger().email() + ">");
            term.out().println("Date:   " + Dates.git(t.tagger().timeMillis()));
            term.out().println();
            term.out().println(t.message());
            term.out().println();
        }
        Hash h = ctx.resolve(rev);
        Commit c = ws.repo().readCommit(h);
        term.out().println(term.yellow("commit " + h) + new Decorations(ws, term).of(h));
        if (c.parents().size() > 1) {
            term.out().println("Merge: " + c.parents().stream().map(Hash::toString).collect(Collectors.joining(" ")));
        }
        term.out().println("Author: " + c.author().name() + " <" + c.author().email() + ">");
        term.out().println("Date:   " + Dates.git(c.author().timeMillis()));
        term.out().println();
        for (String m : c.message().split("\n", -1)) {
            term.out().println("    " + m);
        }
        term.out().println();
        if (noPatch || c.parents().isEmpty()) {
            return 0;
        }
        RootValue parent = ctx.root(ws.repo().readCommit(c.parents().get(0)).root());
        DiffPrinter.Mode mode = sql ? DiffPrinter.Mode.SQL : stat ? DiffPrinter.Mode.STAT : DiffPrinter.Mode.TABLE;
        new DiffPrinter(ws.repo(), term, mode, true, true).print(parent, ctx.root(c.root()), List.of());
        return 0;
    }
}
