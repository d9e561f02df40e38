package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.Workspace;
import dev.scion.sql.dolt.ViolationInfo;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableConflicts;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.ops.ConflictsOp;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.sqlgen.SqlLiterals;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code scion conflicts cat|resolve}: inspect and resolve what a merge left. */
@Command(name = "conflicts", description = "Show and resolve merge conflicts.",
        subcommands = {ConflictsCommand.Cat.class, ConflictsCommand.Resolve.class})
public final class ConflictsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut()); // the caller's output, also inside the sql-server
        spec.commandLine().getOut().flush();
    }

    /** {@code conflicts cat <table>...}: base, ours and theirs of every conflicting row, and violations. */
    @Command(name = "cat", description = "Print the conflicts and constraint violations of tables.")
    public static final class Cat extends RepoCommand {

        @Override
        protected boolean worksDetached() {
            return true; // reads only, or names the detached commit
        }

        @Parameters(arity = "0..*", paramLabel = "<table>")
        List<String> tables = new ArrayList<>();

        @Override
        protected int run(Workspace ws) {
            BranchContext ctx = ws.context();
            List<String> names = new ArrayList<>(tables);
            if (names.isEmpty()) {
                ConflictsOp.state(ctx).tables().forEach(t -> names.add(t.table()));
            }
            RootValue working = ctx.root(ctx.workingSet().working());
            for (String name : names) {
                TableConflicts tc = ConflictsOp.table(ctx, name);
                term.out().println(term.bold("table " + tc.table()));
                if (tc.schemaConflict() != null) {
                    term.out().println("schema conflict: " + tc.schemaConflict());
                    term.out().println("resolve with: scion conflicts resolve --ours|--theirs " + tc.table());
                }
                TableValue tv = working.table(name).map(ctx::table).orElse(null);
                if (tv != null && tc.rowConflictCount() > 0) {
                    printRows(term, tv.schema(), ConflictsOp.rows(ctx, name));
                }
                if (tv != null && tc.violationCount() > 0) {
                    List<String> header = new ArrayList<>(List.of("violation"));
                    tv.schema().columns().forEach(c -> header.add(c.name()));
                    TextTable t = new TextTable(header);
                    for (ConflictsOp.Violation v : ConflictsOp.violations(ctx, name)) {
                        for (String part : ViolationInfo.parts(v.description())) {
                            List<String> row = new ArrayList<>(List.of(ViolationInfo.line(part, tv.schema())));
                            row.addAll(cells(tv.schema(), v.row()));
                            t.add(row);
                        }
                    }
                    t.print(term.out());
                }
            }
            return 0;
        }

        private static void printRows(Terminal term, TableSchema s, List<ConflictsOp.RowConflict> rows) {
            List<String> header = new ArrayList<>(List.of(""));
            s.columns().forEach(c -> header.add(c.name()));
            TextTable t = new TextTable(header);
            for (ConflictsOp.RowConflict r : rows) {
                t.add(side("base", s, r.base()));
                t.add(side("ours", s, r.ours()));
                t.add(side("theirs", s, r.theirs()));
            }
            t.print(term.out());
        }

        private static List<String> side(String label, TableSchema s, Object[] row) {
            List<String> out = new ArrayList<>(List.of(label));
            if (row == null) {
                s.columns().forEach(c -> out.add("(deleted)"));
            } else {
                out.addAll(cells(s, row));
            }
            return out;
        }

        private static List<String> cells(TableSchema s, Object[] row) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < s.columns().size(); i++) {
                out.add(row == null ? "(deleted)" : SqlLiterals.display(row[i], s.columns().get(i).type()));
            }
            return out;
        }
    }

    /**
     * {@code conflicts resolve --ours|--theirs <table>...} resolves whole tables; with {@code --key v1,v2} one
     * row; {@code --constraints <table>} re-checks recorded constraint violations after the data was fixed.
     */
    @Command(name = "resolve", description = "Resolve conflicts to one side, or re-check constraint violations.")
    public static final class Resolve extends RepoCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;

        static final class Choice {
            @Option(names = "--ours", description = "Keep our version.")
            boolean ours;

            @Option(names = "--theirs", description = "Take their version.")
            boolean theirs;

            @Option(names = "--constraints", description = "Re-check constraint violations.")
            boolean constraints;
        }

        @Option(names = "--key", split = ",", paramLabel = "<value>",
                description = "Primary key values of the one row to resolve.")
        List<String> key;

        @Parameters(arity = "1..*", paramLabel = "<table>")
        List<String> tables;

        @Override
        protected int run(Workspace ws) {
            BranchContext ctx = ws.context();
            ConflictsOp.Side side = choice.ours ? ConflictsOp.Side.OURS : ConflictsOp.Side.THEIRS;
            int code = 0;
            for (String table : tables) {
                if (choice.constraints) {
                    long left = ConflictsOp.recheckViolations(ctx, table);
                    if (left > 0) {
                        term.err().println("error: " + left + (left == 1 ? " row of " + table + " still violates"
                                : " rows of " + table + " still violate") + " a constraint");
                        code = 1;
                    }
                } else if (key != null) {
                    RootValue w = ctx.root(ctx.workingSet().working());
                    TableSchema s = ctx.table(w.table(table).orElseThrow(() -> new CliError(
                            "error: no table '" + table + "'"))).schema();
                    ConflictsOp.resolveRow(ctx, table, parseKey(s, key), side);
                } else {
                    ConflictsOp.resolve(ctx, table, side);
                }
            }
            return code;
        }

        private static Object[] parseKey(TableSchema s, List<String> values) {
            int[] pk = s.primaryKeyIndexes();
            if (pk.length != values.size()) {
                throw new CliError("error: table has " + pk.length + " primary key column(s), got "
                        + values.size() + " value(s)");
            }
            Object[] out = new Object[pk.length];
            for (int i = 0; i < pk.length; i++) {
                Column c = s.columns().get(pk[i]);
                out[i] = ValueParser.parse(values.get(i), c);
            }
            return out;
        }
    }
}
