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
 * the second, or as per-table counts (--stat).
 */
final class DiffPrinter {
    enum Mode { TABLE, SQL, STAT }

    private static final int BATCH = 2000;

    private final Repository repo;
    private final Terminal term;
    private final PrintStream out;
    private final Mode mode;

    DiffPrinter(Repository repo, Terminal term, Mode mode) {
        this.repo = repo;
        this.term = term;
        this.out = term.out();
        this.mode = mode;
    }

    /** Prints the diff; returns the number of tables that differ. */
    int print(RootValue from, RootValue to, List<String> only) {
        Set<String> filter = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        filter.addAll(only);
        long[] totals = new long[4];
        int n = 0;
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
            }
        }
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
        if (d.kind() == TableDelta.Kind.ADDED) {
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
        switch (d.kind()) {
            case DROPPED -> out.println(SqlScript.dropTable(d.name()));
            case ADDED -> out.println(SqlScript.createTable(d.name(), t.schema()));
            case MODIFIED -> {
                if (d.schemaChanged()) {
                    SqlScript.alter(d.name(), t.schema(), SchemaDiffer.diff(f.schema(), t.schema()))
                            .forEach(out::println);
                }
            }
        }
        if (d.kind() == TableDelta.Kind.DROPPED) {
            return;
        }
        forEachChange(f, t, (c, differ) -> {
            switch (c.kind()) {
                case ADDED -> out.println(SqlScript.insert(d.name(), t.schema(), c.after()));
                case REMOVED -> out.println(SqlScript.delete(d.name(), f.schema(), c.before()));
                case MODIFIED -> {
                    List<String> set = SqlScript.changedByName(f.schema(), c.before(), t.schema(), c.after());
                    if (!set.isEmpty()) {
                        out.println(SqlScript.update(d.name(), t.schema(), c.after(), set));
                    }
                }
            }
        });
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
