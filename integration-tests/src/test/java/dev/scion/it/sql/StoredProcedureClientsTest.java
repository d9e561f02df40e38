package dev.scion.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.ScionServerProcess;

/**
 * Stored procedures and functions through real clients: the mysql CLI (whose DELIMITER command is client-side: the
 * server gets the whole CREATE PROCEDURE / FUNCTION with its inner semicolons) and Connector/J's CallableStatement
 * with IN, OUT and INOUT parameters, result sets and a function's return value.
 */
class StoredProcedureClientsTest {
    @ManagedServer("stored-procedures") static ScionServerProcess server;

    @BeforeAll
    static void startServer() throws SQLException {
        try (Connection c = ConnectorJ.V9.connect(server, null, false); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS procdb");
            st.execute("CREATE DATABASE procdb");
        }
    }

    @Test
    void mysqlCliCreatesWithDelimiterAndCalls() {
        String script = String.join("\n",
                "CREATE TABLE IF NOT EXISTS counters (name VARCHAR(20) PRIMARY KEY, n INT);",
                "DELIMITER //",
                "CREATE PROCEDURE count_to(IN name_in VARCHAR(20), IN upto INT)",
                "BEGIN",
                "  DECLARE i INT DEFAULT 0;",
                "  WHILE i < upto DO",
                "    SET i = i + 1;",
                "  END WHILE;",
                "  REPLACE INTO counters VALUES (name_in, i);",
                "  SELECT name, n FROM counters WHERE name = name_in;",
                "END //",
                "DELIMITER ;",
                "CALL count_to('ten', 10);",
                "");
        MysqlCli.Result r = new MysqlCli(server).batchStdin("procdb", script).assertSuccess();
        assertEquals(List.of(List.of("name", "n"), List.of("ten", "10")), r.tabRows(), r.toString());

        MysqlCli.Result show = new MysqlCli(server).batch("procdb", "SHOW CREATE PROCEDURE count_to\\G").assertSuccess();
        assertTrue(show.stdout().contains("WHILE i < upto DO"), show.toString());
    }

    @Test
    void callableStatementWithOutAndInoutParameters() throws SQLException {
        for (ConnectorJ driver : ConnectorJ.values()) {
            try (Connection c = driver.connect(server, "procdb", false); Statement st = c.createStatement()) {
                st.execute("DROP PROCEDURE IF EXISTS split_name");
                st.execute("CREATE PROCEDURE split_name(IN full VARCHAR(100), OUT first VARCHAR(50),"
                        + " INOUT calls INT) BEGIN SET first = SUBSTRING_INDEX(full, ' ', 1);"
                        + " SET calls = calls + 1; END");
                try (CallableStatement cs = c.prepareCall("{call split_name(?, ?, ?)}")) {
                    cs.setString(1, "Ada Lovelace");
                    cs.registerOutParameter(2, Types.VARCHAR);
                    cs.setInt(3, 41);
                    cs.registerOutParameter(3, Types.INTEGER);
                    cs.execute();
                    assertEquals("Ada", cs.getString(2), driver.label());
                    assertEquals(42, cs.getInt(3), driver.label());
                }

                st.execute("DROP PROCEDURE IF EXISTS two_results");
                st.execute("CREATE PROCEDURE two_results() BEGIN SELECT 1 AS a; SELECT 'x' AS b, 2 AS c; END");
                try (CallableStatement cs = c.prepareCall("{call two_results()}")) {
                    assertTrue(cs.execute(), driver.label());
                    try (ResultSet rs = cs.getResultSet()) {
                        assertTrue(rs.next());
                        assertEquals(1, rs.getInt("a"));
                        assertFalse(rs.next());
                    }
                    assertTrue(cs.getMoreResults(), driver.label());
                    try (ResultSet rs = cs.getResultSet()) {
                        assertTrue(rs.next());
                        assertEquals("x", rs.getString("b"));
                        assertEquals(2, rs.getInt("c"));
                    }
                    assertFalse(cs.getMoreResults(), driver.label());
                    assertEquals(0, cs.getUpdateCount(), driver.label());
                }
            }
        }
    }

    @Test
    void mysqlCliCreatesFunctionWithDelimiterAndSelectsIt() {
        String script = String.join("\n",
                "DROP FUNCTION IF EXISTS triangle;",
                "DELIMITER //",
                "CREATE FUNCTION triangle(n INT) RETURNS BIGINT DETERMINISTIC",
                "BEGIN",
                "  DECLARE i INT DEFAULT 0;",
                "  DECLARE s BIGINT DEFAULT 0;",
                "  WHILE i < n DO",
                "    SET i = i + 1;",
                "    SET s = s + i;",
                "  END WHILE;",
                "  RETURN s;",
                "END //",
                "DELIMITER ;",
                "SELECT triangle(4) AS t4, triangle(100) AS t100;",
                "");
        MysqlCli.Result r = new MysqlCli(server).batchStdin("procdb", script).assertSuccess();
        assertEquals(List.of(List.of("t4", "t100"), List.of("10", "5050")), r.tabRows(), r.toString());

        MysqlCli.Result status = new MysqlCli(server).batch("procdb", "SHOW FUNCTION STATUS LIKE 'triangle'")
                .assertSuccess();
        assertTrue(status.stdout().contains("FUNCTION"), status.toString());
    }

    @Test
    void connectorJCallsFunctionsInQueriesAndThroughCallableStatement() throws SQLException {
        for (ConnectorJ driver : ConnectorJ.values()) {
            try (Connection c = driver.connect(server, "procdb", false); Statement st = c.createStatement()) {
                st.execute("DROP FUNCTION IF EXISTS greet");
                st.execute("CREATE FUNCTION greet(who VARCHAR(20)) RETURNS VARCHAR(40) DETERMINISTIC"
                        + " RETURN CONCAT('hi ', who)");
                try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT greet(?) AS g")) {
                    ps.setString(1, "Ada");
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next(), driver.label());
                        assertEquals("hi Ada", rs.getString("g"), driver.label());
                    }
                }
                try (CallableStatement cs = c.prepareCall("{? = call greet(?)}")) {
                    cs.registerOutParameter(1, Types.VARCHAR);
                    cs.setString(2, "Grace");
                    cs.execute();
                    assertEquals("hi Grace", cs.getString(1), driver.label());
                }
            }
        }
    }
}
