package dev.scion.it.versioned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Table-function calls with {@code ?} arguments through Connector/J's server-side prepared statements
 * (docs/versioned-sql.md, "Table functions"): getMetaData() after prepare lists the function's columns where no
 * parameter decides them (the COM_STMT_PREPARE answer; with a LIMIT ? as well), none where the table of dolt_diff
 * is a parameter; each execution then sends its own column definitions, which the driver reads its binary rows by,
 * also when two executions of one statement name tables with different columns.
 */
class TableFunctionPrepareJdbcTest {
    @ManagedServer("table-function-prepare") static ScionServerProcess server;

    @BeforeAll
    static void history() throws SQLException {
        server.dropDatabasesIfExternal("tfprep");
        try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
            Sql.exec(c, "CREATE DATABASE tfprep");
            Sql.exec(c, "USE tfprep");
            Sql.exec(c, "CREATE TABLE t (pk INT PRIMARY KEY, c1 VARCHAR(20))");
            Sql.exec(c, "CREATE TABLE u (id INT PRIMARY KEY, name VARCHAR(20), extra INT)");
            Sql.exec(c, "CALL DOLT_COMMIT('-Am', 'creating tables')");
            Sql.exec(c, "INSERT INTO t VALUES (1, 'one')");
            Sql.exec(c, "INSERT INTO u VALUES (7, 'seven', 70)");
            Sql.exec(c, "CALL DOLT_COMMIT('-am', 'rows')");
        }
    }

    private static Connection connect(ConnectorJ driver) throws SQLException {
        return driver.connect(server, "tfprep", true);
    }

    /** A server-side prepared statement (COM_STMT_PREPARE), not the driver's client-side emulation. */
    private static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        assertTrue(ps.getClass().getSimpleName().equals("ServerPreparedStatement"), ps.getClass().getName());
        return ps;
    }

    private static List<String> labels(ResultSetMetaData md) throws SQLException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnLabel(i));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(ConnectorJ.class)
    void columnsNoParameterDecidesAreKnownAtPrepare(ConnectorJ driver) throws SQLException {
        try (Connection c = connect(driver)) {
            try (PreparedStatement ps = prepare(c,
                    "SELECT table_name, rows_added FROM dolt_diff_stat(?, ?) ORDER BY table_name")) {
                ResultSetMetaData md = ps.getMetaData();
                assertNotNull(md, "dolt_diff_stat's columns at prepare");
                assertEquals(List.of("table_name", "rows_added"), labels(md));
                ps.setString(1, "HEAD~1");
                ps.setString(2, "HEAD");
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(List.of(List.of("t", "1"), List.of("u", "1")), Sql.rows(rs));
                }
            }
            try (PreparedStatement ps = prepare(c, "SELECT * FROM dolt_diff(?, ?, 't')")) {
                ResultSetMetaData md = ps.getMetaData();
                assertNotNull(md, "dolt_diff's columns at prepare when its table is a literal");
                assertEquals(List.of("to_pk", "to_c1", "to_commit", "to_commit_date", "from_pk", "from_c1",
                        "from_commit", "from_commit_date", "diff_type"), labels(md));
                ps.setString(1, "HEAD~1");
                ps.setString(2, "HEAD");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt("to_pk"));
                    assertEquals("one", rs.getString("to_c1"));
                    assertEquals("added", rs.getString("diff_type"));
                }
            }
            for (String sql : List.of("SELECT * FROM dolt_diff_summary(?, ?)", "SELECT * FROM dolt_patch(?, ?)",
                    "SELECT * FROM dolt_schema_diff(?, ?)", "SELECT * FROM dolt_log(?)")) {
                try (PreparedStatement ps = prepare(c, sql)) {
                    ResultSetMetaData md = ps.getMetaData();
                    assertNotNull(md, sql);
                    List<String> prepared = labels(md);
                    ps.setString(1, "HEAD~2"); // the first commit: before the tables
                    if (sql.contains("?, ?")) {
                        ps.setString(2, "HEAD");
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        assertEquals(Sql.labels(rs), prepared, sql + ": prepare and execution agree");
                        assertTrue(rs.next(), sql);
                    }
                }
            }
            try (PreparedStatement ps = prepare(c,
                    "SELECT message, parents FROM dolt_log(?) ORDER BY commit_order DESC LIMIT ?")) {
                assertEquals(List.of("message", "parents"), labels(ps.getMetaData()));
                ps.setString(1, "--parents");
                ps.setInt(2, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("rows", rs.getString(1));
                    assertTrue(rs.getString(2).matches(Sql.HASH_REGEX), rs.getString(2));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ConnectorJ.class)
    void aTableFromAParameterIsDescribedByEachExecution(ConnectorJ driver) throws SQLException {
        try (Connection c = connect(driver);
             PreparedStatement ps = prepare(c, "SELECT * FROM dolt_diff(?, ?, ?)")) {
            ResultSetMetaData atPrepare = ps.getMetaData();
            assertTrue(atPrepare == null || atPrepare.getColumnCount() == 0,
                    "no columns before the table is known");
            ps.setString(1, "HEAD~1");
            ps.setString(2, "HEAD");
            ps.setString(3, "t");
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(List.of("to_pk", "to_c1", "to_commit", "to_commit_date", "from_pk", "from_c1",
                        "from_commit", "from_commit_date", "diff_type"), Sql.labels(rs));
                assertTrue(rs.next());
                assertEquals(1, rs.getInt("to_pk"));
                assertEquals("one", rs.getString("to_c1"));
                assertEquals("HEAD", rs.getString("to_commit"));
                assertNotNull(rs.getTimestamp("to_commit_date"));
                assertEquals(null, rs.getObject("from_pk"));
                assertEquals("added", rs.getString("diff_type"));
            }
            ps.setString(3, "u");
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(List.of("to_id", "to_name", "to_extra", "to_commit", "to_commit_date", "from_id",
                        "from_name", "from_extra", "from_commit", "from_commit_date", "diff_type"), Sql.labels(rs));
                assertTrue(rs.next());
                assertEquals(7, rs.getInt("to_id"));
                assertEquals("seven", rs.getString("to_name"));
                assertEquals(70, rs.getInt("to_extra"));
                assertEquals("added", rs.getString("diff_type"));
            }
        }
    }
}
