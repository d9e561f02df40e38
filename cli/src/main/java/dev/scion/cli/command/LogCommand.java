package dev.scion.cli.command;

import dev.scion.cli.support.Dates;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.history.CommitLog;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.LogOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/** {@code scion log}: commit history, newest first; --oneline, --graph, -n, --first-parent, --merges. */
@Command(name = "log", description = "Show commit history.")
public final class LogCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Option(names = {"-n", "--max-count"}, description = "Show at most this many commits.")
    int max = -1;

    @Option(names = "--oneline", description = "One line per commit.")
    boolean oneline;

    @Option(names = "--graph", description = "Draw the commit graph.")
    boolean graph;

    @Option(names = "--first-parent", description = "Follow only the first parent of merges.")
    boolean firstParent;

    @Option(names = "--merges", description = "Show only merge commits.")
    boolean mergesOnly;

    @Option(names = "--no-merges", description = "Leave out merge commits.")
    boolean noMerges;

    @Parameters(arity = "0..1", paramLabel = "<revision>")
    String revision;

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        Hash start = ctx.resolve(revision == null ? "HEAD" : revision);
        Decorations deco = new Decorations(ws, term);
        Iterator<CommitLog.Entry> it = LogOp.walk(ws.repo(), start, firstParent, graph);
        GraphLanes lanes = graph ? new GraphLanes() : null;
        PrintStream out = term.out();
        StringBuilder buf = new StringBuilder(1 << 16);
        int shown = 0;
        boolean first = true;
        while (it.hasNext() && (max < 0 || shown < max)) {
            CommitLog.Entry e = it.next();
            Commit c = e.commit();
            boolean merge = c.parents().size() > 1;
            if ((mergesOnly && !merge) || (noMerges && merge)) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            String title = oneline ? term.yellow(e.hash().toString()) + deco.of(e.hash()) + " " + firstLine(c.message())
                    : term.yellow("commit " + e.hash()) + deco.of(e.hash());
            lines.add(title);
            if (!oneline) {
                if (merge) {
                    lines.add("Merge: " + c.parents().stream().map(Hash::toString).collect(Collectors.joining(" ")));
                }
                lines.add("Author: " + c.author().name() + " <" + c.author().email() + ">");
                lines.add("Date:   " + Dates.git(c.author().timeMillis()));
                lines.add("");
                for (String m : c.message().split("\n", -1)) {
                    lines.add("    " + m);
                }
            }
            if (lanes != null) {
                // git pads graph lines with blanks to the graph's width; trailing blanks are left off
                if (!oneline && !first) {
                    buf.append(lanes.padding().stripTrailing()).append('\n');
                }
                GraphLanes.Drawn drawn = lanes.draw(e.hash(), c.parents(), lines.size());
                for (int i = 0; i < lines.size(); i++) {
                    lines.set(i, (drawn.prefixes().get(i) + lines.get(i)).stripTrailing());
                }
                drawn.after().forEach(l -> lines.add(l.stripTrailing()));
            } else if (!oneline && !first) {
                buf.append('\n');
            }
            for (String l : lines) {
                buf.append(l).append('\n');
            }
            if (buf.length() > 60_000) {
                out.print(buf);
                buf.setLength(0);
            }
            first = false;
            shown++;
        }
        out.print(buf);
        return 0;
    }

    static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
