package dev.scion.it.enginetests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;

/**
 * What {@code bin/engine-tests} runs: the plain-SQL engine tests of shared/engine-tests/gms-tests.open.json against a
 * fresh server, printing the pass rate per kind and overall. QueryTests run against the SimpleSetup fixtures in
 * database {@code mydb}; each ScriptTest starts from an empty {@code mydb}. Assertions marked Skip are not counted.
 * A measurement, not a gate.
 */
public final class EngineTestsMain {
    private final ScionServerProcess server;
    private final Map<String, int[]> tally = new TreeMap<>();
    private final StringBuilder failures = new StringBuilder();
    /** Setup and fixture statements that failed (not counted; they explain failures that follow). */
    private final StringBuilder setupFailures = new StringBuilder();
    /** Tests whose query is a Go expression built at run time: neither passed nor failed, reported apart. */
    private int notRunnable;

    private final LoadDataFiles loadData;
    /** SCION_ENGINE_TESTS_ONLY: run only the groups (var) or scripts (Name) containing it, ignoring case. */
    private final String only;

    private EngineTestsMain(ScionServerProcess server, LoadDataFiles loadData, String only) {
        this.server = server;
        this.loadData = loadData;
        this.only = only == null || only.isBlank() ? null : only.toLowerCase(Locale.ROOT);
    }

    private boolean selected(String... names) {
        if (only == null) {
            return true;
        }
        for (String n : names) {
            if (n.toLowerCase(Locale.ROOT).contains(only)) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/engine-tests");
        JsonNode groups = new ObjectMapper().readTree(dir.resolve("gms-tests.open.json").toFile());
        LoadDataFiles loadData = LoadDataFiles.prepare();
        try (ScionServerProcess server = ScionServerProcess.start("engine-tests", loadData.serverArgs())) {
            EngineTestsMain m = new EngineTestsMain(server, loadData, System.getenv("SCION_ENGINE_TESTS_ONLY"));
            m.queryTests(groups, dir.resolve("fixtures"));
            m.scriptTests(groups, dir.resolve("fixtures"));
            m.print();
            Path out = ItConfig.targetDir().resolve("engine-tests-failures.txt");
            Files.writeString(out, m.failures, StandardCharsets.UTF_8);
            Path setup = ItConfig.targetDir().resolve("engine-tests-setup-failures.txt");
            Files.writeString(setup, m.setupFailures, StandardCharsets.UTF_8);
            System.out.println("failures: " + out + " (setup statements that failed: " + setup + ")");
        }
    }

    /** Why the last check failed (the error, or "wrong result"): written beside each failure for bucketing. */
    private static String lastReason = "";

    private void count(String kind, boolean pass, String query) {
        if (!pass) {
            failures.append(kind).append(": ").append(query.replace('\n', ' ')).append("\t=> ")
                    .append(lastReason.replace('\n', ' ')).append('\n');
        }
        lastReason = "";
        int[] t = tally.computeIfAbsent(kind, k -> new int[2]);
        t[1]++;
        if (pass) {
            t[0]++;
        }
    }

    private void print() {
        int pass = 0;
        int total = 0;
        for (var e : tally.entrySet()) {
            System.out.printf(Locale.ROOT, "%-20s %6d / %6d  %6.2f%%%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    100.0 * e.getValue()[0] / Math.max(1, e.getValue()[1]));
            pass += e.getValue()[0];
            total += e.getValue()[1];
        }
        System.out.printf(Locale.ROOT, "%-20s %6d / %6d  %6.2f%%%n", "TOTAL", pass, total, 100.0 * pass / Math.max(1, total));
        System.out.printf(Locale.ROOT, "not runnable (query is a Go expression): %d%n", notRunnable);
    }

    private static final java.util.Set<String> SYSTEM_DATABASES =
            java.util.Set.of("information_schema", "mysql", "performance_schema", "sys");

    private Connection fresh() throws SQLException {
        try (Connection c = ConnectorJ.V9.connect(server, null, false); Statement st = c.createStatement()) {
            // go-mysql-server gives each script a new engine: databases an earlier script created (db1, ...) go too
            List<String> databases = new ArrayList<>();
            try (ResultSet r = st.executeQuery("SHOW DATABASES")) {
                while (r.next()) {
                    databases.add(r.getString(1));
                }
            }
            for (String db : databases) {
                if (!SYSTEM_DATABASES.contains(db.toLowerCase(Locale.ROOT)) && !db.equalsIgnoreCase("mydb")) {
                    runQuietly(c, "DROP DATABASE IF EXISTS `" + db.replace("`", "``") + "`");
                }
            }
            lastReason = "";
            st.execute("DROP DATABASE IF EXISTS mydb");
            st.execute("CREATE DATABASE mydb");
        }
        // go-mysql-server's RowsAffected counts changed rows, as MySQL does for a client that does not ask for
        // CLIENT_FOUND_ROWS (Connector/J asks unless useAffectedRows is set)
        java.util.Properties p = new java.util.Properties();
        p.setProperty("useAffectedRows", "true");
        return ConnectorJ.V9.connect(server, "mydb", false, p);
    }

    /**
     * QueryTests on the SimpleSetup fixtures. A group that names tables only another fixture creates (as
     * go-mysql-server runs ComplexIndexQueries on comp_index_tables) runs after the others, with those fixtures
     * loaded on top, so the tables the other groups see (SHOW TABLES, information_schema) stay SimpleSetup's.
     */
    private void queryTests(JsonNode groups, Path fixtures) throws SQLException, java.io.IOException {
        boolean any = false;
        for (JsonNode g : groups) {
            any |= g.path("kind").asText().equals("QueryTest") && selected(g.path("var").asText());
        }
        if (!any) {
            return;
        }
        List<String> base = Fixtures.setupFixtures(fixtures, "SimpleSetup");
        Map<String, java.util.Set<String>> extra = Fixtures.extraTables(fixtures, base);
        try (Connection c = fresh()) {
            for (String f : base) {
                loadFixture(c, fixtures, f);
            }
            List<JsonNode> later = new ArrayList<>();
            for (JsonNode g : groups) {
                if (!g.path("kind").asText().equals("QueryTest") || !selected(g.path("var").asText())) {
                    continue;
                }
                if (!fixturesNamedBy(g, extra).isEmpty()) {
                    later.add(g);
                    continue;
                }
                runQueryGroup(c, g);
            }
            java.util.Set<String> loaded = new java.util.HashSet<>();
            for (JsonNode g : later) {
                for (String f : fixturesNamedBy(g, extra)) {
                    if (loaded.add(f)) {
                        loadFixture(c, fixtures, f);
                    }
                }
                runQueryGroup(c, g);
            }
        }
    }

    /**
     * Runs one fixture file in non-strict sql_mode: go-mysql-server loads values MySQL's strict mode refuses
     * (datetime_table's '2019-12-31T12:00:00Z', where MySQL stops reading at the 'Z'); MySQL without
     * STRICT_TRANS_TABLES stores them with a warning, which is the data the QueryTests then expect.
     */
    private void loadFixture(Connection c, Path fixtures, String name) throws SQLException, java.io.IOException {
        String mode;
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT @@SESSION.sql_mode")) {
            r.next();
            mode = r.getString(1);
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = ''");
        }
        try {
            for (String s : Fixtures.fixture(fixtures, name)) {
                setUp(c, "fixture " + name, s);
            }
        } finally {
            try (java.sql.PreparedStatement st = c.prepareStatement("SET SESSION sql_mode = ?")) {
                st.setString(1, mode);
                st.execute();
            }
        }
    }

    private void runQueryGroup(Connection c, JsonNode g) {
        for (JsonNode t : g.path("tests")) {
            if (t.path("Skip").asBoolean(false)) {
                continue;
            }
            if (!t.path("Query").isTextual()) {
                notRunnable++;
                continue;
            }
            String q = t.path("Query").asText();
            boolean expectsError = t.has("ExpectedErr") || t.has("ExpectedErrStr");
            count("QueryTest", expectsError ? assertion(c, t) : check(c, q, t.get("Expected")), q);
        }
    }

    /** The fixtures (beyond SimpleSetup) whose tables the group's queries name, as words. */
    private static List<String> fixturesNamedBy(JsonNode g, Map<String, java.util.Set<String>> extra) {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (JsonNode t : g.path("tests")) {
            for (String w : t.path("Query").asText().toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
                words.add(w);
            }
        }
        List<String> out = new ArrayList<>();
        for (var e : extra.entrySet()) {
            if (e.getValue().stream().anyMatch(words::contains)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Whether a ScriptTest uses {@code table} without creating it: go-mysql-server runs those suites on a setup
     * that has it (ALTER TABLE and information_schema on mydb + mytable, AS OF on the versioned myhistorytable),
     * the fixture of that name.
     */
    private static boolean namesWithoutCreating(JsonNode t, String table) {
        String text = scriptText(t);
        String name = java.util.regex.Pattern.quote(table);
        return java.util.regex.Pattern.compile("(?i)\\b" + name + "\\b").matcher(text).find()
                && !java.util.regex.Pattern.compile("(?i)create\\s+table\\s+(if\\s+not\\s+exists\\s+)?`?" + name
                        + "\\b").matcher(text).find();
    }

    /**
     * Whether a ScriptTest reads or writes database {@code db} ({@code USE db}, {@code db.table}) without creating
     * it (or a table of that name): go-mysql-server runs its trigger and information_schema suites on a setup that
     * has database foo, the fixture of that name.
     */
    private static boolean usesDatabaseWithoutCreating(JsonNode t, String db) {
        String text = scriptText(t);
        String name = java.util.regex.Pattern.quote(db);
        return java.util.regex.Pattern.compile("(?i)(\\buse\\s+`?" + name + "\\b|(?<![\\w.`])`?" + name
                        + "`?\\s*\\.\\s*`?[a-z_])").matcher(text).find()
                && !java.util.regex.Pattern.compile("(?i)create\\s+(database|schema|table)\\s+(if\\s+not\\s+exists\\s+)?`?"
                        + name + "\\b(?!`?\\s*\\.)").matcher(text).find();
    }

    private static String scriptText(JsonNode t) {
        StringBuilder text = new StringBuilder();
        for (JsonNode s : t.path("SetUpScript")) {
            text.append(s.asText()).append('\n');
        }
        for (JsonNode a : t.path("Assertions")) {
            text.append(a.path("Query").asText()).append('\n');
        }
        return text.toString();
    }

    private void scriptTests(JsonNode groups, Path fixtures) throws SQLException, java.io.IOException {
        for (JsonNode g : groups) {
            if (!g.path("kind").asText().equals("ScriptTest")) {
                continue;
            }
            for (JsonNode t : g.path("tests")) {
                if (t.path("Skip").asBoolean(false)
                        || !selected(g.path("var").asText(), t.path("Name").asText())) {
                    continue;
                }
                try (Connection c = fresh()) {
                    for (String table : List.of("mytable", "myhistorytable")) {
                        if (namesWithoutCreating(t, table)) {
                            loadFixture(c, fixtures, table);
                        }
                    }
                    if (usesDatabaseWithoutCreating(t, "foo")) {
                        loadFixture(c, fixtures, "foo");
                    }
                    if (g.path("var").asText().equals("ForeignKeyTests")) {
                        // go-mysql-server runs its foreign-key suite on mydb plus the parent / child tables
                        loadFixture(c, fixtures, "parent_child");
                    }
                    for (JsonNode s : t.path("SetUpScript")) {
                        String sql = GoStatements.sql(s);
                        if (sql == null) {
                            setupFailures.append(t.path("Name").asText()).append(": ").append(s)
                                    .append("\t=> a Go expression the runner cannot spell\n");
                            continue;
                        }
                        setUp(c, t.path("Name").asText(), loadData.rewrite(sql));
                    }
                    for (JsonNode a : t.path("Assertions")) {
                        if (a.path("Skip").asBoolean(false)) {
                            continue;
                        }
                        if (!a.path("Query").isTextual()) {
                            // a Go expression that builds the query at run time: nothing to send
                            notRunnable++;
                            continue;
                        }
                        count("ScriptTest", assertion(c, a), t.path("Name").asText() + " / " + a.path("Query").asText());
                    }
                } catch (SQLException e) {
                    count("ScriptTest", false, t.path("Name").asText() + " (connection failed)");
                }
            }
        }
    }

    private boolean assertion(Connection c, JsonNode a) {
        String q = loadData.rewrite(a.path("Query").asText());
        if (a.has("ExpectedErr") || a.has("ExpectedErrStr")) {
            try (Statement st = c.createStatement()) {
                st.execute(q);
                lastReason = "no error (expected one)";
                return false;
            } catch (SQLException e) {
                lastReason = "other error: " + e.getErrorCode() + " " + e.getMessage();
                if (a.has("ExpectedErrStr")) {
                    return ExpectedErrors.matchesText(a.path("ExpectedErrStr").asText(), e);
                }
                return ExpectedErrors.matches(a.path("ExpectedErr").path("$go").asText(), e.getErrorCode());
            }
        }
        if (a.path("SkipResultsCheck").asBoolean(false) || !a.has("Expected")) {
            return runQuietly(c, q);
        }
        return check(c, q, a.get("Expected"));
    }

    private void setUp(Connection c, String where, String sql) {
        if (!runQuietly(c, sql)) {
            setupFailures.append(where).append(": ").append(sql.replace('\n', ' ')).append("\t=> ")
                    .append(lastReason.replace('\n', ' ')).append('\n');
        }
        lastReason = "";
    }

    private static boolean runQuietly(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return true;
        } catch (SQLException e) {
            lastReason = "error " + e.getErrorCode() + ": " + e.getMessage();
            return false;
        }
    }

    private static boolean check(Connection c, String q, JsonNode expected) {
        if (expected != null && expected.isNull()) {
            expected = null; // "Expected": null is go-mysql-server's nil row list: no rows
        }
        try (Statement st = c.createStatement()) {
            boolean rs = st.execute(q);
            if (!rs) {
                JsonNode first = expected != null && expected.size() == 1 && expected.get(0).size() == 1
                        ? expected.get(0).get(0) : null;
                if (first != null && first.has("$ok")) {
                    JsonNode ra = first.get("$ok").get("RowsAffected");
                    lastReason = "affected rows " + st.getUpdateCount();
                    return ra == null || ra.asLong() == st.getUpdateCount();
                }
                lastReason = "no result set";
                return expected == null || expected.isEmpty();
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet r = st.getResultSet()) {
                int n = r.getMetaData().getColumnCount();
                boolean[] binary = new boolean[n + 1];
                for (int i = 1; i <= n; i++) {
                    int type = r.getMetaData().getColumnType(i);
                    binary[i] = type == java.sql.Types.BINARY || type == java.sql.Types.VARBINARY
                            || type == java.sql.Types.LONGVARBINARY || type == java.sql.Types.BLOB;
                }
                while (r.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        String text = r.getString(i);
                        row.add(binary[i] && text != null ? new ResultMatcher.Binary(r.getBytes(i), text) : text);
                    }
                    rows.add(row);
                }
            }
            boolean ordered = q.toUpperCase(Locale.ROOT).contains("ORDER BY");
            boolean ok = ResultMatcher.matches(expected == null ? new ObjectMapper().createArrayNode() : expected, rows,
                    ordered);
            lastReason = ok ? "" : "wrong result " + rows.stream().limit(3).toList();
            return ok;
        } catch (SQLException e) {
            lastReason = "error " + e.getErrorCode() + ": " + e.getMessage();
            return false;
        } catch (RuntimeException e) {
            lastReason = "runner: " + e;
            return false;
        }
    }
}
