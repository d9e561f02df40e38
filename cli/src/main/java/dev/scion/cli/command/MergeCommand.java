package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.MergeOp;
import dev.scion.versioning.ops.MergeOptions;
import dev.scion.versioning.ops.MergeOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.scion.versioning.ops.ConflictsOp;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code scion merge}: merge a revision into the current branch; --no-ff, --squash, --no-commit, --abort. */
@Command(name = "merge", description = "Join another line of history into the current branch.")
public final class MergeCommand extends RepoCommand {
    @Option(names = "--no-ff", description = "Always create a merge commit.")
    boolean noFf;

    @Option(names = "--squash", description = "Stage the merged result without committing or recording a merge.")
    boolean squash;

    @Option(names = "--no-commit", description = "Stop before committing a clean merge.")
    boolean noCommit;

    @Option(names = "--abort", description = "Abandon the merge in progress.")
    boolean abort;

    @Option(names = {"-m", "--message"}, description = "Message of the merge commit.")
    String message;

    @Parameters(arity = "0..1", paramLabel = "<revision>")
    String revision;

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        if (abort) {
            MergeOp.abort(ctx);
            return 0;
        }
        if (revision == null) {
            throw new CliError("fatal: No remote for the current branch; name a revision to merge");
        }
        Hash before = ctx.head();
        MergeOutcome o = MergeOp.merge(ctx, revision, new MergeOptions(noFf, squash, noCommit, message,
                ws.committer()));
        return report(term.out(), ctx, before, o, squash);
    }

    static int report(PrintStream out, BranchContext ctx, Hash before, MergeOutcome o, boolean squash) {
        switch (o.kind()) {
            case UP_TO_DATE -> out.println("Already up to date.");
            case FAST_FORWARD -> {
                out.println("Updating " + before + ".." + o.commit());
                out.println("Fast-forward");
            }
            case COMMITTED -> out.println("Merge made by the 'three-way' strategy.");
            case STAGED -> out.println(squash ? "Squash commit -- not updating HEAD"
                    : "Automatic merge went well; stopped before committing as requested");
            case CONFLICTS -> {
                printConflicts(out, ctx, o.conflicts());
                out.println("Automatic merge failed; fix conflicts and then commit the result.");
                return 1;
            }
        }
        return 0;
    }

    static void printConflicts(PrintStream out, BranchContext ctx, List<TableConflicts> conflicts) {
        for (TableConflicts c : conflicts) {
            if (c.schemaConflict() != null) {
                out.println("CONFLICT (schema): Merge conflict in " + c.table() + ": " + c.schemaConflict());
            }
            if (c.rowConflictCount() > 0) {
                out.println("CONFLICT (content): Merge conflict in " + c.table() + " (" + c.rowConflictCount()
                        + " row" + (c.rowConflictCount() == 1 ? "" : "s") + ")");
            }
            if (c.violationCount() > 0) {
                violationsByKind(ctx, c.table()).forEach((kind, rows) -> out.println("CONSTRAINT VIOLATION: "
                        + rows + " row" + (rows == 1 ? " of " + c.table() + " violates " : "s of " + c.table()
                        + " violate ") + kind));
            }
        }
    }

    /**
     * How many recorded violating rows of the table break each kind of constraint (a row breaking two kinds counts
     * under both), in the order unique key, foreign key, CHECK constraint.
     */
    static Map<String, Integer> violationsByKind(BranchContext ctx, String table) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String kind : List.of("a unique key", "a foreign key", "a CHECK constraint")) {
            counts.put(kind, 0);
        }
        for (ConflictsOp.Violation v : ConflictsOp.violations(ctx, table)) {
            Set<String> kinds = new HashSet<>();
            for (String part : v.description().split("; ")) {
                kinds.add(part.startsWith("unique") ? "a unique key" : part.startsWith("foreign key")
                        ? "a foreign key" : part.startsWith("not null") ? "a NOT NULL column" : "a CHECK constraint");
            }
            kinds.forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        counts.values().removeIf(n -> n == 0);
        return counts;
    }
}
