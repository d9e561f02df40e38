package dev.scion.sql;

import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.repo.DataDirectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@link SqlScript} in process: a real {@link SqlEngine} over a RocksDB data directory, one {@link Session}
 * per named connection (without CLIENT_FOUND_ROWS, like the mysql CLI), results rendered as the text protocol
 * would render them.
 */
final class SqlScriptRunner implements AutoCloseable {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Pattern BIND = Pattern.compile("^<(any|int|hash|re:.*)=([A-Za-z0-9_]+)>$");

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
    }

    void run(SqlScript script) {
        for (SqlScript.Step step : script.steps()) {
            String where = script.name() + ":" + step.line();
            try {
                runStep(step, where);
            } catch (AssertionError e) {
                throw e.getMessage() != null && e.getMessage().startsWith(where) ? e
                        : new AssertionError(where + ": " + e.getMessage(), e);
            }
        }
    }

    private void runStep(SqlScript.Step step, String where) {
        if (step instanceof SqlScript.Statement s) {
            check(where, s.sql(), s.expect(), execute(session(current), s.sql()));
        } else if (step instanceof SqlScript.Connect c) {
            connect(c, where);
        } else if (step instanceof SqlScript.Close c) {
            Session s = sessions.remove(c.connection());
            if (s != null) {
                s.close();
            }
        } else {
            closeSessions();
            engine.close();
            open();
        }
    }

    private void connect(SqlScript.Connect c, String where) {
        current = c.connection();
        if (sessions.containsKey(current)) {
            return;
        }
        Session s = engine.openSession(nextConnectionId++, "root", "localhost", false);
        Outcome outcome;
        try {
            if (c.database() != null) {
                s.useDatabase(substitute(c.database()));
            }
            outcome = Outcome.ok(0, 0);
        } catch (SqlError e) {
            outcome = Outcome.error(e);
        }
        check(where, "connect " + c.connection(), c.expect(), outcome);
        if (outcome.error == null) {
            sessions.put(current, s);
        }
    }

    private Session session(String name) {
        return sessions.computeIfAbsent(name, n -> engine.openSession(nextConnectionId++, "root", "localhost", false));
    }

    /** What a statement produced: an error, an update count, or rendered rows (the last result wins). */
    record Outcome(SqlError error, long affected, int warnings, List<String> header, List<List<String>> rows) {
        static Outcome ok(long affected, int warnings) {
            return new Outcome(null, affected, warnings, null, null);
        }

        static Outcome error(SqlError e) {
            return new Outcome(e, 0, 0, null, null);
        }
    }

    private Outcome execute(Session session, String sql) {
        List<Outcome> results = new ArrayList<>();
        try {
            engine.execute(session, substitute(sql), false, result -> results.add(render(session, result)));
        } catch (SqlError e) {
            return Outcome.error(e);
        }
        if (results.isEmpty()) {
            return Outcome.ok(0, 0);
        }
        // a CALL sends its result sets and then an OK: the last result set is what the script checks
        for (int i = results.size() - 1; i >= 0; i--) {
            if (results.get(i).rows() != null) {
                return results.get(i);
            }
        }
        return results.get(results.size() - 1);
    }

    private static Outcome render(Session session, StatementResult result) {
        if (result instanceof StatementResult.Update u) {
            return Outcome.ok(u.affectedRows(), session.warnings().size());
        }
        StatementResult.Rows rows = (StatementResult.Rows) result;
        List<String> header = rows.columns().stream().map(ResultColumn::name).toList();
        List<List<String>> out = new ArrayList<>();
        try (RowStream stream = rows.rows()) {
            Object[] r;
            while ((r = stream.next()) != null) {
                List<String> cells = new ArrayList<>(r.length);
                for (int i = 0; i < r.length; i++) {
                    cells.add(r[i] == null ? "NULL" : Values.toStringValue(shown(r[i], rows.columns().get(i))));
                }
                out.add(cells);
            }
        }
        return new Outcome(null, 0, session.warnings().size(), header, out);
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

    private void check(String where, String sql, SqlScript.Expectation e, Outcome o) {
        String what = where + ": `" + sql + "`";
        if (o.error != null && e.kind() != SqlScript.Expectation.Kind.ERROR) {
            throw new AssertionError(what + " failed: " + o.error.code() + " (" + o.error.sqlState() + ") "
                    + o.error.getMessage(), o.error);
        }
        switch (e.kind()) {
            case ANY -> {
            }
            case OK -> {
                if (o.rows != null) {
                    throw new AssertionError(what + ": expected ok, got a result set " + o.header);
                }
                if (e.affected() != null && e.affected() != o.affected) {
                    throw new AssertionError(what + ": expected ok " + e.affected() + ", got ok " + o.affected);
                }
            }
            case ERROR -> {
                if (o.error == null) {
                    throw new AssertionError(what + ": expected error " + e.errorCode() + ", but it succeeded"
                            + (o.rows != null ? " with rows " + o.rows : " with ok " + o.affected));
                }
                if (e.errorCode() != null && e.errorCode() != o.error.code()) {
                    throw new AssertionError(what + ": expected error " + e.errorCode() + ", got " + o.error.code()
                            + " " + o.error.getMessage(), o.error);
                }
                if (e.sqlState() != null && !e.sqlState().equals(o.error.sqlState())) {
                    throw new AssertionError(what + ": expected SQLSTATE " + e.sqlState() + ", got "
                            + o.error.sqlState());
                }
                if (e.messagePart() != null && !o.error.getMessage().toLowerCase(Locale.ROOT)
                        .contains(substitute(e.messagePart()).toLowerCase(Locale.ROOT))) {
                    throw new AssertionError(what + ": expected a message containing '" + e.messagePart()
                            + "', got: " + o.error.getMessage());
                }
            }
            case ROWS -> {
                if (o.rows == null || o.rows.size() != e.rowCount()) {
                    throw new AssertionError(what + ": expected " + e.rowCount() + " rows, got "
                            + (o.rows == null ? "no result set" : o.rows.size() + ": " + o.rows));
                }
            }
            case RESULT -> compareTable(what, e, o);
        }
    }

    private void compareTable(String what, SqlScript.Expectation e, Outcome o) {
        if (o.rows == null) {
            throw new AssertionError(what + ": expected a result set, got ok " + o.affected);
        }
        boolean headerOk = e.header().size() == o.header.size();
        for (int c = 0; headerOk && c < o.header.size(); c++) {
            headerOk = cellMatches(e.header().get(c), o.header.get(c));
        }
        if (!headerOk) {
            throw new AssertionError(what + ": header " + o.header + ", expected " + e.header());
        }
        List<List<String>> actual = new ArrayList<>(o.rows);
        List<List<String>> expected = new ArrayList<>(e.rows());
        if (e.sorted()) {
            Comparator<List<String>> byText = Comparator.comparing(Object::toString);
            actual.sort(byText);
            expected.sort(byText);
        }
        String table = "\nexpected:\n" + render(expected) + "actual:\n" + render(actual);
        if (actual.size() != expected.size()) {
            throw new AssertionError(what + ": " + actual.size() + " rows, expected " + expected.size() + table);
        }
        for (int r = 0; r < actual.size(); r++) {
            for (int c = 0; c < actual.get(r).size(); c++) {
                if (!cellMatches(expected.get(r).get(c), actual.get(r).get(c))) {
                    throw new AssertionError(what + ": row " + (r + 1) + " column " + o.header.get(c) + " is '"
                            + actual.get(r).get(c) + "', expected '" + expected.get(r).get(c) + "'" + table);
                }
            }
        }
    }

    private static String render(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        rows.forEach(r -> sb.append("  ").append(String.join(" | ", r)).append('\n'));
        return sb.toString();
    }

    private boolean cellMatches(String pattern, String actual) {
        Matcher bind = BIND.matcher(pattern);
        if (bind.matches()) {
            String name = bind.group(2);
            if (vars.containsKey(name)) {
                return vars.get(name).equals(actual);
            }
            if (!cellMatches("<" + bind.group(1) + ">", actual)) {
                return false;
            }
            vars.put(name, actual);
            return true;
        }
        return switch (pattern) {
            case "<any>" -> true;
            case "<empty>" -> "".equals(actual);
            case "<int>" -> actual.matches("-?\\d+");
            case "<hash>" -> actual.matches("[0-9a-v]{32}");
            default -> pattern.startsWith("<re:") && pattern.endsWith(">")
                    ? actual.matches(pattern.substring(4, pattern.length() - 1))
                    : substitute(pattern).equals(actual);
        };
    }

    private String substitute(String text) {
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw new AssertionError("unbound variable ${" + m.group(1) + "}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
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
