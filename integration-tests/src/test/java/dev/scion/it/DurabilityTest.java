package dev.scion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Issue 2, point 5: SIGTERM and a restart keep every database, row, commit and branch (and each branch's working
 * set); kill -9 right after a successful autocommit statement or an explicit COMMIT loses nothing, while a
 * transaction that was never committed leaves no trace. Needs a server the harness controls.
 */
class DurabilityTest {
    @ManagedServer(value = "durability", managedOnly = "durability needs a managed server (not -Dscion.it.server)")
    static ScionServerProcess server;

    @BeforeEach
    void running() {
        if (!server.isRunning()) {
            server.startAgain(); // an earlier test failed between kill and restart
        }
    }

    static Connection connect(String db) throws SQLException {
        return ConnectorJ.V9.connect(server, db, false);
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // the server was killed under it
        }
    }

    /** Everything a restart must keep, read through fresh connections. */
    static Map<String, Object> snapshot() throws SQLException {
        Map<String, Object> s = new LinkedHashMap<>();
        try (Connection c = connect(null)) {
            s.put("databases", Sql.column(c, "SHOW DATABASES").stream().sorted().toList());
        }
        for (String db : List.of("dur_a", "dur_a/feature", "dur_b")) {
            try (Connection c = connect(db)) {
                s.put(db + " branch", Sql.scalar(c, "SELECT active_branch()"));
                s.put(db + " tables", Sql.column(c, "SHOW TABLES").stream().sorted().toList());
                s.put(db + " t", Sql.rows(c, "SELECT * FROM t ORDER BY id"));
                s.put(db + " log", Sql.rows(c, "SELECT commit_hash, message FROM dolt_log"));
            }
        }
        return s;
    }

    @Test
    void sigtermAndRestartKeepDatabasesRowsCommitsAndBranches() throws Exception {
        // the harness never creates --data-dir: the server made it
        assertTrue(Files.isDirectory(server.dataDir()), "data directory created by sql-server: " + server.dataDir());
        try (Connection c = connect(null)) {
            Sql.update(c, "CREATE DATABASE dur_a");
            Sql.update(c, "CREATE DATABASE dur_b");
            Sql.update(c, "USE dur_a");
            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40))");
            Sql.update(c, "INSERT INTO t VALUES (1, 'committed on main')");
            Sql.exec(c, "CALL DOLT_COMMIT('-Am', 'a1')");
            Sql.exec(c, "CALL DOLT_CHECKOUT('-b', 'feature')");
            Sql.update(c, "INSERT INTO t VALUES (2, 'committed on feature')");
            Sql.exec(c, "CALL DOLT_COMMIT('-am', 'a2 on feature')");
            Sql.update(c, "INSERT INTO t VALUES (3, 'feature working set')");
            Sql.exec(c, "CALL DOLT_CHECKOUT('main')");
            Sql.update(c, "INSERT INTO t VALUES (4, 'main working set')");
            Sql.update(c, "USE dur_b");
            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40))");
            Sql.update(c, "CREATE TABLE other (x INT PRIMARY KEY)");
            Sql.update(c, "INSERT INTO t VALUES (10, 'b committed')");
            Sql.exec(c, "SELECT DOLT_COMMIT('-Am', 'b1')");
            Sql.update(c, "INSERT INTO t VALUES (11, 'b working set')");
        }
        Map<String, Object> before = snapshot();
        // sanity: the snapshot holds what was written
        assertEquals(List.of(List.of("1", "committed on main"), List.of("4", "main working set")), before.get("dur_a t"));
        assertEquals(List.of(List.of("1", "committed on main"), List.of("2", "committed on feature"),
                List.of("3", "feature working set")), before.get("dur_a/feature t"));
        assertEquals("feature", before.get("dur_a/feature branch"));
        assertEquals(3, ((List<?>) before.get("dur_a/feature log")).size());
        assertTrue(((List<?>) before.get("databases")).containsAll(List.of("dur_a", "dur_b")));

        server.restart();
        assertEquals(before, snapshot(), "after SIGTERM and restart");

        // and once more, to be sure the restarted server wrote a readable state itself
        server.restart();
        assertEquals(before, snapshot(), "after a second restart");

        // the CLI sees the same
        MysqlCli.Result r = new MysqlCli(server).batch("dur_a/feature", "SELECT COUNT(*) FROM t", "-N").assertSuccess();
        assertEquals(List.of(List.of("3")), r.tabRows(), r.toString());
    }

    @Test
    void killRightAfterAnAutocommitInsertLosesNothing() throws Exception {
        Connection c = connect(null);
        try {
            Sql.update(c, "CREATE DATABASE dur_k1");
            Sql.update(c, "USE dur_k1");
            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40))");
            assertTrue(c.getAutoCommit());
            assertEquals(1, Sql.update(c, "INSERT INTO t VALUES (1, 'acknowledged')"));
            server.kill();
        } finally {
            closeQuietly(c);
        }
        server.startAgain();
        Connection c2 = connect("dur_k1");
        try {
            assertEquals(List.of(List.of("1", "acknowledged")), Sql.rows(c2, "SELECT * FROM t"));
            assertEquals(1, Sql.update(c2, "UPDATE t SET v = 'updated' WHERE id = 1"));
            assertEquals(1, Sql.update(c2, "INSERT INTO t VALUES (2, 'second')"));
            server.kill();
        } finally {
            closeQuietly(c2);
        }
        server.startAgain();
        try (Connection c3 = connect("dur_k1")) {
            assertEquals(List.of(List.of("1", "updated"), List.of("2", "second")), Sql.rows(c3, "SELECT * FROM t ORDER BY id"));
        }
    }

    @Test
    void killRightAfterAnExplicitCommitLosesNothingAndDropsTheUncommitted() throws Exception {
        try (Connection setup = connect(null)) {
            Sql.update(setup, "CREATE DATABASE dur_k2");
            Sql.update(setup, "USE dur_k2");
            Sql.update(setup, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40))");
            Sql.update(setup, "INSERT INTO t VALUES (1, 'one'), (2, 'two')");
        }
        Connection committer = connect("dur_k2");
        Connection open = connect("dur_k2");
        try {
            committer.setAutoCommit(false);
            assertEquals(1, Sql.update(committer, "INSERT INTO t VALUES (3, 'three')"));
            assertEquals(1, Sql.update(committer, "UPDATE t SET v = 'uno' WHERE id = 1"));
            assertEquals(1, Sql.update(committer, "DELETE FROM t WHERE id = 2"));
            committer.commit();

            open.setAutoCommit(false);
            assertEquals(1, Sql.update(open, "INSERT INTO t VALUES (99, 'never committed')"));
            server.kill();
        } finally {
            closeQuietly(committer);
            closeQuietly(open);
        }
        server.startAgain();
        try (Connection c = connect("dur_k2")) {
            assertEquals(List.of(List.of("1", "uno"), List.of("3", "three")), Sql.rows(c, "SELECT * FROM t ORDER BY id"));
        }
    }

    @Test
    void killRightAfterDoltCommitAndCheckoutKeepsCommitsAndBranch() throws Exception {
        String mainHead;
        String branchHead;
        Connection c = connect(null);
        try {
            Sql.update(c, "CREATE DATABASE dur_k3");
            Sql.update(c, "USE dur_k3");
            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY)");
            Sql.update(c, "INSERT INTO t VALUES (1)");
            mainHead = Sql.scalar(c, "SELECT DOLT_COMMIT('-Am', 'k3 main')");
            Sql.exec(c, "CALL DOLT_CHECKOUT('-b', 'kbranch')");
            Sql.update(c, "INSERT INTO t VALUES (2)");
            branchHead = Sql.scalar(c, "SELECT DOLT_COMMIT('-am', 'k3 branch')");
            server.kill();
        } finally {
            closeQuietly(c);
        }
        server.startAgain();
        try (Connection m = connect("dur_k3"); Connection b = connect("dur_k3/kbranch")) {
            assertEquals(List.of(mainHead, branchHead), List.of(
                    Sql.scalar(m, "SELECT commit_hash FROM dolt_log LIMIT 1"),
                    Sql.scalar(b, "SELECT commit_hash FROM dolt_log LIMIT 1")));
            assertEquals(List.of("k3 branch", "k3 main", CommitLogTest.INIT_MESSAGE), Sql.column(b, "SELECT message FROM dolt_log"));
            assertEquals(List.of("1"), Sql.column(m, "SELECT id FROM t ORDER BY id"));
            assertEquals(List.of("1", "2"), Sql.column(b, "SELECT id FROM t ORDER BY id"));
            assertEquals("kbranch", Sql.scalar(b, "SELECT active_branch()"));
            assertFalse(Sql.column(m, "SHOW DATABASES").isEmpty());
        }
    }
}
