package dev.scion.sql;

import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.repo.DataDirectory;

import dev.scion.scenario.Expectation;
import dev.scion.scenario.Outcome;
import dev.scion.scenario.Scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Scenario} (module test-support: the format integration-tests' scenario runners play) in process:
 * a real {@link SqlEngine} over a RocksDB data directory, one {@link Session} per named connection (without
 * CLIENT_FOUND_ROWS, like the mysql CLI), results rendered as the text protocol would render them.
 */
final class SqlScriptRunner implements AutoCloseable {
    private final Path dataDir;
    private DataDirectory directory;
    private SqlEngine engine;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, String> vars = new HashMap<>();
    private String current = "default";
    private long nextConnectionId = 1;

    SqlScriptRunner(Path dataDir) {
        this.dataDir = dataDir;
        open();
    }

    private void open() {
        directory = new DataDirectory(dataDir, StoreOptions.defaults());
        engine = new SqlEngine(directory);
        // LOAD DATA INFILE scripts read the files of test resource load_data/, which they name as ${files}/NAME
        String files = loadDataFiles();
        engine.setGlobalVariable("secure_file_priv", files);
        vars.put("files", files);
    }

    private static String loadDataFiles() {
        try {
            return Path.of(SqlScriptRunner.class.getResource("/load_data").toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    void run(Scenario script) {
        for (Scenario.Step step : script.steps()) {
            String where = Scenario.where(script.name(), step.line());
            try {
                runStep(step, where);
            } catch (AssertionError e) {
                throw e.getMessage() != null && e.getMessage().startsWith(where) ? e
                        : new AssertionError(where + ": " + e.getMessage(), e);
            }
        }
    }

    private void runStep(Scenario.Step step, String where) {
        if (step instanceof Scenario.Statement s) {
            check(where, s.sql(), s.expectation(), execute(session(current), s.sql()));
            return;
        }
        Scenario.Directive d = (Scenario.Directive) step;
        switch (d.kind()) {
            case "connection" -> connect(d, where);
            case "close" -> {
                Session s = sessions.remove(d.name());
                if (s != null) {
                    s.close();
                }
            }
            default -> { // restart and kill: in process both close the engine and open the data directory again
                closeSessions();
                engine.close();
                open();
            }
        }
    }

    private void connect(Scenario.Directive c, String where) {
        current = c.name();
        if (sessions.containsKey(current)) {
            return;
        }
        Session s = engine.openSession(nextConnectionId++, "root", "localhost", false);
        Ran ran;
        try {
            if (c.database() != null) {
                s.useDatabase(Outcome.substitute(c.database(), vars));
            }
            ran = new Ran(Outcome.ok(0L), null);
        } catch (SqlError e) {
            ran = Ran.failed(e);
        }
        check(where, "connect " + c.name(), c.expectation(), ran);
        if (ran.error() == null) {
            sessions.put(current, s);
        }
    }

    private Session session(String name) {
        return sessions.computeIfAbsent(name, n -> engine.openSession(nextConnectionId++, "root", "localhost", false));
    }

    /** What a statement produced as a client would see it, and the engine's error for a failure's stack trace. */
    private record Ran(Outcome outcome, SqlError error) {
        static Ran failed(SqlError e) {
            return new Ran(Outcome.error(e.code(), e.sqlState(), e.getMessage()), e);
        }
    }

    private Ran execute(Session session, String sql) {
        List<Outcome> results = new ArrayList<>();
        try {
            engine.execute(session, engineText(Outcome.substitute(sql, vars)), false,
                    result -> results.add(render(result)));
        } catch (SqlError e) {
            return Ran.failed(e);
        }
        if (results.isEmpty()) {
            return new Ran(Outcome.ok(0L), null);
        }
        // a CALL sends its result sets and then an OK: the last result set is what the script checks
        for (int i = results.size() - 1; i >= 0; i--) {
            if (results.get(i).kind() == Outcome.Kind.RESULT) {
                return new Ran(results.get(i), null);
            }
        }
        return new Ran(results.get(results.size() - 1), null);
    }

    /**
     * The statement as the mysql client sends it: without its delimiter, and (the scripts were written against
     * this) each line without its indentation.
     */
    private static String engineText(String sql) {
        String text = String.join("\n", sql.lines().map(String::strip).toList()).strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1).stripTrailing() : text;
    }

    private static Outcome render(StatementResult result) {
        if (result instanceof StatementResult.Update u) {
            return Outcome.ok(u.affectedRows());
        }
        StatementResult.Rows rows = (StatementResult.Rows) result;
        List<String> header = rows.columns().stream().map(ResultColumn::name).toList();
        List<List<String>> out = new ArrayList<>();
        try (RowStream stream = rows.rows()) {
            Object[] r;
            while ((r = stream.next()) != null) {
                List<String> cells = new ArrayList<>(r.length);
                for (int i = 0; i < r.length; i++) {
                    cells.add(r[i] == null ? "NULL" : text(r[i], rows.columns().get(i)));
                }
                out.add(cells);
            }
        }
        return Outcome.result(header, out);
    }

    /**
     * A value's text. A TIME, DATETIME or TIMESTAMP column shows exactly its decimals' fraction digits (padded or
     * cut), as the text protocol prints it, so a script sees a computed column's precision as a client does.
     */
    private static String text(Object v, ResultColumn column) {
        String s = Values.toStringValue(shown(v, column));
        boolean temporal = column.kind() == dev.scion.sql.result.ColumnKind.TIME
                || column.kind() == dev.scion.sql.result.ColumnKind.DATETIME
                || column.kind() == dev.scion.sql.result.ColumnKind.TIMESTAMP;
        if (!temporal || !(v instanceof java.time.temporal.Temporal || v instanceof java.time.Duration
                || v instanceof dev.scion.storage.tuple.ZeroDate)) {
            return s;
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String micros = dot < 0 ? "000000" : (s.substring(dot + 1) + "000000").substring(0, 6);
        int digits = Math.max(0, Math.min(6, column.decimals()));
        return digits == 0 ? whole : whole + "." + micros.substring(0, digits);
    }

    /**
     * A DECIMAL with more digits than its column shows (a quotient's hidden digits), rounded as the text protocol
     * rounds it. Fewer digits are left as they are (the scripts were written against that rendering).
     */
    private static Object shown(Object v, ResultColumn column) {
        if (v instanceof java.math.BigDecimal d && column.kind() == dev.scion.sql.result.ColumnKind.NEWDECIMAL
                && column.decimals() >= 0 && column.decimals() <= 30 && d.scale() > column.decimals()) {
            return d.setScale(column.decimals(), java.math.RoundingMode.HALF_UP);
        }
        return v;
    }

    private void check(String where, String sql, Expectation e, Ran ran) {
        String why = ran.outcome().mismatch(e, vars);
        if (why != null) {
            throw new AssertionError(where + ": `" + sql + "`: " + why + "\n--- expected:\n" + e.describe()
                    + "\n--- actual:\n" + ran.outcome().describe(), ran.error());
        }
    }

    private void closeSessions() {
        sessions.values().forEach(Session::close);
        sessions.clear();
    }

    @Override
    public void close() {
        closeSessions();
        engine.close();
    }
}
