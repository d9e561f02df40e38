package dev.scion.wire;

import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MySQL Connector/J against the server (the test handler answers its connect-time queries). */
class ConnectorJTest {

    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ServerFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Connection connect(String user, String password, String options) throws SQLException {
        String url = "jdbc:mysql://127.0.0.1:" + fixture.port() + "/test?sslMode=DISABLED&connectTimeout=10000"
                + "&socketTimeout=30000" + (options.isEmpty() ? "" : "&" + options);
        return DriverManager.getConnection(url, user, password);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void queriesAndPreparedStatements(boolean serverPrepared) throws SQLException {
        try (Connection conn = connect("alice", "secret", "useServerPrepStmts=" + serverPrepared)) {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("select 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertFalse(rs.next());
            }
            try (PreparedStatement ps = conn.prepareStatement("insert into t values (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setInt(1, 5);
                assertEquals(1, ps.executeUpdate());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(42, keys.getLong(1));
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("update t set a = ?")) {
                ps.setString(1, "x");
                assertEquals(3, ps.executeUpdate());
            }
        }
    }

    @Test
    void serverSidePreparedStatementsReuseParameterTypes() throws SQLException {
        try (Connection conn = connect("root", "", "useServerPrepStmts=true&cachePrepStmts=true");
             PreparedStatement ps = conn.prepareStatement("select ? + 1, ?")) {
            for (int i = 0; i < 5; i++) {
                ps.setLong(1, i * 10);
                ps.setString(2, "v" + i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(i * 10 + 1, rs.getLong(1));
                    assertEquals("v" + i, rs.getString(2));
                }
            }
            ps.setLong(1, 1);
            ps.setNull(2, java.sql.Types.VARCHAR);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getString(2));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void typedValues(boolean serverPrepared) throws SQLException {
        try (Connection conn = connect("root", "", "useServerPrepStmts=" + serverPrepared);
             PreparedStatement ps = conn.prepareStatement("select types");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(-5, rs.getInt("tiny"));
            assertEquals(300, rs.getInt("short"));
            assertEquals(70000, rs.getInt("int"));
            assertEquals(Long.MAX_VALUE, rs.getLong("bigint"));
            assertEquals(0.1, rs.getDouble("dbl"));
            assertEquals(1.5f, rs.getFloat("flt"));
            assertEquals(new BigDecimal("12.50"), rs.getBigDecimal("dec"));
            assertEquals("héllo", rs.getString("str"));
            assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("date", LocalDate.class));
            assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123456000),
                    rs.getObject("dt", LocalDateTime.class));
            assertEquals(7.0, rs.getDouble("dbl_from_long"));
            assertTrue(rs.next());
            assertNull(rs.getObject("str"));
            assertEquals(0, rs.getInt("int"));
            assertTrue(rs.wasNull());
        }
    }

    @Test
    void errorsAndTransactions() throws SQLException {
        try (Connection conn = connect("root", "", "")) {
            try (Statement st = conn.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute("error"));
                assertEquals(1146, e.getErrorCode());
                assertEquals("42S02", e.getSQLState());
                e = assertThrows(SQLException.class, () -> st.execute("boom"));
                assertEquals(1105, e.getErrorCode());
                try (ResultSet rs = st.executeQuery("select 1")) {
                    assertTrue(rs.next());
                }
            }
            conn.setAutoCommit(false);
            assertFalse(fixture.handler.lastSession().autocommit);
            conn.commit();
            conn.setAutoCommit(true);
            assertTrue(fixture.handler.lastSession().autocommit);
        }
    }

    @Test
    void multiQueries() throws SQLException {
        try (Connection conn = connect("root", "", "allowMultiQueries=true");
             Statement st = conn.createStatement()) {
            assertTrue(st.execute("select 1; insert into t values (1); select database()"));
            try (ResultSet rs = st.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            assertFalse(st.getMoreResults());
            assertEquals(1, st.getUpdateCount());
            assertTrue(st.getMoreResults());
            try (ResultSet rs = st.getResultSet()) {
                assertTrue(rs.next());
                assertEquals("test", rs.getString(1));
            }
            assertFalse(st.getMoreResults());
            assertEquals(-1, st.getUpdateCount());
        }
    }

    @Test
    void cursorFetch() throws SQLException {
        try (Connection conn = connect("root", "", "useCursorFetch=true&useServerPrepStmts=true");
             PreparedStatement ps = conn.prepareStatement("select rows 25")) {
            ps.setFetchSize(4);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertEquals(n, rs.getLong(1));
                    n++;
                }
            }
            assertEquals(25, n);
        }
    }

    @Test
    void wrongPasswordAndNativeAccount() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "bad", "").close());
        assertEquals(1045, e.getErrorCode());
        try (Connection conn = connect("bob", "native", "");
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("select 1")) {
            assertTrue(rs.next());
        }
    }

    @Test
    void largeResultStreams() throws SQLException {
        try (Connection conn = connect("root", "", "");
             Statement st = conn.createStatement(java.sql.ResultSet.TYPE_FORWARD_ONLY,
                     java.sql.ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(Integer.MIN_VALUE);
            int n = 0;
            try (ResultSet rs = st.executeQuery("select rows 100000")) {
                while (rs.next()) {
                    n++;
                }
            }
            assertEquals(100000, n);
        }
    }
}
