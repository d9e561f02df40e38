package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Dates;
import dev.scion.cli.support.Workspace;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.ops.BlameOp;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.sqlgen.SqlLiterals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code scion blame [<revision>] <table>}: the commit that last changed each row. */
@Command(name = "blame", description = "Show which commit last changed each row of a table.")
public final class BlameCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Parameters(arity = "1..2", paramLabel = "[<revision>] <table>")
    List<String> args;

    @Override
    protected int run(Workspace ws) {
        String rev = args.size() == 2 ? args.get(0) : "HEAD";
        String table = args.get(args.size() - 1);
        BranchContext ctx = ws.context();
        RootValue root = ctx.root(ctx.resolveRoot(rev));
        TableValue tv = ctx.table(root.table(table).orElseThrow(() -> new CliError(
                "fatal: no such table '" + table + "' in " + rev)));
        TableSchema s = tv.schema();
        List<Integer> keyCols = new ArrayList<>();
        if (s.isKeyless()) {
            for (int i = 0; i < s.columns().size(); i++) {
                keyCols.add(i);
            }
        } else {
            for (int i : s.primaryKeyIndexes()) {
                keyCols.add(i);
            }
        }
        List<String> header = new ArrayList<>();
        for (int i : keyCols) {
            header.add(s.columns().get(i).name());
        }
        header.addAll(List.of("commit", "author", "date", "message"));
        TextTable out = new TextTable(header);
        for (BlameOp.Line l : BlameOp.run(ctx, table, rev)) {
            List<String> row = new ArrayList<>();
            for (int i : keyCols) {
                Column c = s.columns().get(i);
                row.add(SqlLiterals.display(l.row()[i], c.type()));
            }
            row.add(l.commit().toString());
            row.add(l.info().author().name());
            row.add(Dates.git(l.info().author().timeMillis()));
            row.add(LogCommand.firstLine(l.info().message()));
            out.add(row);
        }
        out.print(term.out());
        return 0;
    }
}
