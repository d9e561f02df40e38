package dev.scion.cli.command;

import dev.scion.cli.support.Terminal;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.RowChange;
import dev.scion.versioning.diff.RowDiffer;
import dev.scion.versioning.diff.SchemaChange;
import dev.scion.versioning.diff.SchemaDiffer;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.sqlgen.SqlLiterals;
import dev.scion.versioning.sqlgen.SqlScript;
import dev.scion.versioning.table.RowCodec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prints the differences between two roots: as tables of rows (marked +, -, and < > for the old and new
 * version of a changed row, changed cells highlighted on a terminal), as SQL that turns the first root into
 * the second, as per-table counts (--stat), as one line per table (--summary) or as Dolt's JSON document
 * ({@link #printJson}). {@code schema} and {@code data} choose the parts shown (--schema, --data).
 */
final class DiffPrinter {
    enum Mode { TABLE, SQL, STAT, SUMMARY, JSON }

    private static final int BATCH = 2000;

    private final Repository repo;
    private final Terminal term;
    private final PrintStream out;
    private final Mode mode;
    private final boolean schema;
    private final boolean data;

    DiffPrinter(Repository repo, Terminal term, Mode mode, boolean schema, boolean data) {
        this.repo = repo;
        this.term = term;
        this.out = term.out();
        this.mode = mode;
        this.schema = schema;
        this.data = data;
    }

    /** Prints the diff; returns the number of tables that differ. */
    int print(RootValue from, RootValue to, List<String> only) {
        Set<String> filter = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        filter.addAll(only);
        long[] totals = new long[4];
        int n = 0;
        SummaryTable summary = new SummaryTable();
        for (TableDelta d : new RootDiffer(repo, repo.chunks()).diff(from, to)) {
            if (!filter.isEmpty() && !filter.contains(d.name())) {
                continue;
            }
            n++;
            TableValue f = d.from() == null ? null : repo.readTable(repo.chunks(), d.from());
            TableValue t = d.to() == null ? null : repo.readTable(repo.chunks(), d.to());
            switch (mode) {
                case TABLE -> table(d, f, t);
                case SQL -> sql(d, f, t);
                case STAT -> stat(d, f, t, totals);
                case SUMMARY -> summary.add(d.name(), d.kind().name().toLowerCase(java.util.Locale.ROOT)
                        .replace("dropped", "deleted"), dataChanged(f, t), schemaChanged(d, f, t));
                case JSON -> throw new IllegalStateException("JSON is printed by printJson");
            }
        }
        summary.print(out);
        if (mode == Mode.STAT && n > 0) {
            out.println(" " + n + " table" + (n == 1 ? "" : "s") + " changed, " + totals[0] + " rows added(+), "
                    + totals[1] + " rows deleted(-), " + totals[2] + " rows modified(*), " + totals[3]
                    + " cells modified");
        }
        return n;
    }

    private void table(TableDelta d, TableValue f, TableValue t) {
        String a = d.kind() == TableDelta.Kind.ADDED ? "/dev/null" : "a/" + d.name();
        String b = d.kind() == TableDelta.Kind.DROPPED ? "/dev/null" : "b/" + d.name();
        out.println(term.bold("diff --scion a/" + d.name() + " b/" + d.name()));
        if (d.kind() == TableDelta.Kind.ADDED) {
            out.println(term.bold("added table"));
        } else if (d.kind() == TableDelta.Kind.DROPPED) {
            out.println(term.bold("deleted table"));
        }
        out.println(term.bold("--- " + a));
        out.println(term.bold("+++ " + b));
        if (!schema) {
            // --data: the rows only
        } else if (d.kind() == TableDelta.Kind.ADDED) {
            for (String line : SqlScript.createTable(d.name(), t.schema()).split("\n")) {
                out.println(term.green("+" + line));
            }
        } else if (d.kind() == TableDelta.Kind.DROPPED) {
            for (String line : SqlScript.createTable(d.name(), f.schema()).split("\n")) {
                out.println(term.red("-" + line));
            }
        } else if (d.schemaChanged()) {
            for (SchemaChange c : SchemaDiffer.diff(f.schema(), t.schema())) {
                out.println(term.cyan("schema: " + c.describe()));
            }
        }
        if (!data) {
            return;
        }
        TableSchema shown = t != null ? t.schema() : f.schema();
        RowTable grid = new RowTable(shown);
        forEachChange(f, t, (c, differ) -> {
            switch (c.kind()) {
                case ADDED -> grid.add("+", c.after(), null, term::green);
                case REMOVED -> grid.add("-", differ == null ? c.before() : toShown(c.before(), differ, shown), null,
                        term::red);
                case MODIFIED -> {
                    grid.add("<", toShown(c.before(), differ, shown), null, term::red);
                    grid.add(">", c.after(), c.changedColumns(), term::green);
                }
            }
            if (grid.size() >= BATCH) {
                grid.flush(out);
            }
        });
        grid.flush(out);
    }

    private static Object[] toShown(Object[] before, RowDiffer differ, TableSchema shown) {
        Object[] row = new Object[shown.columns().size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = differ.beforeValue(before, i);
        }
        return row;
    }

    private void sql(TableDelta d, TableValue f, TableValue t) {
        if (schema) {
            schemaStatements(d, f, t).forEach(out::println);
        }
        if (d.kind() == TableDelta.Kind.DROPPED || !data) {
            return;
        }
        forEachChange(f, t, (c, differ) -> {
            String statement = dataStatement(d, f, t, c);
            if (statement != null) {
                out.println(statement);
            }
        });
    }

    /** The DDL that turns the table's old definition into its new one. */
    private static List<String> schemaStatements(TableDelta d, TableValue f, TableValue t) {
        return switch (d.kind()) {
            case DROPPED -> List.of(SqlScript.dropTable(d.name()));
            case ADDED -> List.of(SqlScript.createTable(d.name(), t.schema()));
            case MODIFIED -> d.schemaChanged()
                    ? SqlScript.alter(d.name(), t.schema(), SchemaDiffer.diff(f.schema(), t.schema()))
                    : List.of();
        };
    }

    /** The INSERT, DELETE or UPDATE for one row change; null for a change no column of the new table shows. */
    private static String dataStatement(TableDelta d, TableValue f, TableValue t, RowChange c) {
        return switch (c.kind()) {
            case ADDED -> SqlScript.insert(d.name(), t.schema(), c.after());
            case REMOVED -> SqlScript.delete(d.name(), f.schema(), c.before());
            case MODIFIED -> {
                List<String> set = SqlScript.changedByName(f.schema(), c.before(), t.schema(), c.after());
                yield set.isEmpty() ? null : SqlScript.update(d.name(), t.schema(), c.after(), set);
            }
        };
    }

    /**
     * Dolt's {@code dolt diff -r json} document, {@code {"tables":[{"name", "schema_diff": [DDL...], "data_diff":
     * [{"from_row": {...}, "to_row": {...}}]}]}}, written as it streams; {@code collation} is the database
     * collation's entry (its ALTER DATABASE), or null.
     */
    void printJson(RootValue from, RootValue to, List<String> only, String collation) {
        Set<String> filter = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        filter.addAll(only);
        try (com.fasterxml.jackson.core.JsonGenerator json = new com.fasterxml.jackson.core.JsonFactory()
                .createGenerator(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8))) {
            json.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeArrayFieldStart("tables");
            if (collation != null) {
                json.writeStartObject();
                json.writeStringField("name", collation.substring(0, collation.indexOf('\n')));
                json.writeArrayFieldStart("schema_diff");
                json.writeString(collation.substring(collation.indexOf('\n') + 1));
                json.writeEndArray();
                json.writeArrayFieldStart("data_diff");
                json.writeEndArray();
                json.writeEndObject();
            }
            for (TableDelta d : new RootDiffer(repo, repo.chunks()).diff(from, to)) {
                if (!filter.isEmpty() && !filter.contains(d.name())) {
                    continue;
                }
                TableValue f = d.from() == null ? null : repo.readTable(repo.chunks(), d.from());
                TableValue t = d.to() == null ? null : repo.readTable(repo.chunks(), d.to());
                json.writeStartObject();
                json.writeStringField("name", d.name());
                json.writeArrayFieldStart("schema_diff");
                if (schema) {
                    for (String statement : schemaStatements(d, f, t)) {
                        json.writeString(statement);
                    }
                }
                json.writeEndArray();
                json.writeArrayFieldStart("data_diff");
                if (data) {
                    forEachChange(f, t, (c, differ) -> jsonRow(json, c, f, t));
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.println();
    }

    private static void jsonRow(com.fasterxml.jackson.core.JsonGenerator json, RowChange c, TableValue f,
                                TableValue t) {
        try {
            json.writeStartObject();
            json.writeFieldName("from_row");
            if (c.before() == null) {
                json.writeStartObject();
                json.writeEndObject();
            } else {
                jsonObject(json, f.schema(), c.before()); // the old row in the old table's columns
            }
            json.writeFieldName("to_row");
            if (c.after() == null) {
                json.writeStartObject();
                json.writeEndObject();
            } else {
                jsonObject(json, t.schema(), c.after());
            }
            json.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A row as column name to value: numbers as numbers, NULL as null, anything else as its displayed text. */
    private static void jsonObject(com.fasterxml.jackson.core.JsonGenerator json, TableSchema s, Object[] row)
            throws java.io.IOException {
        json.writeStartObject();
        for (int i = 0; i < s.columns().size() && i < row.length; i++) {
            Column col = s.columns().get(i);
            Object v = row[i];
            json.writeFieldName(col.name());
            if (v == null) {
                json.writeNull();
            } else if (v instanceof java.math.BigDecimal b) {
                json.writeNumber(b);
            } else if (v instanceof java.math.BigInteger b) {
                json.writeNumber(b);
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                json.writeNumber(((Number) v).longValue());
            } else if (v instanceof Double || v instanceof Float) {
                json.writeNumber(((Number) v).doubleValue());
            } else {
                json.writeString(SqlLiterals.display(v, col.type()));
            }
        }
        json.writeEndObject();
    }

    /** Whether any row differs beyond NULL cells of columns that only one side has (Dolt's data_change). */
    private boolean dataChanged(TableValue f, TableValue t) {
        boolean[] changed = {false};
        forEachChange(f, t, (c, differ) -> {
            if (!changed[0] && (c.kind() != RowChange.Kind.MODIFIED || c.changesData(f.schema(), t.schema()))) {
                changed[0] = true;
            }
        });
        return changed[0];
    }


    private static boolean schemaChanged(TableDelta d, TableValue f, TableValue t) {
        return d.kind() != TableDelta.Kind.MODIFIED
                || !SqlScript.createTable(d.name(), f.schema()).equals(SqlScript.createTable(d.name(), t.schema()));
    }

    /** --summary's table, as Dolt prints it: one row per changed table. */
    private static final class SummaryTable {
        private static final String[] HEAD = {"Table name", "Diff type", "Data change", "Schema change"};
        private final List<String[]> rows = new ArrayList<>();

        void add(String table, String diffType, boolean data, boolean schema) {
            rows.add(new String[] {table, diffType, String.valueOf(data), String.valueOf(schema)});
        }

        void print(PrintStream out) {
            if (rows.isEmpty()) {
                return;
            }
            int[] w = new int[HEAD.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = HEAD[i].length();
                for (String[] r : rows) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            StringBuilder sep = new StringBuilder();
            for (int x : w) {
                sep.append('+').append("-".repeat(x + 2));
            }
            sep.append('+');
            out.println(sep);
            out.println(line(HEAD, w));
            out.println(sep);
            for (String[] r : rows) {
                out.println(line(r, w));
            }
            out.println(sep);
        }

        private static String line(String[] cells, int[] w) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                b.append("| ").append(cells[i]).append(" ".repeat(w[i] - cells[i].length())).append(' ');
            }
            return b.append('|').toString();
        }
    }

    private void stat(TableDelta d, TableValue f, TableValue t, long[] totals) {
        long[] counts = new long[4];
        forEachChange(f, t, (c, differ) -> {
            switch (c.kind()) {
                case ADDED -> counts[0]++;
                case REMOVED -> counts[1]++;
                case MODIFIED -> {
                    counts[2]++;
                    counts[3] += c.changedColumns().size();
                }
            }
        });
        for (int i = 0; i < 4; i++) {
            totals[i] += counts[i];
        }
        String schema = d.kind() == TableDelta.Kind.MODIFIED && d.schemaChanged() ? ", schema changed" : "";
        out.println(" " + d.name() + " | " + (counts[0] + counts[1] + counts[2]) + " " + term.green("+".repeat(
                (int) Math.min(counts[0], 20))) + term.red("-".repeat((int) Math.min(counts[1], 20)))
                + term.yellow("*".repeat((int) Math.min(counts[2], 20))) + " (" + counts[0] + " added, " + counts[1]
                + " deleted, " + counts[2] + " modified" + schema + ")");
    }

    interface ChangeSink {
        void accept(RowChange c, RowDiffer differ);
    }

    /** Every row change from f to t; a missing side counts as an empty table of the other side's schema. */
    private void forEachChange(TableValue f, TableValue t, ChangeSink sink) {
        if (f == null || t == null) {
            TableValue only = f == null ? t : f;
            RowCodec codec = new RowCodec(only.schema());
            try (ProllyCursor c = ProllyMap.load(repo.chunks(), only.rows()).cursor()) {
                while (c.next()) {
                    Object[] row = codec.decode(c.key(), c.value());
                    long count = codec.count(c.value());
                    for (long i = 0; i < count; i++) {
                        sink.accept(f == null ? new RowChange(RowChange.Kind.ADDED, c.key(), null, row, List.of())
                                : new RowChange(RowChange.Kind.REMOVED, c.key(), row, null, List.of()), null);
                    }
                }
            }
            return;
        }
        RowDiffer differ = new RowDiffer(repo.chunks(), f, t);
        while (differ.hasNext()) {
            sink.accept(differ.next(), differ);
        }
    }

    /** Rows collected for one boxed table, printed when a batch fills so memory stays bounded. */
    private static final class RowTable {
        private final TableSchema schema;
        private final List<String[]> cells = new ArrayList<>();
        private final List<String> markers = new ArrayList<>();
        private final List<List<String>> highlight = new ArrayList<>();
        private final List<java.util.function.UnaryOperator<String>> paints = new ArrayList<>();

        RowTable(TableSchema schema) {
            this.schema = schema;
        }

        int size() {
            return cells.size();
        }

        void add(String marker, Object[] row, List<String> changed, java.util.function.UnaryOperator<String> paint) {
            String[] c = new String[schema.columns().size()];
            for (int i = 0; i < c.length; i++) {
                Column col = schema.columns().get(i);
                c[i] = i < row.length ? SqlLiterals.display(row[i], col.type()) : "NULL";
            }
            cells.add(c);
            markers.add(marker);
            highlight.add(changed == null ? List.of() : changed);
            paints.add(paint);
        }

        void flush(PrintStream out) {
            if (cells.isEmpty()) {
                return;
            }
            int n = schema.columns().size();
            int[] w = new int[n];
            for (int i = 0; i < n; i++) {
                w[i] = schema.columns().get(i).name().length();
            }
            for (String[] r : cells) {
                for (int i = 0; i < n; i++) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
            StringBuilder sep = new StringBuilder("+---");
            for (int x : w) {
                sep.append('+').append("-".repeat(x + 2));
            }
            sep.append('+');
            StringBuilder head = new StringBuilder("|   ");
            for (int i = 0; i < n; i++) {
                head.append("| ").append(padRight(schema.columns().get(i).name(), w[i])).append(' ');
            }
            head.append('|');
            out.println(sep);
            out.println(head);
            out.println(sep);
            for (int r = 0; r < cells.size(); r++) {
                var paint = paints.get(r);
                StringBuilder line = new StringBuilder("| ").append(paint.apply(markers.get(r))).append(' ');
                for (int i = 0; i < n; i++) {
                    String v = padRight(cells.get(r)[i], w[i]);
                    boolean changed = highlight.get(r).contains(schema.columns().get(i).name());
                    line.append("| ").append(changed || !markers.get(r).equals(">") && !markers.get(r).equals("<")
                            ? paint.apply(v) : v).append(' ');
                }
                out.println(line.append('|'));
            }
            out.println(sep);
            cells.clear();
            markers.clear();
            highlight.clear();
            paints.clear();
        }

        private static String padRight(String s, int w) {
            return s.length() >= w ? s : s + " ".repeat(w - s.length());
        }
    }
}
