package dev.scion.cli.command;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.ops.BranchContext;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.sqlgen.SqlLiterals;
import dev.scion.versioning.table.RowCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code scion table export <table> [<file>|-]}: rows as CSV (header first) or JSON {"rows": [...]}. */
@Command(name = "export", description = "Export a table's rows to CSV or JSON.")
public final class TableExportCommand extends RepoCommand {

    @Override
    protected boolean worksDetached() {
        return true; // reads only, or names the detached commit
    }

    @Option(names = "--file-type", description = "csv, psv or json (default: from the file name, else csv).")
    String fileType;

    @Option(names = "--revision", description = "Export the table as of a revision (default: working set).")
    String revision;

    @Parameters(index = "0", paramLabel = "<table>")
    String table;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<file>")
    String file;

    @Override
    protected int run(Workspace ws) {
        BranchContext ctx = ws.context();
        RootValue root = ctx.root(revision == null ? ctx.workingSet().working() : ctx.resolveRoot(revision));
        TableValue tv = ctx.table(root.table(table).orElseThrow(() -> new CliError(
                "error: table '" + table + "' not found")));
        boolean stdout = file == null || file.equals("-");
        String format = stdout ? (fileType == null ? "csv" : fileType.toLowerCase())
                : RecordSource.formatOf(Workspace.cwd().resolve(file), fileType);
        try (OutputStream os = stdout ? new java.io.FilterOutputStream(term.out()) {
            @Override
            public void close() throws IOException {
                flush();
            }
        } : Files.newOutputStream(Workspace.cwd().resolve(file))) {
            if (format.equals("json")) {
                json(ws, tv, os);
            } else {
                csv(ws, tv, os, format.equals("psv") ? '|' : ',');
            }
        } catch (IOException e) {
            throw new CliError("error: cannot write " + file + ": " + e.getMessage());
        }
        return 0;
    }

    private void csv(Workspace ws, TableValue tv, OutputStream os, char delim) throws IOException {
        TableSchema s = tv.schema();
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        for (int i = 0; i < s.columns().size(); i++) {
            if (i > 0) {
                w.write(delim);
            }
            w.write(quote(s.columns().get(i).name(), delim));
        }
        w.write('\n');
        forEachRow(ws, tv, row -> {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    w.write(delim);
                }
                if (row[i] != null) {
                    String v = row[i] instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                            : SqlLiterals.display(row[i], s.columns().get(i).type());
                    w.write(v.isEmpty() ? "\"\"" : quote(v, delim));
                }
            }
            w.write('\n');
        });
        w.flush();
    }

    private static String quote(String v, char delim) {
        if (v.indexOf(delim) < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0
                && !v.equals("\\N")) {
            return v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private void json(Workspace ws, TableValue tv, OutputStream os) throws IOException {
        TableSchema s = tv.schema();
        JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8);
        g.writeStartObject();
        g.writeArrayFieldStart("rows");
        forEachRow(ws, tv, row -> {
            g.writeStartObject();
            for (int i = 0; i < row.length; i++) {
                Column col = s.columns().get(i);
                g.writeFieldName(col.name());
                Object v = row[i];
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof BigDecimal d) {
                    g.writeNumber(d);
                } else if (v instanceof Long l && !col.type().kind().name().matches("ENUM|SET|BIT")) {
                    g.writeNumber(l);
                } else if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
                    g.writeNumber(d);
                } else if (v instanceof Float f && !f.isNaN() && !f.isInfinite()) {
                    g.writeNumber(f);
                } else if (v instanceof byte[] b) {
                    g.writeString(new String(b, StandardCharsets.UTF_8));
                } else {
                    g.writeString(SqlLiterals.display(v, col.type()));
                }
            }
            g.writeEndObject();
        });
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    /** Receives one row; may write. */
    private interface RowWriter {
        void write(Object[] row) throws IOException;
    }

    /** Each row of the table in key order, a keyless table's duplicates as often as they occur. */
    private static void forEachRow(Workspace ws, TableValue tv, RowWriter out) throws IOException {
        RowCodec codec = new RowCodec(tv.schema());
        try (ProllyCursor c = ProllyMap.load(ws.repo().chunks(), tv.rows()).cursor()) {
            while (c.next()) {
                Object[] row = codec.decode(c.key(), c.value());
                long n = codec.count(c.value());
                for (long k = 0; k < n; k++) {
                    out.write(row);
                }
            }
        }
    }
}
