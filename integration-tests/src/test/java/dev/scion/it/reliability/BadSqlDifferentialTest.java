package dev.scion.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScratchMariaDb;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Bad-SQL suite (issue 11): random valid queries and data changes ({@link SqlGenerator}) run on Scion and on a
 * scratch MariaDB with the same tables, for a bounded time; results (as multisets, or in order under ORDER BY),
 * affected-row counts and table contents after each change must agree. Damaged statements are sent too: the
 * server must answer each with an error packet or a result, never die, and keep the connection usable.
 *
 * <p>Disagreements fail the test unless the exact statement is listed in
 * {@code reliability/bad-sql-expected-failures.txt}; a listed statement that now agrees fails too, so the list
 * stays exact. The CI form uses a fixed seed (so the list applies); the long form a fresh one each run.
 */
class BadSqlDifferentialTest {
    static final long CI_SEED = 20261122L;
    static final String EXPECTED = "reliability/bad-sql-expected-failures.txt";

    @Test
    void scionAgreesWithMariaDbAndSurvivesDamagedStatements() throws Exception {
        long seed = ReliabilityForm.isLong() ? ReliabilityForm.seed() : Long.getLong("scion.reliability.seed", CI_SEED);
        Duration budget = ReliabilityForm.duration(35, 600);
        int maxStatements = Integer.getInteger("scion.reliability.statements", ReliabilityForm.isLong()
                ? Integer.MAX_VALUE : 2500);
        Set<String> expected = expectedFailures();
        Random random = new Random(seed);
        SqlGenerator gen = new SqlGenerator(random);
        Path dir = ItConfig.targetDir().resolve("bad-sql-" + ProcessHandle.current().pid());
        List<String> disagreements = new ArrayList<>();
        Set<String> expectedSeen = new LinkedHashSet<>();
        Set<String> expectedRun = new LinkedHashSet<>();
        TreeMap<Integer, Integer> scionErrorCodes = new TreeMap<>();
        int queries = 0;
        int changes = 0;
        int damaged = 0;
        int damagedRejectedByScion = 0;
        int acceptRejectMismatch = 0;
        int[] bothRefused = new int[1];
        try (ScratchMariaDb maria = ScratchMariaDb.start(dir.resolve("mariadb"));
             ScionServerProcess scion = ScionServerProcess.start("bad-sql")) {
            try (Connection m = maria.connect(null); Connection s = ConnectorJ.V9.connect(scion, null, false)) {
                for (Connection c : List.of(m, s)) {
                    Sql.exec(c, "CREATE DATABASE fuzz");
                    Sql.exec(c, "USE fuzz");
                }
                for (String sql : gen.schema()) {
                    Sql.exec(m, sql);
                    Sql.exec(s, sql);
                }
                long deadline = System.nanoTime() + budget.toNanos();
                for (int n = 0; n < maxStatements && System.nanoTime() < deadline; n++) {
                    int kind = random.nextInt(10);
                    if (kind < 6) {
                        SqlGenerator.Query q = gen.query();
                        queries++;
                        Outcome mo = run(m, q.sql(), q.ordered());
                        Outcome so = run(s, q.sql(), q.ordered());
                        count(scionErrorCodes, so);
                        compare(q.sql(), mo, so, expected, expectedRun, expectedSeen, disagreements);
                        bothRefused[0] += mo.error() != null && so.error() != null ? 1 : 0;
                    } else if (kind < 8) {
                        String sql = gen.change();
                        changes++;
                        Outcome mo = run(m, sql, false);
                        Outcome so = run(s, sql, false);
                        count(scionErrorCodes, so);
                        boolean same = compare(sql, mo, so, expected, expectedRun, expectedSeen, disagreements);
                        bothRefused[0] += mo.error() != null && so.error() != null ? 1 : 0;
                        for (String t : List.of("t1", "t2")) {
                            String all = "SELECT a, b, c FROM " + t;
                            if (same && !run(m, all, false).equals(run(s, all, false))) {
                                same = false;
                                note(sql + "   -- contents of " + t + " differ afterwards", expected, expectedRun,
                                        expectedSeen, disagreements, sql);
                            }
                        }
                        if (!same) {
                            resync(m, s);
                        }
                    } else {
                        String sql = gen.mutate(gen.query().sql());
                        damaged++;
                        Outcome mo = run(m, sql, false);
                        Outcome so = run(s, sql, false);
                        count(scionErrorCodes, so);
                        if (so.error() != null) {
                            damagedRejectedByScion++;
                            assertTrue(so.errorCode() != 0, "an error packet with a code for: " + sql);
                        }
                        if ((mo.error() == null) != (so.error() == null)) {
                            acceptRejectMismatch++; // dialect breadth, not a wrong answer: counted, not failed
                        } else if (mo.error() == null) {
                            compare(sql, mo, so, expected, expectedRun, expectedSeen, disagreements);
                        }
                        assertEquals("1", Sql.scalar(s, "SELECT 1"), "connection usable after: " + sql);
                    }
                }
            }
            assertTrue(scion.isRunning(), "the server survived");
        }
        Set<String> stale = new LinkedHashSet<>(expectedRun);
        stale.removeAll(expectedSeen);
        new Figures("bad-sql").put("seed", seed).put("queries", queries).put("changes", changes)
                .put("valid statements both refused (e.g. duplicate keys)", bothRefused[0])
                .put("damaged statements", damaged).put("damaged rejected by scion", damagedRejectedByScion)
                .put("accept/reject differences on damaged", acceptRejectMismatch)
                .put("scion error codes", scionErrorCodes).put("known disagreements hit", expectedSeen.size())
                .put("new disagreements", disagreements.size()).put("server deaths", 0).publish();
        assertEquals(List.of(), disagreements, "seed " + seed + ": results that disagree with MariaDB (add a "
                + "statement to " + EXPECTED + " only after filing it)");
        assertEquals(Set.of(), stale, "listed in " + EXPECTED + " but agreeing now: remove them");
    }

    /** A statement's result: rows (normalised, sorted unless ordered) or update count, or an error. */
    record Outcome(List<List<String>> rows, long updateCount, String error, int errorCode) {
    }

    static Outcome run(Connection c, String sql, boolean ordered) {
        try (Statement st = c.createStatement()) {
            if (!st.execute(sql)) {
                return new Outcome(null, st.getUpdateCount(), null, 0);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.add(normalise(rs.getString(i)));
                    }
                    rows.add(row);
                }
            }
            if (!ordered) {
                rows.sort(Comparator.comparing(Object::toString));
            }
            return new Outcome(rows, -1, null, 0);
        } catch (SQLException e) {
            return new Outcome(null, -1, String.valueOf(e.getMessage()), e.getErrorCode());
        }
    }

    /** Numbers compare by value (MariaDB's SUM of INT is DECIMAL); everything else as text. */
    static String normalise(String v) {
        if (v == null) {
            return "NULL";
        }
        try {
            return new BigDecimal(v).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static boolean compare(String sql, Outcome maria, Outcome scion, Set<String> expected,
                                   Set<String> expectedRun, Set<String> expectedSeen, List<String> disagreements) {
        boolean same;
        if (maria.error() != null || scion.error() != null) {
            same = maria.error() != null && scion.error() != null; // both refuse (e.g. a duplicate key)
        } else {
            same = java.util.Objects.equals(maria.rows(), scion.rows()) && maria.updateCount() == scion.updateCount();
        }
        if (expected.contains(sql)) {
            expectedRun.add(sql);
        }
        if (!same) {
            note(sql + "\n    mariadb: " + describe(maria) + "\n    scion:   " + describe(scion), expected,
                    expectedRun, expectedSeen, disagreements, sql);
        }
        return same;
    }

    private static void note(String report, Set<String> expected, Set<String> expectedRun, Set<String> expectedSeen,
                             List<String> disagreements, String sql) {
        if (expected.contains(sql)) {
            expectedRun.add(sql);
            expectedSeen.add(sql);
        } else {
            disagreements.add(report);
        }
    }

    private static String describe(Outcome o) {
        if (o.error() != null) {
            return "error " + o.errorCode() + " " + o.error();
        }
        return o.rows() != null ? o.rows().toString() : o.updateCount() + " rows affected";
    }

    private static void count(TreeMap<Integer, Integer> codes, Outcome o) {
        if (o.error() != null) {
            codes.merge(o.errorCode(), 1, Integer::sum);
        }
    }

    /** After a disagreeing change, copies MariaDB's tables to Scion so later statements start equal. */
    private static void resync(Connection m, Connection s) throws SQLException {
        for (String t : List.of("t1", "t2")) {
            Sql.exec(s, "DELETE FROM " + t);
            for (List<String> r : Sql.rows(m, "SELECT a, b, c FROM " + t)) {
                Sql.exec(s, "INSERT INTO " + t + " VALUES (" + r.get(0) + ", " + literal(r.get(1), false) + ", "
                        + literal(r.get(2), true) + ")");
            }
        }
    }

    private static String literal(String v, boolean text) {
        if (v == null || v.equals("NULL")) {
            return "NULL";
        }
        return text ? "'" + v.replace("'", "''") + "'" : v;
    }

    static Set<String> expectedFailures() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = BadSqlDifferentialTest.class.getClassLoader().getResourceAsStream(EXPECTED)) {
            if (in == null) {
                throw new AssertionError("missing resource " + EXPECTED);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        }
        return out;
    }
}
