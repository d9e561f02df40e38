package dev.scion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
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
 * Issue 2, point 4 (branches): {@code CALL DOLT_CHECKOUT('-b', 'feature')} moves the session to a new branch; rows
 * written there (committed or not) are invisible to a session on main; connecting to {@code mydb/feature} (JDBC URL
 * {@code jdbc:mysql://127.0.0.1:P/mydb/feature}, the CLI's {@code mysql ... mydb/feature}) lands on that branch.
 */
class BranchTest {
    @ManagedServer("branches") static ScionServerProcess server;
    static final List<List<String>> MAIN_ROWS = List.of(List.of("1", "main row"));
    static final List<List<String>> FEATURE_ROWS = List.of(List.of("1", "main row"), List.of("2", "feature row"),
            List.of("3", "feature working set"));

    @BeforeAll
    static void setUp() throws Exception {
        server.dropDatabasesIfExternal("mydb");
        try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
            Sql.update(c, "CREATE DATABASE mydb");
            Sql.update(c, "USE mydb");
            Sql.update(c, "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40))");
            Sql.update(c, "INSERT INTO t VALUES (1, 'main row')");
            Sql.exec(c, "CALL DOLT_COMMIT('-Am', 'base')");
            assertEquals("main", Sql.scalar(c, "SELECT active_branch()"));

            Sql.exec(c, "CALL DOLT_CHECKOUT('-b', 'feature')");
            assertEquals("feature", Sql.scalar(c, "SELECT active_branch()"), "DOLT_CHECKOUT('-b') moves the session");
            assertEquals(1, Sql.update(c, "INSERT INTO t VALUES (2, 'feature row')"));
            Sql.exec(c, "CALL DOLT_COMMIT('-am', 'on feature')");
            assertEquals(1, Sql.update(c, "INSERT INTO t VALUES (3, 'feature working set')"));
            assertEquals(FEATURE_ROWS, Sql.rows(c, "SELECT * FROM t ORDER BY id"));
            assertEquals(List.of("on feature", "base", CommitLogTest.INIT_MESSAGE), Sql.column(c, "SELECT message FROM dolt_log"));
        }
    }

    @Test
    void aSessionOnMainDoesNotSeeFeatureRows() throws Exception {
        try (Connection c = ConnectorJ.V9.connect(server, "mydb", false)) {
            assertEquals("main", Sql.scalar(c, "SELECT active_branch()"));
            assertEquals(MAIN_ROWS, Sql.rows(c, "SELECT * FROM t WHERE id <= 3 ORDER BY id"));
            assertEquals(List.of("base", CommitLogTest.INIT_MESSAGE), Sql.column(c, "SELECT message FROM dolt_log"));
        }
    }

    @Test
    void checkingOutMainAgainShowsMainRows() throws Exception {
        try (Connection c = ConnectorJ.V9.connect(server, "mydb/feature", false)) {
            assertEquals("feature", Sql.scalar(c, "SELECT active_branch()"));
            Sql.exec(c, "CALL DOLT_CHECKOUT('main')");
            assertEquals("main", Sql.scalar(c, "SELECT active_branch()"));
            assertEquals(MAIN_ROWS, Sql.rows(c, "SELECT * FROM t WHERE id <= 3 ORDER BY id"));
        }
    }

    @ParameterizedTest(name = "{0} useServerPrepStmts={1}")
    @MethodSource("dev.scion.it.harness.ConnectorJ#withProtocols")
    void connectorJToMydbSlashFeature(ConnectorJ driver, boolean prepared) throws Exception {
        assertEquals("jdbc:mysql://" + server.host() + ":" + server.port() + "/mydb/feature",
                ConnectorJ.url(server, "mydb/feature"));
        try (Connection c = driver.connect(server, "mydb/feature", prepared)) {
            assertEquals("feature", Sql.scalar(c, "SELECT active_branch()"));
            assertEquals(FEATURE_ROWS, Sql.rows(c, "SELECT * FROM t WHERE id <= 3 ORDER BY id"));
            assertEquals(List.of("on feature", "base", CommitLogTest.INIT_MESSAGE), Sql.column(c, "SELECT message FROM dolt_log"));
        }
    }

    @Test
    void writesThroughABranchConnectionStayOnTheBranch() throws Exception {
        try (Connection f = ConnectorJ.V9.connect(server, "mydb/feature", false);
             Connection m = ConnectorJ.V9.connect(server, "mydb", false)) {
            assertEquals(1, Sql.update(f, "INSERT INTO t VALUES (100, 'written via mydb/feature')"));
            assertEquals("written via mydb/feature", Sql.scalar(f, "SELECT name FROM t WHERE id = 100"));
            assertEquals(List.of(), Sql.rows(m, "SELECT * FROM t WHERE id = 100"), "invisible on main");
            assertEquals(1, Sql.update(m, "INSERT INTO t VALUES (200, 'written on main')"));
            assertEquals(List.of(), Sql.rows(f, "SELECT * FROM t WHERE id = 200"), "invisible on feature");
            // a new session on the branch sees the branch's write
            try (Connection f2 = ConnectorJ.V8_4.connect(server, "mydb/feature", false)) {
                assertEquals("written via mydb/feature", Sql.scalar(f2, "SELECT name FROM t WHERE id = 100"));
            }
            assertEquals(1, Sql.update(f, "DELETE FROM t WHERE id = 100"));
            assertEquals(1, Sql.update(m, "DELETE FROM t WHERE id = 200"));
        }
    }

    @Test
    void mysqlCliBatchToMydbSlashFeature() {
        MysqlCli mysql = new MysqlCli(server).asMysql();
        MysqlCli.Result r = mysql.batch("mydb/feature", "select active_branch(); select * from t where id <= 3 order by id",
                "-t").assertSuccess();
        List<CliOutput.Table> t = r.tables();
        assertEquals(2, t.size(), r.toString());
        assertEquals(List.of(List.of("feature")), t.get(0).rows(), r.toString());
        assertEquals(FEATURE_ROWS, t.get(1).rows(), r.toString());

        MysqlCli.Result main = mysql.batch("mydb", "select active_branch(); select * from t where id <= 3 order by id",
                "-t").assertSuccess();
        assertEquals(List.of(List.of("main")), main.tables().get(0).rows(), main.toString());
        assertEquals(MAIN_ROWS, main.tables().get(1).rows(), main.toString());
    }

    @Test
    void mysqlCliInteractiveToMydbSlashFeature() {
        try (MysqlCli.Interactive s = new MysqlCli(server).asMysql().interactive("mydb/feature")) {
            assertTrue(s.banner().contains("Reading table information for completion"), s.banner());
            assertEquals("mydb/feature", s.promptDatabase(), s.transcript());
            String answer = s.send("select active_branch();");
            assertEquals(List.of(List.of("feature")), CliOutput.tables(answer).get(0).rows(), s.transcript());
            answer = s.send("select * from t where id <= 3 order by id;");
            assertEquals(FEATURE_ROWS, CliOutput.tables(answer).get(0).rows(), s.transcript());
            assertEquals(0, s.quit(), s.transcript());
        }
    }
}
