package dev.scion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
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
 * Issue 2, bad input: a syntax error is 1064 (SQLSTATE 42000) with the position ("near '...' at line N"), an unknown
 * table 1146 (42S02), an unknown database 1049 (42000) for USE and for connecting, a duplicate primary key 1062
 * (23000). After each error the same connection keeps working and the stored data is intact.
 */
class ErrorsTest {
    @ManagedServer("errors") static ScionServerProcess server;

    /** Runs the statement with Statement (text) or a server-side PreparedStatement; returns the exception. */
    static SQLException failing(Connection c, boolean prepared, String sql) {
        return assertThrows(SQLException.class, () -> {
            if (prepared) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.execute();
                }
            } else {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
            }
        }, "expected an error from: " + sql);
    }

    static void assertError(SQLException e, int code, String state, String messagePart) {
        String what = "error " + e.getErrorCode() + " (" + e.getSQLState() + "): " + e.getMessage();
        assertEquals(code, e.getErrorCode(), what);
        assertEquals(state, e.getSQLState(), what);
        assertNotNull(e.getMessage(), what);
        assertTrue(e.getMessage().contains(messagePart), "message should contain '" + messagePart + "': " + what);
    }

    static void assertIntact(Connection c, String db) throws SQLException {
        assertEquals(db, Sql.scalar(c, "SELECT DATABASE()"), "current database after the error");
        assertEquals(List.of(List.of("1", "one"), List.of("2", "two")), Sql.rows(c, "SELECT * FROM t ORDER BY id"),
                "data after the error");
    }

    @ParameterizedTest(name = "{0} useServerPrepStmts={1}")
    @MethodSource("dev.scion.it.harness.ConnectorJ#withProtocols")
    void errorsThroughConnectorJ(ConnectorJ driver, boolean prepared) throws Exception {
        String db = "err_" + driver.name().toLowerCase() + (prepared ? "_ps" : "_text");
        server.dropDatabasesIfExternal(db);
        try (Connection c = driver.connect(server, null, prepared)) {
            Sql.update(c, "CREATE DATABASE " + db);
            Sql.update(c, "USE " + db);
            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40))");
            Sql.update(c, "INSERT INTO t VALUES (1, 'one'), (2, 'two')");

            SQLException e = failing(c, prepared, "SELEC * FROM t");
            assertError(e, 1064, "42000", "near '");
            assertTrue(e.getMessage().matches("(?s).*near 'SELEC.*' at line 1.*"), "position of the error: " + e.getMessage());
            assertIntact(c, db);

            e = failing(c, prepared, "SELECT * FROM t WHERE id = 1 ORDER");
            assertError(e, 1064, "42000", "near '");
            assertIntact(c, db);

            e = failing(c, prepared, "SELECT * FROM nosuch");
            assertError(e, 1146, "42S02", "nosuch");
            assertIntact(c, db);

            e = failing(c, prepared, "INSERT INTO t VALUES (1, 'again')");
            assertError(e, 1062, "23000", "Duplicate entry '1'");
            assertIntact(c, db);

            // a multi-row INSERT with one duplicate changes nothing
            e = failing(c, prepared, "INSERT INTO t VALUES (3, 'three'), (2, 'dup')");
            assertError(e, 1062, "23000", "Duplicate entry '2'");
            assertIntact(c, db);

            e = failing(c, prepared, "USE nosuchdb");
            assertError(e, 1049, "42000", "nosuchdb");
            assertIntact(c, db);

            // and the connection still writes
            Sql.update(c, "INSERT INTO t VALUES (3, 'three')");
            assertEquals("3", Sql.scalar(c, "SELECT COUNT(*) FROM t"));
            Sql.update(c, "DELETE FROM t WHERE id = 3");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void connectingToAnUnknownDatabase(ConnectorJ driver) throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> driver.connect(server, "nosuchdb", false).close());
        assertError(e, 1049, "42000", "nosuchdb");
        // the server still accepts connections
        try (Connection c = driver.connect(server, null, false)) {
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }

    static Stream<ConnectorJ> drivers() {
        return Stream.of(ConnectorJ.V8_4, ConnectorJ.V9);
    }

    @Test
    void errorsThroughTheCli() {
        server.dropDatabasesIfExternal("err_cli");
        MysqlCli cli = new MysqlCli(server);
        cli.batch(null, "CREATE DATABASE err_cli; USE err_cli; CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40)); "
                + "INSERT INTO t VALUES (1, 'one'), (2, 'two');").assertSuccess();
        try (MysqlCli.Session s = cli.session("err_cli")) {
            checkCliError(s.execute("SELEC * FROM t;"), 1064, "42000", "near 'SELEC");
            checkCliIntact(s);
            checkCliError(s.execute("SELECT * FROM nosuch;"), 1146, "42S02", "nosuch");
            checkCliIntact(s);
            checkCliError(s.execute("INSERT INTO t VALUES (1, 'again');"), 1062, "23000", "Duplicate entry '1'");
            checkCliIntact(s);
            checkCliError(s.execute("USE nosuchdb;"), 1049, "42000", "nosuchdb");
            checkCliIntact(s);
        }
        // a batch run stops at the first error with exit code 1 and the error on stderr
        MysqlCli.Result r = cli.batch("err_cli", "SELECT * FROM nosuch; SELECT 1;");
        assertEquals(1, r.exitCode(), r.toString());
        Matcher m = CliOutput.error(r.stderr());
        assertNotNull(m, r.toString());
        assertEquals("1146", m.group(1), r.toString());
        // connecting with an unknown database
        MysqlCli.Result bad = cli.batch("nosuchdb", "SELECT 1");
        assertEquals(1, bad.exitCode(), bad.toString());
        Matcher bm = CliOutput.error(bad.stderr());
        assertNotNull(bm, bad.toString());
        assertEquals("1049", bm.group(1), bad.toString());
        assertEquals("42000", bm.group(2), bad.toString());
        assertTrue(bm.group(3).contains("nosuchdb"), bad.toString());
    }

    static void checkCliError(String answer, int code, String state, String part) {
        Matcher m = CliOutput.error(answer);
        assertNotNull(m, "expected ERROR " + code + " in:\n" + answer);
        assertEquals(String.valueOf(code), m.group(1), answer);
        assertEquals(state, m.group(2), answer);
        assertTrue(m.group(3).contains(part), "message should contain '" + part + "':\n" + answer);
    }

    static void checkCliIntact(MysqlCli.Session s) {
        String answer = s.execute("SELECT * FROM t ORDER BY id;");
        List<CliOutput.Table> t = CliOutput.tables(answer);
        assertEquals(1, t.size(), answer);
        assertEquals(List.of(List.of("1", "one"), List.of("2", "two")), t.get(0).rows(), answer);
    }
}
