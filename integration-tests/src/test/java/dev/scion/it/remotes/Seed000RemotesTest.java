package dev.scion.it.remotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Seed 000 on two servers over loopback: Alice creates a database, commits and pushes it to a shared copy;
 * Bob clones it onto his own server, fixes it on a branch and pushes the fix to a fork in his own
 * namespace; Alice fetches Bob's fork and merges it. Neither touches the other's copy. Plus: a server
 * whose remotes API is read-only refuses pushes.
 */
class Seed000RemotesTest {
    static ScionServerProcess alice;
    static ScionServerProcess bob;
    static int aliceApi;
    static int bobApi;

    @BeforeAll
    static void start() {
        Assumptions.assumeFalse(ItConfig.isExternal(), "needs two managed servers");
        aliceApi = ScionServerProcess.freePort();
        alice = ScionServerProcess.start("alice", List.of("--remotesapi-port", Integer.toString(aliceApi)));
        bobApi = ScionServerProcess.freePort();
        bob = ScionServerProcess.start("bob", List.of("--remotesapi-port", Integer.toString(bobApi)));
    }

    @AfterAll
    static void stop() {
        for (ScionServerProcess s : new ScionServerProcess[] {alice, bob}) {
            if (s != null) {
                s.close();
            }
        }
    }

    static Connection connect(ScionServerProcess s, String db) throws SQLException {
        return ConnectorJ.V9.connect(s, db, false);
    }

    @Test
    void cloneFixPushToForkFetchAndMerge() throws SQLException {
        String hub = "http://127.0.0.1:" + aliceApi + "/tables_hub";
        try (Connection a = connect(alice, null)) {
            Sql.exec(a, "CREATE DATABASE tables_bug");
            Sql.exec(a, "USE tables_bug");
            Sql.exec(a, "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), active INT)");
            Sql.exec(a, "INSERT INTO users VALUES (1, 'post-no-preference', 1), (2, 'timsehn', 0)");
            Sql.exec(a, "CALL dolt_commit('-Am', 'table that cannot be re-added')");
            Sql.exec(a, "CALL dolt_remote('add', 'origin', '" + hub + "')");
            assertEquals(List.of(List.of("0", "pushed main -> origin/main")),
                    Sql.rows(a, "CALL dolt_push('origin', 'main')"));
            assertEquals(List.of(List.of("origin", hub)), Sql.rows(a, "SELECT name, url FROM dolt_remotes"));
        }

        String fork = "http://127.0.0.1:" + bobApi + "/bob_tables";
        try (Connection b = connect(bob, null)) {
            assertEquals("0", Sql.scalar(b, "CALL dolt_clone('" + hub + "', 'tables_bug')"));
            Sql.exec(b, "USE tables_bug");
            assertEquals(List.of(List.of("1", "post-no-preference", "1"), List.of("2", "timsehn", "0")),
                    Sql.rows(b, "SELECT * FROM users ORDER BY id"));
            assertEquals(List.of("remotes/origin/main"), Sql.column(b, "SELECT name FROM dolt_remote_branches"));
            Sql.exec(b, "CALL dolt_checkout('-b', 'fix')");
            Sql.exec(b, "UPDATE users SET active = 1 WHERE id = 2");
            Sql.exec(b, "INSERT INTO users VALUES (3, 'fixed', 1)");
            Sql.exec(b, "CALL dolt_commit('-am', 'fix: reactivate and add the missing user')");
            // polite: a fork in Bob's own namespace rather than Alice's copy
            Sql.exec(b, "CALL dolt_remote('add', 'fork', '" + fork + "')");
            Sql.exec(b, "CALL dolt_push('--set-upstream', 'fork', 'fix')");
        }

        try (Connection a = connect(alice, "tables_bug")) {
            // Alice moved on meanwhile, on another row, so the pull is a real three-way merge
            Sql.exec(a, "UPDATE users SET name = 'pnp' WHERE id = 1");
            Sql.exec(a, "CALL dolt_commit('-am', 'shorter name')");
            Sql.exec(a, "CALL dolt_remote('add', 'bob', '" + fork + "')");
            assertEquals("0", Sql.scalar(a, "CALL dolt_fetch('bob')"));
            assertEquals(List.of("remotes/bob/fix", "remotes/origin/main"),
                    Sql.column(a, "SELECT name FROM dolt_remote_branches ORDER BY name"));
            List<List<String>> pulled = Sql.rows(a, "CALL dolt_pull('bob', 'fix')");
            assertEquals("0", pulled.get(0).get(1), "no conflicts: " + pulled);
            assertEquals(List.of(List.of("1", "pnp", "1"), List.of("2", "timsehn", "1"), List.of("3", "fixed", "1")),
                    Sql.rows(a, "SELECT * FROM users ORDER BY id"));
            assertTrue(Sql.column(a, "SELECT message FROM dolt_log").contains(
                    "fix: reactivate and add the missing user"));
        }
        // Bob's server still has only Bob's work; the shared copy still has Alice's first commit.
        try (Connection b = connect(bob, "tables_bug")) {
            assertEquals(List.of("post-no-preference"), Sql.column(b, "SELECT name FROM users WHERE id = 1"));
        }
        try (Connection a = connect(alice, "tables_hub")) {
            assertEquals("2", Sql.scalar(a, "SELECT count(*) FROM users"));
        }
    }

    @Test
    void aReadOnlyRemotesApiRefusesPushesButServesClones() throws SQLException {
        int api = ScionServerProcess.freePort();
        try (ScionServerProcess readOnly = ScionServerProcess.start("readonly",
                List.of("--remotesapi-port", Integer.toString(api), "--remotesapi-read-only"))) {
            String url = "http://127.0.0.1:" + api + "/ro_db";
            try (Connection c = connect(readOnly, null)) {
                Sql.exec(c, "CREATE DATABASE ro_db");
                Sql.exec(c, "USE ro_db");
                Sql.exec(c, "CREATE TABLE t (id INT PRIMARY KEY)");
                Sql.exec(c, "INSERT INTO t VALUES (1)");
                Sql.exec(c, "CALL dolt_commit('-Am', 'one')");
            }
            try (Connection b = connect(bob, null)) {
                Sql.exec(b, "CALL dolt_clone('" + url + "', 'ro_clone')");
                Sql.exec(b, "USE ro_clone");
                Sql.exec(b, "INSERT INTO t VALUES (2)");
                Sql.exec(b, "CALL dolt_commit('-am', 'two')");
                SQLException e = assertThrows(SQLException.class, () -> Sql.exec(b, "CALL dolt_push('origin', 'main')"));
                assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
            }
            try (Connection c = connect(readOnly, "ro_db")) {
                assertEquals("1", Sql.scalar(c, "SELECT count(*) FROM t"), "the refused push changed nothing");
            }
        }
    }
}
