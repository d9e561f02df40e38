package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.repo.VersioningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code scion diff}: as git — no revision compares staged with working, --staged compares HEAD with staged,
 * one revision compares it with working, two (or a..b) compare them. Anything after the revisions names tables.
 * WORKING and STAGED can be used as revisions too.
 */
@Command(name = "diff", description = "Show changes between the working set, staged tables and commits.")
public final class DiffCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Option(names = {"--staged", "--cached"}, description = "Compare HEAD with the staged tables.")
    boolean staged;

    @Option(names = "--sql", description = "Print SQL statements that turn the old version into the new (-r sql).")
    boolean sql;

    @Option(names = {"-r", "--result-format"}, paramLabel = "<format>",
            description = "tabular (the default), sql or json, as Dolt's dolt diff -r.")
    String resultFormat;

    @Option(names = "--stat", description = "Print per-table counts of changed rows.")
    boolean stat;

    @Option(names = "--summary", description = "Print one line per changed table: diff type, data and schema change.")
    boolean summary;

    @Option(names = "--schema", description = "Show only schema changes.")
    boolean schemaOnly;

    @Option(names = "--data", description = "Show only data changes.")
    boolean dataOnly;

    @Parameters(arity = "0..*", paramLabel = "[<revision> [<revision>]] [<table>...]")
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        WorkingSet w = ctx.workingSet();
        List<String> rest = new ArrayList<>(args);
        List<Hash> revs = new ArrayList<>();
        if (!rest.isEmpty() && rest.get(0).contains("..") && !rest.get(0).equals("..")) {
            String[] ab = rest.remove(0).split("\\.\\.", 2);
            revs.add(rootOf(ctx, ab[0].isEmpty() ? "HEAD" : ab[0]));
            revs.add(rootOf(ctx, ab[1].isEmpty() ? "HEAD" : ab[1]));
        } else {
            while (!rest.isEmpty() && revs.size() < 2) {
                if (rest.get(0).equals("--")) {
                    rest.remove(0);
                    break;
                }
                Hash r = tryRoot(ctx, rest.get(0));
                if (r == null) {
                    break;
                }
                revs.add(r);
                rest.remove(0);
            }
        }
        Hash from;
        Hash to;
        if (revs.size() == 2) {
            from = revs.get(0);
            to = revs.get(1);
        } else if (revs.size() == 1) {
            from = revs.get(0);
            to = staged ? w.staged() : w.working();
        } else if (staged) {
            from = ctx.headCommit().root();
            to = w.staged();
        } else {
            from = w.staged();
            to = w.working();
        }
        RootValue f = ctx.root(from);
        RootValue t = ctx.root(to);
        DatabaseCollationDiff collation = new DatabaseCollationDiff(ws.repo(), term,
                ws.dir().getFileName().toString());
        for (String table : rest) {
            if (f.table(table).isEmpty() && t.table(table).isEmpty() && !collation.entry().equalsIgnoreCase(table)) {
                throw new CliError("fatal: ambiguous argument '" + table + "': unknown revision or table", 128);
            }
        }
        DiffPrinter.Mode mode = mode();
        // with neither --schema nor --data both parts show, as in Dolt
        boolean schema = schemaOnly || !dataOnly;
        boolean data = dataOnly || !schemaOnly;
        DiffPrinter printer = new DiffPrinter(ws.repo(), term, mode, schema, data);
        if (mode == DiffPrinter.Mode.JSON) {
            printer.printJson(f, t, rest, schema ? collation.json(f, t, rest) : null);
            return 0;
        }
        if (schema) {
            collation.print(mode, f, t, rest);
        }
        printer.print(f, t, rest);
        return 0;
    }

    private DiffPrinter.Mode mode() {
        int chosen = (stat ? 1 : 0) + (summary ? 1 : 0);
        if (chosen > 1) {
            throw new CliError("error: --stat and --summary cannot be combined", 1);
        }
        String format = resultFormat == null ? (sql ? "sql" : "tabular") : resultFormat.toLowerCase(java.util.Locale.ROOT);
        if (sql && !format.equals("sql")) {
            throw new CliError("error: --sql and -r " + resultFormat + " cannot be combined", 1);
        }
        DiffPrinter.Mode formatted = switch (format) {
            case "tabular" -> DiffPrinter.Mode.TABLE;
            case "sql" -> DiffPrinter.Mode.SQL;
            case "json" -> DiffPrinter.Mode.JSON;
            default -> throw new CliError("error: invalid result format: " + resultFormat
                    + " (use tabular, sql or json)", 1);
        };
        if (chosen == 1 && formatted != DiffPrinter.Mode.TABLE) {
            throw new CliError("error: " + (stat ? "--stat" : "--summary") + " prints a table; it cannot be combined "
                    + "with -r " + format, 1);
        }
        return stat ? DiffPrinter.Mode.STAT : summary ? DiffPrinter.Mode.SUMMARY : formatted;
    }

    private static Hash rootOf(BranchContext ctx, String rev) {
        return ctx.resolveRoot(rev);
    }

    private static Hash tryRoot(BranchContext ctx, String rev) {
        try {
            return ctx.resolveRoot(rev);
        } catch (VersioningException e) {
            return null;
        }
    }
}
