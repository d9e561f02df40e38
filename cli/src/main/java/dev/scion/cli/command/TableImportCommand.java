package dev.scion.cli.command;

import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Progress;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.prolly.SortedMapBuilder;
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
import dev.scion.versioning.table.RowCodec;
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
        if (!Files.isRegularFile(Workspace.cwd().resolve(file))) {
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
        long size = Files.size(Workspace.cwd().resolve(file));
        Progress progress = new Progress(term, "Importing " + table, size);
        long processed = 0;
        long added = 0;
        long modified = 0;
        try (RecordSource src = RecordSource.open(Workspace.cwd().resolve(file), format)) {
            List<String> header = src.header();
            int[] target = new int[header.size()];
            for (int i = 0; i < target.length; i++) {
                target[i] = schema.columnIndex(header.get(i));
                if (target[i] < 0) {
                    throw new IOException("unknown column '" + header.get(i) + "' for table '" + table + "'");
                }
            }
            TableValue current = start;
            // A new or replaced table without secondary indexes, fed in ascending key order (the usual dump or
            // export), is built straight from the stream; the first out-of-order key hands over to the editor.
            boolean emptyStart = ProllyMap.load(buf, start.rows()).isEmpty();
            SortedRun sorted = emptyStart && !schema.isKeyless() && schema.indexes().isEmpty()
                    ? new SortedRun(buf) : null;
            TableEditor ed = sorted != null ? null : new TableEditor(table, current, buf);
            int inBatch = 0;
            try (RowPipeline pipeline = new RowPipeline(src, target, schema,
                    sorted != null ? new RowCodec(schema) : null)) {
                RowPipeline.Batch batch;
                while ((batch = pipeline.next()) != null) {
                    for (int r = 0; r < batch.size; r++) {
                        Object[] row = batch.rows[r];
                        try {
                            if (sorted != null) {
                                if (sorted.offer(batch.keys[r], batch.values[r])) {
                                    added++;
                                    processed++;
                                    continue;
                                }
                                current = sorted.finish(start);
                                sorted = null;
                                ed = new TableEditor(table, current, buf);
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
                            throw new IOException(pipeline.position(batch.marks[r]) + ": " + e.getMessage());
                        }
                        processed++;
                        if (++inBatch >= EDITOR_BATCH) {
                            current = ed.finish();
                            ed = new TableEditor(table, current, buf);
                            inBatch = 0;
                        }
                    }
                    progress.update(batch.bytesRead, processed);
                    if (batch.failure != null) {
                        progress.finish();
                        batch.rethrow();
                    }
                }
            }
            current = sorted != null ? sorted.finish(start) : ed.finish();
            progress.finish();
            RootValue next = root.withTable(root.resolveName(table).orElse(table), current.write(buf));
            ws.repo().updateWorkingSet(ws.branch(), w, w.withWorking(next.write(buf)), buf);
        }
        return new long[] {processed, added, modified};
    }

    /**
     * Rows arriving in strictly ascending key order, built into the row map as they come: the nodes are cut and
     * hashed while the pipeline's threads are still reading and parsing the rest of the file.
     */
    private static final class SortedRun {
        private final SortedMapBuilder builder;

        SortedRun(ChunkBuffer buf) {
            builder = new SortedMapBuilder(buf);
        }

        /** Takes the row if its key is above every key so far; false (row not taken) otherwise. */
        boolean offer(byte[] key, byte[] value) {
            if (!builder.accepts(key)) {
                return false;
            }
            builder.add(key, value);
            return true;
        }

        TableValue finish(TableValue start) {
            Hash rows = builder.finish().root();
            return new TableValue(start.schema(), rows, start.indexes(), start.autoIncrement());
        }
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
        try (RecordSource src = RecordSource.open(Workspace.cwd().resolve(file), format)) {
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
            int start = !t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
            int digitsBefore = 0;
            int digitsAfter = 0;
            int dots = 0;
            boolean numeric = t.length() > start;
            for (int i = start; i < t.length() && numeric; i++) {
                char c = t.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (dots == 0) {
                        digitsBefore++;
                    } else {
                        digitsAfter++;
                    }
                } else if (c == '.' && dots == 0) {
                    dots++;
                } else {
                    numeric = false;
                }
            }
            numeric &= digitsBefore > 0 && (dots == 0 || digitsAfter > 0);
            if (integer && !(numeric && dots == 0 && digitsBefore <= 18)) {
                integer = false;
            }
            if (decimal) {
                if (!numeric) {
                    decimal = false;
                } else {
                    scale = Math.max(scale, digitsAfter);
                    intDigits = Math.max(intDigits, digitsBefore);
                }
            }
            if (date && !(t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-'
                    && digits(t, 0, 4) && digits(t, 5, 7) && digits(t, 8, 10))) {
                date = false;
            }
        }

        private static boolean digits(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
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
