package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Progress;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.model.WorkingSet;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.repo.RefNames;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.table.DuplicateKeyException;
import dev.scion.versioning.table.TableEditor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code scion table import -c|-u|-r <table> <file>}: load CSV or JSON rows into the working set. -c creates
 * the table (column types inferred from the data, --pk names the key), -u inserts or updates rows of an
 * existing table, -r replaces its rows. All or nothing: a bad row stops the import with its line number and
 * the working set is left as it was.
 */
@Command(name = "import", description = "Import rows from a CSV or JSON file.")
public final class TableImportCommand extends RepoCommand {
    private static final int EDITOR_BATCH = 250_000;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = {"-c", "--create-table"}, description = "Create the table.")
        boolean create;

        @Option(names = {"-u", "--update-table"}, description = "Insert or update rows of an existing table.")
        boolean update;

        @Option(names = {"-r", "--replace-table"}, description = "Replace every row of an existing table.")
        boolean replace;
    }

    @Option(names = "--pk", split = ",", description = "Primary key column(s) for -c.")
    List<String> pk;

    @Option(names = {"-f", "--force"}, description = "With -c, replace an existing table.")
    boolean force;

    @Option(names = "--file-type", description = "csv, psv or json (default: from the file name).")
    String fileType;

    @Parameters(index = "0", paramLabel = "<table>")
    String table;

    @Parameters(index = "1", paramLabel = "<file>")
    Path file;

    @Override
    protected int run(Workspace ws) {
        if (!Files.isRegularFile(file)) {
            throw new CliError("error: cannot read " + file);
        }
        BranchContext ctx = ws.context();
        WorkingSet w = ctx.workingSet();
        ChunkBuffer buf = ws.repo().newBuffer();
        RootValue root = ctx.root(buf, w.working());
        String format = RecordSource.formatOf(file, fileType);
        TableValue start;
        try {
            if (mode.create) {
                if (root.table(table).isPresent() && !force) {
                    throw new CliError("error: table '" + table + "' already exists (use -u, -r, or -f)");
                }
                if (!RefNames.isValidBranchName(table) || table.contains("/")) {
                    throw new CliError("error: invalid table name '" + table + "'");
                }
                if (pk == null || pk.isEmpty()) {
                    throw new CliError("error: --pk is required to create a table");
                }
                start = new TableValue(inferSchema(format), ProllyMap.empty(buf).root(), Map.of(), 1);
                start = new TableEditor(table, start, buf).finish();
            } else {
                Hash h = root.table(table).orElseThrow(() -> new CliError("error: table '" + table
                        + "' does not exist (use -c to create it)"));
                start = ws.repo().readTable(buf, h);
                if (mode.replace) {
                    start = new TableEditor(table, new TableValue(start.schema(), ProllyMap.empty(buf).root(),
                            Map.of(), start.autoIncrement()), buf).finish();
                }
            }
            long[] counts = load(start, format, buf, root, w, ws);
            term.out().println("Rows Processed: " + counts[0] + ", Additions: " + counts[1] + ", Modifications: "
                    + counts[2]);
            term.out().println("Import completed successfully.");
            return 0;
        } catch (IOException e) {
            throw new CliError("error: " + file + ": " + e.getMessage() + "\nnothing was imported");
        }
    }

    private long[] load(TableValue start, String format, ChunkBuffer buf, RootValue root, WorkingSet w, Workspace ws)
            throws IOException {
        TableSchema schema = start.schema();
        long size = Files.size(file);
        Progress progress = new Progress(term, "Importing " + table, size);
        long processed = 0;
        long added = 0;
        long modified = 0;
        try (RecordSource src = RecordSource.open(file, format)) {
            List<String> header = src.header();
            int[] target = new int[header.size()];
            for (int i = 0; i < target.length; i++) {
                target[i] = schema.columnIndex(header.get(i));
                if (target[i] < 0) {
                    throw new IOException("unknown column '" + header.get(i) + "' for table '" + table + "'");
                }
            }
            TableValue current = start;
            TableEditor ed = new TableEditor(table, current, buf);
            int inBatch = 0;
            List<String> rec;
            while ((rec = src.next()) != null) {
                Object[] row = new Object[schema.columns().size()];
                try {
                    for (int i = 0; i < target.length; i++) {
                        row[target[i]] = ValueParser.parse(rec.get(i), schema.columns().get(target[i]));
                    }
                    for (int i = 0; i < row.length; i++) {
                        Column c = schema.columns().get(i);
                        if (row[i] == null && !c.nullable() && !c.autoIncrement()) {
                            throw new IllegalArgumentException("column '" + c.name() + "' cannot be NULL");
                        }
                    }
                    if (mode.update && !schema.isKeyless()) {
                        Object[] old = ed.getByKey(ed.codec().key(row));
                        if (old != null) {
                            for (int i = 0; i < row.length; i++) {
                                if (!contains(target, i)) {
                                    row[i] = old[i];
                                }
                            }
                            if (!Arrays.deepEquals(old, row)) {
                                ed.update(old, row);
                                modified++;
                            }
                        } else {
                            ed.insert(row);
                            added++;
                        }
                    } else {
                        ed.insert(row);
                        added++;
                    }
                } catch (IllegalArgumentException | DuplicateKeyException e) {
                    progress.finish();
                    throw new IOException(src.position() + ": " + e.getMessage());
                }
                processed++;
                if (++inBatch >= EDITOR_BATCH) {
                    current = ed.finish();
                    ed = new TableEditor(table, current, buf);
                    inBatch = 0;
                }
                if ((processed & 0xFFF) == 0) {
                    progress.update(src.bytesRead(), processed);
                }
            }
            current = ed.finish();
            progress.finish();
            RootValue next = root.withTable(root.resolveName(table).orElse(table), buf.put(current.encode()));
            ws.repo().updateWorkingSet(ws.branch(), w, w.withWorking(buf.put(next.encode())), buf);
        }
        return new long[] {processed, added, modified};
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** One pass over the file to pick each column's narrowest fitting type. */
    private TableSchema inferSchema(String format) throws IOException {
        try (RecordSource src = RecordSource.open(file, format)) {
            List<String> header = src.header();
            ColumnGuess[] g = new ColumnGuess[header.size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = new ColumnGuess();
            }
            List<String> rec;
            while ((rec = src.next()) != null) {
                for (int i = 0; i < g.length; i++) {
                    g[i].see(rec.get(i));
                }
            }
            List<Column> cols = new ArrayList<>();
            for (String k : pk) {
                if (header.stream().noneMatch(h -> h.equalsIgnoreCase(k))) {
                    throw new CliError("error: primary key column '" + k + "' is not in the file");
                }
            }
            for (int i = 0; i < g.length; i++) {
                String name = header.get(i);
                boolean key = pk.stream().anyMatch(name::equalsIgnoreCase);
                long tag = (table.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT)).hashCode()
                        & 0xffffffffL;
                cols.add(new Column(name, g[i].type(), !key, null, false, null, tag));
            }
            List<String> keyNames = pk.stream().map(k -> header.stream().filter(k::equalsIgnoreCase).findFirst()
                    .orElseThrow()).toList();
            return new TableSchema(cols, keyNames, List.of());
        }
    }

    /** Narrows a column's type as values are seen: BIGINT, then DECIMAL, then DATE, else VARCHAR/TEXT. */
    private static final class ColumnGuess {
        boolean integer = true;
        boolean decimal = true;
        boolean date = true;
        boolean any;
        int maxLen;
        int intDigits;
        int scale;

        void see(String v) {
            if (v == null) {
                return;
            }
            any = true;
            maxLen = Math.max(maxLen, v.length());
            String t = v.trim();
            if (integer && !t.matches("[-+]?\\d{1,18}")) {
                integer = false;
            }
            if (decimal) {
                if (!t.matches("[-+]?\\d+(\\.\\d+)?")) {
                    decimal = false;
                } else {
                    int dot = t.indexOf('.');
                    String digits = t.replaceAll("[-+]", "");
                    int s = dot < 0 ? 0 : t.length() - dot - 1;
                    scale = Math.max(scale, s);
                    intDigits = Math.max(intDigits, (dot < 0 ? digits.length() : digits.indexOf('.')));
                }
            }
            if (date && !t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                date = false;
            }
        }

        ColumnType type() {
            if (!any) {
                return ColumnType.of(TypeKind.VARCHAR, 255);
            }
            if (integer) {
                return ColumnType.of(TypeKind.BIGINT);
            }
            if (decimal && intDigits + scale <= 65 && scale <= 30) {
                return new ColumnType(TypeKind.DECIMAL, Math.max(intDigits + scale, 1), scale, false, List.of());
            }
            if (date) {
                return ColumnType.of(TypeKind.DATE);
            }
            return maxLen <= 16383 ? ColumnType.of(TypeKind.VARCHAR, Math.max(maxLen, 1) <= 255 ? 255
                    : Math.max(maxLen, 1)) : ColumnType.of(TypeKind.LONGTEXT);
        }
    }
}
