package dev.scion.sql.dolt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scion.sql.SqlEngine;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.repo.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine-test runner behind {@code bin/engine-tests-dolt}: runs the ScriptTests and TransactionTests of
 * shared/engine-tests/dolt-tests.open.json (each on a fresh data directory with database mydb, or dolt for the
 * server tests, on branch main) and
 * prints the pass rate per source file and overall. A test passes when every assertion that is not marked Skip
 * gives the expected rows or OK packet, error or success. Its name keeps it out of the default test run (it measures, it does
 * not gate); it needs {@code -Dscion.engineTests=<json file>};
 * {@code -Dscion.engineTests.min=<percent>} makes it fail below that pass rate, {@code .only=<text>} picks tests by
 * name and {@code .verbose=true} prints each failure.
 */
class DoltEngineTestRunner {
    @TempDir
    Path temp;

    private record Tally(int[] counts) {
        Tally() {
            this(new int[3]); // passed, failed, not runnable
        }
    }

    private static final java.util.regex.Pattern CLIENT =
            java.util.regex.Pattern.compile("^\\s*/\\*\\s*client\\s+(\\w+)\\s*\\*/");

    /** The groups Dolt's own test functions run with the harness's skipSetupCommit set (no checkpoint commit). */
    private static final java.util.Set<String> SKIP_SETUP_COMMIT = java.util.Set.of("DoltRebaseScriptTests",
            "DoltRebaseMultiSessionScriptTests", "LogTableFunctionScriptTests", "DoltReflogTestScripts",
            "DoltSquashHistoryScriptTests");

    /**
     * The files whose tests Dolt runs against a sql-server over a test environment, whose database is named
     * {@code dolt} (its queries name it: {@code use dolt/branch1}); every other test runs on {@code mydb}.
     */
    private static final java.util.Set<String> SERVER_TEST_FILES = java.util.Set.of("dolt_server_tests.go");

    /**
     * ScriptTests, and TransactionTests: the same shape, with each query prefixed by a comment naming the client
     * (connection) that runs it.
     */
    private static final java.util.Set<String> RUNNABLE_KINDS = java.util.Set.of("ScriptTest", "TransactionTest");

    /**
     * The clients of a multi-session script take turns on one thread, so a row lock one holds is never released
     * while another waits for it. Dolt takes no row locks (a conflicting write fails at COMMIT instead); Scion's
     * InnoDB-style locks make the waiting client fail with 1205 after the wait, so the wait is kept short.
     */
    private static final String SHORT_LOCK_WAIT = "SET SESSION innodb_lock_wait_timeout = 1";

    @Test
    void run() throws Exception {
        String file = System.getProperty("scion.engineTests");
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("set -Dscion.engineTests=<dolt-tests.open.json> (bin/engine-tests-dolt does)");
        }
        String only = System.getProperty("scion.engineTests.only", "");
        boolean verbose = Boolean.getBoolean("scion.engineTests.verbose");
        JsonNode groups = new ObjectMapper().readTree(Files.readString(Paths.get(file)));
        Map<String, Tally> byFile = new TreeMap<>();
        int n = 0;
        for (JsonNode g : groups) {
            Tally t = byFile.computeIfAbsent(g.path("file").asText(), k -> new Tally());
            for (JsonNode test : g.path("tests")) {
                String name = test.path("Name").asText(test.path("Query").asText(""));
                if (!only.isBlank() && !name.contains(only)) {
                    continue;
                }
                // a script marked Skip is skipped whole by Dolt's harness too; one with Go code left in its set-up
                // or queries ({"$go": ...}, not converted to SQL) cannot run here
                if (test.path("Skip").asBoolean(false) || hasGoCode(test)
                        || !RUNNABLE_KINDS.contains(g.path("kind").asText()) || !test.path("SetUpScript").isArray()
                        && !test.path("SetUpScript").isMissingNode()) {
                    t.counts()[2]++;
                    continue;
                }
                String failure = runScript(test, temp.resolve("t" + (n++)),
                        !SKIP_SETUP_COMMIT.contains(g.path("var").asText()),
                        SERVER_TEST_FILES.contains(g.path("file").asText()) ? "dolt" : "mydb");
                t.counts()[failure == null ? 0 : 1]++;
                if (failure != null && verbose) {
                    // one line per failure, so multi-line values (CREATE TABLE text) stay greppable
                    System.out.println("FAIL " + g.path("file").asText() + " / " + name + ": "
                            + failure.replace("\n", "\\n"));
                }
            }
        }
        int passed = 0;
        int total = 0;
        int skipped = 0;
        for (var e : byFile.entrySet()) {
            int[] c = e.getValue().counts();
            passed += c[0];
            total += c[0] + c[1];
            skipped += c[2];
            System.out.printf("%-45s %4d / %4d passed (%d not runnable)%n", e.getKey(), c[0], c[0] + c[1], c[2]);
        }
        double rate = total == 0 ? 0 : 100.0 * passed / total;
        System.out.printf("dolt engine tests: %d / %d script tests passed = %.1f%% (%d tests of other kinds or "
                + "unconverted set-up not run)%n", passed, total, rate, skipped);
        double min = Double.parseDouble(System.getProperty("scion.engineTests.min", "0"));
        assertTrue(rate >= min, "pass rate " + rate + "% is below " + min + "%");
    }

    /** Runs one ScriptTest; returns null when it passes, else what went wrong first. */
    private String runScript(JsonNode test, Path dir, boolean checkpoint, String database) throws Exception {
        Files.createDirectories(dir);
        try (SqlEngine engine = new SqlEngine(new DataDirectory(dir, StoreOptions.defaults()))) {
            Session s = engine.openSession(1, "root", "localhost", false);
            try {
                exec(engine, s, "CREATE DATABASE " + database);
                exec(engine, s, "USE " + database);
                // Dolt's harness checkpoints the fresh database with an empty commit before each script, so
                // expected dolt_log counts and dolt_branches messages include it
                if (checkpoint) {
                    exec(engine, s, "CALL DOLT_COMMIT('--allow-empty', '-m', 'checkpoint enginetest database "
                            + database + "')");
                }
                for (JsonNode q : test.path("SetUpScript")) {
                    exec(engine, s, q.asText());
                }
                if (test.has("AncSetUpScript")) {
                    // Dolt's merge script tests: ancestor on main, then a 'right' branch and main ('left') diverge
                    runAll(engine, s, test.path("AncSetUpScript"));
                    exec(engine, s, "CALL DOLT_COMMIT('-Am', 'ancestor commit')");
                    exec(engine, s, "CALL DOLT_CHECKOUT('-b', 'right')");
                    runAll(engine, s, test.path("RightSetUpScript"));
                    exec(engine, s, "CALL DOLT_COMMIT('-Am', 'right commit')");
                    exec(engine, s, "CALL DOLT_CHECKOUT('main')");
                    runAll(engine, s, test.path("LeftSetUpScript"));
                    exec(engine, s, "CALL DOLT_COMMIT('-Am', 'left commit')");
                }
            } catch (RuntimeException e) {
                return "set-up: " + e.getMessage();
            }
            // "/* client x */" queries of multi-session scripts: the first client named is the session that ran
            // the set-up, each other one a new connection to the database
            Map<String, Session> clients = new java.util.HashMap<>();
            for (JsonNode a : assertions(test)) {
                if (a.path("Skip").asBoolean(false)) {
                    continue;
                }
                Session on = s;
                java.util.regex.Matcher m = CLIENT.matcher(a.path("Query").asText());
                if (m.find()) {
                    String name = m.group(1);
                    if (clients.isEmpty()) {
                        clients.put(name, s);
                        exec(engine, s, SHORT_LOCK_WAIT);
                    }
                    on = clients.computeIfAbsent(name, k -> {
                        Session c = engine.openSession(2 + clients.size(), "root", "localhost", false);
                        exec(engine, c, "USE " + database);
                        exec(engine, c, SHORT_LOCK_WAIT);
                        return c;
                    });
                }
                String failure = check(engine, on, a);
                if (failure != null) {
                    return a.path("Query").asText() + ": " + failure;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return "crash: " + e;
        }
    }

    private static boolean hasGoCode(JsonNode test) {
        for (JsonNode q : test.path("SetUpScript")) {
            if (!q.isTextual()) {
                return true;
            }
        }
        for (JsonNode a : assertions(test)) {
            if (!a.path("Skip").asBoolean(false) && !a.path("Query").isTextual()) {
                return true;
            }
        }
        return false;
    }

    /** The script's assertions; a script without any is one query with its expectation (as Dolt's harness reads it). */
    private static JsonNode assertions(JsonNode test) {
        if (test.has("Assertions") || !test.has("Query")) {
            return test.path("Assertions");
        }
        com.fasterxml.jackson.databind.node.ObjectNode one = new ObjectMapper().createObjectNode();
        for (String field : List.of("Query", "Expected", "ExpectedErr", "ExpectedErrStr")) {
            if (test.has(field)) {
                one.set(field, test.get(field));
            }
        }
        return new ObjectMapper().createArrayNode().add(one);
    }

    private static String check(SqlEngine engine, Session s, JsonNode a) {
        // a nil ExpectedErr in the Go test means no error is expected (the export writes it as null)
        boolean wantError = a.hasNonNull("ExpectedErr") || a.hasNonNull("ExpectedErrStr");
        List<List<Object>> rows;
        StatementResult.Update[] ok = new StatementResult.Update[1];
        try {
            rows = exec(engine, s, a.path("Query").asText(), ok);
        } catch (RuntimeException e) {
            if (wantError) {
                JsonNode str = a.path("ExpectedErrStr");
                // the Go driver's rendering of an error puts "Error 1105 (HY000): " before the server's message
                String want = str.isTextual() ? str.asText().replaceFirst("^Error \\d+ \\([0-9A-Z]{5}\\): ", "") : null;
                if (want != null && !e.getMessage().contains(want)) {
                    return "error '" + e.getMessage() + "', expected '" + str.asText() + "'";
                }
                return null;
            }
            return "error " + e.getMessage();
        }
        if (wantError) {
            return "succeeded, expected an error";
        }
        if (a.path("SkipResultsCheck").asBoolean(false) || !a.has("Expected")) {
            return null;
        }
        JsonNode expected = a.path("Expected");
        if (expected.size() == 1 && expected.get(0).size() == 1 && expected.get(0).get(0).has("$ok")) {
            return okPacketMismatch(expected.get(0).get(0).get("$ok"), ok[0]);
        }
        if (expected.size() != rows.size()) {
            return rows.size() + " rows, expected " + expected.size() + ": " + rows;
        }
        // Dolt's harness (GMS checkResults) compares rows in order only when the query says ORDER BY; otherwise the
        // rows must be the same multiset
        if (expected.size() > 1 && !a.path("Query").asText().toUpperCase(java.util.Locale.ROOT).contains("ORDER BY ")) {
            return sameRowsAnyOrder(expected, rows);
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode want = expected.get(i);
            List<Object> got = rows.get(i);
            if (want.size() != got.size()) {
                return "row " + i + " has " + got.size() + " columns, expected " + want.size();
            }
            for (int k = 0; k < got.size(); k++) {
                if (!matches(want.get(k), got.get(k))) {
                    return "row " + i + " column " + k + " is " + got.get(k) + ", expected " + want.get(k);
                }
            }
        }
        return null;
    }

    /**
     * Null when the statement's OK packet says what the test states: the rows affected, the insert id (0 when not
     * stated, as a Go OkResult literal leaves it) and, when stated, the matched and changed counts of an UPDATE.
     */
    private static String okPacketMismatch(JsonNode want, StatementResult.Update got) {
        if (got == null) {
            return "no OK packet (a result set), expected " + want;
        }
        if (want.path("RowsAffected").asLong(0) != got.affectedRows()) {
            return got.affectedRows() + " rows affected, expected " + want.path("RowsAffected").asLong(0);
        }
        if (want.path("InsertID").asLong(0) != got.lastInsertId()) {
            return "insert id " + got.lastInsertId() + ", expected " + want.path("InsertID").asLong(0);
        }
        JsonNode info = want.path("Info");
        if (info.isObject()) {
            java.util.regex.Matcher m = UPDATE_INFO.matcher(got.info() == null ? "" : got.info());
            if (!m.matches() || Long.parseLong(m.group(1)) != info.path("Matched").asLong(0)
                    || Long.parseLong(m.group(2)) != info.path("Updated").asLong(0)
                    || info.has("Warnings") && Long.parseLong(m.group(3)) != info.path("Warnings").asLong()) {
                return "info '" + got.info() + "', expected " + info;
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern UPDATE_INFO =
            java.util.regex.Pattern.compile("Rows matched: (\\d+)\\s+Changed: (\\d+)\\s+Warnings: (\\d+)");

    /** Null when each expected row matches a distinct result row, else the first expected row left unmatched. */
    private static String sameRowsAnyOrder(JsonNode expected, List<List<Object>> rows) {
        boolean[] used = new boolean[rows.size()];
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            int found = -1;
            for (int r = 0; r < rows.size() && found < 0; r++) {
                if (!used[r] && rowMatches(want, rows.get(r))) {
                    found = r;
                }
            }
            if (found < 0) {
                return "expected row " + want + " is not among the result rows " + rows;
            }
            used[found] = true;
        }
        return null;
    }

    private static boolean rowMatches(JsonNode want, List<Object> got) {
        if (want.size() != got.size()) {
            return false;
        }
        for (int k = 0; k < got.size(); k++) {
            if (!matches(want.get(k), got.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(JsonNode want, Object got) {
        if (want.has("$any") || want.has("$go")) {
            return true;
        }
        if (want.isObject() && want.size() == 1 && want.has("Val") && got != null) {
            // Go's types.JSONDocument{Val: x} as converted: the JSON value x
            try {
                return new ObjectMapper().readTree(Values.toStringValue(got)).equals(want.get("Val"));
            } catch (java.io.IOException e) {
                return false;
            }
        }
        if (want.isNull()) {
            return got == null;
        }
        if (got == null) {
            return false;
        }
        if (got instanceof byte[] bytes && want.isArray()) {
            // a Go []byte in the converted tests is a JSON array of byte values
            return want.size() == bytes.length && java.util.stream.IntStream.range(0, bytes.length)
                    .allMatch(i -> want.get(i).isInt() && (want.get(i).asInt() & 0xff) == (bytes[i] & 0xff));
        }
        String g = Values.toStringValue(got);
        if (want.isBoolean()) {
            return g.equals(want.asBoolean() ? "1" : "0") || g.equalsIgnoreCase(want.asText());
        }
        if (want.isNumber()) {
            try {
                return new BigDecimal(g).compareTo(want.decimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        String w = want.isTextual() ? want.asText() : want.toString();
        if (w.equals(g)) {
            return true;
        }
        if (want.isObject() || want.isArray()) {
            // a JSON value: equal as JSON (Dolt's harness compares documents, not their spelling)
            try {
                return new ObjectMapper().readTree(g).equals(want);
            } catch (java.io.IOException e) {
                return false;
            }
        }
        try {
            return new BigDecimal(g).compareTo(new BigDecimal(w)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void runAll(SqlEngine engine, Session s, JsonNode statements) {
        for (JsonNode q : statements) {
            exec(engine, s, q.asText());
        }
    }

    /**
     * Runs a statement; returns the rows of its last result set (empty when it has none). The OK that ends a CALL
     * after the procedure's result sets is the protocol's closing status, not a result: GMS hands the harness
     * the procedure's rows.
     */
    private static List<List<Object>> exec(SqlEngine engine, Session s, String sql) {
        return exec(engine, s, sql, new StatementResult.Update[1]);
    }

    /** As {@link #exec(SqlEngine, Session, String)}; {@code ok[0]} gets the OK packet when the statement ends with one. */
    private static List<List<Object>> exec(SqlEngine engine, Session s, String sql, StatementResult.Update[] ok) {
        List<List<Object>> out = new ArrayList<>();
        engine.execute(s, sql, true, result -> {
            ok[0] = result instanceof StatementResult.Update u ? u : null;
            if (result instanceof StatementResult.Rows r) {
                out.clear();
                try (RowStream stream = r.rows()) {
                    Object[] row;
                    while ((row = stream.next()) != null) {
                        out.add(new ArrayList<>(java.util.Arrays.asList(row)));
                    }
                }
            }
        });
        return out;
    }
}
