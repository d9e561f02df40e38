package dev.scion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.scion.it.harness.CliOutput;
import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Issue 2, point 4 (commits): {@code CALL DOLT_COMMIT('-Am', 'first')} and {@code SELECT DOLT_COMMIT('-Am', 'second')}
 * return a commit hash (20 bytes as 32 characters of base32, alphabet 0-9a-v); {@code SELECT * FROM dolt_log} lists
 * the commits newest first down to "Initialize data repository", the commit CREATE DATABASE made; its first columns
 * are commit_hash, committer, email, date, message.
 */
class CommitLogTest {
    static final String INIT_MESSAGE = "Initialize data repository";
    @ManagedServer("commit-log") static ScionServerProcess server;

    static void assertHash(String h) {
        assertNotNull(h, "commit hash");
        assertTrue(h.matches(Sql.HASH_REGEX), "not 32 characters of 0-9a-v: '" + h + "'");
    }

    @Test
    void callAndSelectDoltCommitAndTheLog() throws Exception {
        server.dropDatabasesIfExternal("mydb");
        try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
            Sql.update(c, "CREATE DATABASE mydb");
            Sql.update(c, "USE mydb");
            List<List<String>> initial = Sql.rows(c, "SELECT commit_hash, message FROM dolt_log");
            assertEquals(1, initial.size(), "a new database has exactly its initial commit: " + initial);
            String init = initial.get(0).get(0);
            assertHash(init);
            assertEquals(INIT_MESSAGE, initial.get(0).get(1));

            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40), qty INT)");
            Sql.update(c, "INSERT INTO t VALUES (1,'a',10),(2,'b',20)");
            String first;
            try (Statement st = c.createStatement()) {
                assertTrue(st.execute("CALL DOLT_COMMIT('-Am', 'first')"), "CALL DOLT_COMMIT returns a result set");
                try (ResultSet rs = st.getResultSet()) {
                    List<List<String>> rows = Sql.rows(rs);
                    assertEquals(1, rows.size(), "one row: " + rows);
                    first = rows.get(0).get(0);
                }
            }
            assertHash(first);

            Sql.update(c, "INSERT INTO t VALUES (3,'c',30)");
            String second;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DOLT_COMMIT('-Am', 'second')")) {
                assertEquals(List.of("DOLT_COMMIT('-Am', 'second')"), Sql.labels(rs), "column named by the expression");
                List<List<String>> rows = Sql.rows(rs);
                assertEquals(1, rows.size(), "one row: " + rows);
                second = rows.get(0).get(0);
            }
            assertHash(second);
            assertNotEquals(first, second);
            assertNotEquals(init, first);

            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM dolt_log")) {
                List<String> labels = Sql.labels(rs);
                assertTrue(labels.size() >= 5, "dolt_log columns: " + labels);
                assertEquals(List.of("commit_hash", "committer", "email", "date", "message"), labels.subList(0, 5),
                        "dolt_log's first columns");
                int n = 0;
                List<String> hashes = List.of(second, first, init);
                List<String> messages = List.of("second", "first", INIT_MESSAGE);
                while (rs.next()) {
                    assertTrue(n < 3, "more than 3 commits in dolt_log");
                    assertEquals(hashes.get(n), rs.getString("commit_hash"), "commit " + n + " (newest first)");
                    assertEquals(messages.get(n), rs.getString("message"), "message of commit " + n);
                    assertFalse(rs.getString("committer").isBlank(), "committer");
                    assertNotNull(rs.getString("email"), "email");
                    assertNotNull(rs.getTimestamp("date"), "date");
                    n++;
                }
                assertEquals(3, n, "commits in dolt_log");
            }
            assertEquals(List.of(List.of("1", "a", "10"), List.of("2", "b", "20"), List.of("3", "c", "30")),
                    Sql.rows(c, "SELECT * FROM t ORDER BY id"));
        }
    }

    static Stream<ConnectorJ> drivers() {
        return Stream.of(ConnectorJ.V8_4, ConnectorJ.V9);
    }

    @ParameterizedTest(name = "{0} useServerPrepStmts=true")
    @MethodSource("drivers")
    void doltCommitThroughServerPreparedStatements(ConnectorJ driver) throws Exception {
        String db = "ps_" + driver.name().toLowerCase();
        server.dropDatabasesIfExternal(db);
        try (Connection c = driver.connect(server, null, true)) {
            Sql.update(c, "CREATE DATABASE " + db);
            Sql.update(c, "USE " + db);
            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY)");
            Sql.update(c, "INSERT INTO t VALUES (1)");
            try (PreparedStatement ps = c.prepareStatement("SELECT DOLT_COMMIT('-Am', 'prepared')")) {
                // preparing must not commit
                assertEquals("1", Sql.scalar(c, "SELECT COUNT(*) FROM dolt_log"), "commits after PREPARE");
                String hash;
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    hash = rs.getString(1);
                    assertFalse(rs.next());
                }
                assertHash(hash);
                assertEquals(List.of(List.of(hash, "prepared")),
                        Sql.rows(c, "SELECT commit_hash, message FROM dolt_log LIMIT 1"));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT commit_hash, message FROM dolt_log");
                 ResultSet rs = ps.executeQuery()) {
                List<List<String>> rows = Sql.rows(rs);
                assertEquals(2, rows.size(), rows.toString());
                assertEquals("prepared", rows.get(0).get(1));
                assertEquals(INIT_MESSAGE, rows.get(1).get(1));
            }
        }
    }

    @Test
    void doltCommitAndLogThroughTheCli() {
        server.dropDatabasesIfExternal("clidb");
        MysqlCli cli = new MysqlCli(server);
        cli.batch(null, "CREATE DATABASE clidb; USE clidb; CREATE TABLE t (id INT PRIMARY KEY); INSERT INTO t VALUES (1);")
                .assertSuccess();
        MysqlCli.Result call = cli.batch("clidb", "CALL DOLT_COMMIT('-Am', 'from the cli')", "-t").assertSuccess();
        List<CliOutput.Table> t = call.tables();
        assertEquals(1, t.size(), call.toString());
        assertEquals(1, t.get(0).rows().size(), call.toString());
        String hash = t.get(0).rows().get(0).get(0);
        assertHash(hash);

        cli.batch("clidb", "INSERT INTO t VALUES (2)").assertSuccess();
        MysqlCli.Result sel = cli.batch("clidb", "SELECT DOLT_COMMIT('-Am', 'second from the cli')", "-t").assertSuccess();
        CliOutput.Table st = sel.tables().get(0);
        assertEquals(List.of("DOLT_COMMIT('-Am', 'second from the cli')"), st.columns(), sel.toString());
        String second = st.rows().get(0).get(0);
        assertHash(second);

        MysqlCli.Result log = cli.batch("clidb", "SELECT * FROM dolt_log", "-t").assertSuccess();
        CliOutput.Table lt = log.tables().get(0);
        assertEquals(List.of("commit_hash", "committer", "email", "date", "message"), lt.columns().subList(0, 5),
                log.toString());
        assertEquals(List.of(second, hash), lt.column("commit_hash").subList(0, 2), log.toString());
        assertEquals(List.of("second from the cli", "from the cli", INIT_MESSAGE), lt.column("message"), log.toString());
    }
}
