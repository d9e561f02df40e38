package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.sql.catalog.SchemaFragments;
import dev.scion.sql.trigger.Triggers;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.sqlgen.SqlLiterals;
import dev.scion.versioning.sqlgen.SqlScript;
import dev.scion.versioning.table.RowCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code scion dump}: the working set (or a revision) as a SQL script the mysql client loads into MySQL or
 * MariaDB: DROP/CREATE TABLE and multi-row INSERTs, with foreign key and unique checks off while loading.
 */
@Command(name = "dump", description = "Write the database as a SQL script for MySQL/MariaDB.")
public final class DumpCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }
    private static final int ROWS_PER_INSERT = 500;

    @Option(names = {"-f", "--file"}, description = "Write to this file instead of stdout.")
    Path file;

    @Option(names = "--revision", description = "Dump this revision instead of the working set.")
    String revision;

    @Option(names = "--no-create-db", description = "Leave out CREATE DATABASE / USE.")
    boolean noCreateDb;

    /** The table holding view and trigger definitions (type, name, fragment), as Dolt names it. */
    private static final String SCHEMA_FRAGMENTS = "dolt_schemas";

    /**
     * Views first, then triggers (a trigger may name a view's tables only, never the reverse). A trigger's body
     * may hold semicolons, so it is written between mysql-client DELIMITER lines.
     */
    private static void writeFragments(PrintWriter out, List<Object[]> fragments, String database) {
        List<SchemaFragments.Fragment> triggers = new ArrayList<>();
        for (Object[] f : fragments) {
            if (f[2] == null) {
                continue;
            }
            if ("view".equalsIgnoreCase(String.valueOf(f[0]))) {
                out.println();
                out.println("DROP VIEW IF EXISTS " + SqlLiterals.identifier(String.valueOf(f[1])) + ";");
                out.println(f[2] + ";");
            } else if ("trigger".equalsIgnoreCase(String.valueOf(f[0]))) {
                triggers.add(new SchemaFragments.Fragment(String.valueOf(f[1]), (String) f[2],
                        f.length > 3 ? (String) f[3] : null));
            }
        }
        // in run order and without FOLLOWS / PRECEDES, so the restore keeps the order of several triggers per event
        List<String> drops = triggers.stream().map(t -> SqlLiterals.identifier(t.name())).toList();
        List<String> creates = Triggers.recreateInRunOrder(triggers, database);
        for (String name : drops) {
            out.println();
            out.println("DROP TRIGGER IF EXISTS " + name + ";");
        }
        for (String create : creates) {
            out.println();
            out.println("DELIMITER ;;");
            out.println(create + ";;");
            out.println("DELIMITER ;");
        }
    }

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        RootValue root = ctx.root(revision == null ? ctx.workingSet().working() : ctx.resolveRoot(revision));
        try (PrintWriter out = file == null
                ? new PrintWriter(new BufferedWriter(new OutputStreamWriter(term.out(), StandardCharsets.UTF_8),
                1 << 16), false)
                : new PrintWriter(Files.newBufferedWriter(Workspace.cwd().resolve(file), StandardCharsets.UTF_8))) {
            out.println("-- scion dump of " + ws.dir().getFileName() + " (" + (revision == null ? "working set of "
                    + (ws.branch() == null ? "detached HEAD" : ws.branch()) : revision) + ")");
            out.println("SET NAMES utf8mb4;");
            out.println("SET FOREIGN_KEY_CHECKS=0;");
            out.println("SET UNIQUE_CHECKS=0;");
            if (!noCreateDb) {
                String db = SqlLiterals.identifier(ws.dir().getFileName().toString());
                out.println("CREATE DATABASE IF NOT EXISTS " + db + ";");
                out.println("USE " + db + ";");
            }
            List<Object[]> fragments = new ArrayList<>();
            for (Map.Entry<String, dev.scion.storage.Hash> e : root.tables().entrySet()) {
                TableValue tv = ctx.table(e.getValue());
                if (e.getKey().equalsIgnoreCase(SCHEMA_FRAGMENTS)) {
                    // views and triggers: written as CREATE statements after every table exists
                    RowCodec codec = new RowCodec(tv.schema());
                    try (ProllyCursor c = ProllyMap.load(ws.repo().chunks(), tv.rows()).cursor()) {
                        while (c.next()) {
                            fragments.add(codec.decode(c.key(), c.value()));
                        }
                    }
                    continue;
                }
                out.println();
                out.println("DROP TABLE IF EXISTS " + SqlLiterals.identifier(e.getKey()) + ";");
                out.println(SqlScript.createTableForDump(e.getKey(), tv.schema()));
                RowCodec codec = new RowCodec(tv.schema());
                List<Object[]> batch = new ArrayList<>(ROWS_PER_INSERT);
                try (ProllyCursor c = ProllyMap.load(ws.repo().chunks(), tv.rows()).cursor()) {
                    while (c.next()) {
                        Object[] row = codec.decode(c.key(), c.value());
                        for (long n = codec.count(c.value()); n > 0; n--) {
                            batch.add(row);
                        }
                        if (batch.size() >= ROWS_PER_INSERT) {
                            out.println(SqlScript.insertMany(e.getKey(), tv.schema(), batch));
                            batch.clear();
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    out.println(SqlScript.insertMany(e.getKey(), tv.schema(), batch));
                }
            }
            writeFragments(out, fragments, ws.dir().getFileName().toString());
            out.println();
            out.println("SET FOREIGN_KEY_CHECKS=1;");
            out.println("SET UNIQUE_CHECKS=1;");
            out.flush();
            if (out.checkError()) {
                throw new CliError("error: writing the dump failed");
            }
        } catch (IOException e) {
            throw new CliError("error: cannot write " + file + ": " + e.getMessage());
        }
        return 0;
    }
}
