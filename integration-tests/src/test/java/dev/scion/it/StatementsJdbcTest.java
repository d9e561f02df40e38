package dev.scion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Issue 2, points 3 and 6: the exact statement list through MySQL Connector/J 8.4 and 9.x, with
 * useServerPrepStmts=false (COM_QUERY, text rows) and =true (COM_STMT_PREPARE/EXECUTE, binary rows), each on a fresh
 * server: affected-row counts as MySQL reports them to Connector/J (which connects with CLIENT_FOUND_ROWS, so an
 * UPDATE counts the rows it matched), results, and column metadata.
 */
class StatementsJdbcTest {

    /** Runs one statement the way the mode implies: Statement (text) or server-side PreparedStatement. */
    private static final class Runner {
        final Connection c;
        final boolean prepared;

        Runner(Connection c, boolean prepared) {
            this.c = c;
            this.prepared = prepared;
        }

        int update(String sql) throws SQLException {
            if (prepared) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    assertFalse(ps.execute(), "unexpected result set from " + sql);
                    return ps.getUpdateCount();
                }
            }
            try (Statement st = c.createStatement()) {
                assertFalse(st.execute(sql), "unexpected result set from " + sql);
                return st.getUpdateCount();
            }
        }

        <T> T query(String sql, SqlFunction<ResultSet, T> f) throws SQLException {
            if (prepared) {
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    return f.apply(rs);
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return f.apply(rs);
            }
        }
    }

    interface SqlFunction<A, B> {
        B apply(A a) throws SQLException;
    }

    @ParameterizedTest(name = "{0} useServerPrepStmts={1}")
    @MethodSource("dev.scion.it.harness.ConnectorJ#withProtocols")
    void issueStatementListWithCountsResultsAndMetadata(ConnectorJ driver, boolean serverPrep) throws Exception {
        try (ScionServerProcess server = ScionServerProcess.start("statements-" + driver.version() + "-" + serverPrep)) {
            server.dropDatabasesIfExternal("mydb");
            try (Connection c = driver.connect(server, null, serverPrep)) {
                Runner r = new Runner(c, serverPrep);
                assertEquals(1, r.update("CREATE DATABASE mydb"), "CREATE DATABASE affected rows");
                assertEquals(0, r.update("USE mydb"), "USE");
                assertEquals(0, r.update("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40), qty INT)"), "CREATE TABLE");
                assertEquals(2, r.update("INSERT INTO t VALUES (1,'a',10),(2,'b',20)"), "INSERT affected rows");

                r.query("SELECT * FROM t WHERE id = 2", rs -> {
                    checkTableMetadata(rs.getMetaData());
                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt("id"));
                    assertEquals("b", rs.getString("name"));
                    assertEquals(20, rs.getInt(3));
                    assertEquals(Integer.valueOf(2), rs.getObject(1));
                    assertFalse(rs.next(), "one row only");
                    return null;
                });

                assertEquals(1, r.update("UPDATE t SET qty = qty + 1 WHERE id = 1"), "UPDATE affected rows");
                // CLIENT_FOUND_ROWS: a matched but unchanged row still counts for Connector/J
                assertEquals(1, r.update("UPDATE t SET qty = qty WHERE id = 1"), "UPDATE matched rows (found rows)");
                assertEquals(1, r.update("DELETE FROM t WHERE id = 2"), "DELETE affected rows");

                r.query("SELECT COUNT(*) FROM t", rs -> {
                    ResultSetMetaData md = rs.getMetaData();
                    assertEquals(1, md.getColumnCount());
                    assertEquals("COUNT(*)", md.getColumnLabel(1));
                    assertEquals(Types.BIGINT, md.getColumnType(1), "COUNT(*) is BIGINT");
                    assertTrue(rs.next());
                    assertEquals(1L, rs.getLong(1));
                    assertFalse(rs.next());
                    return null;
                });

                r.query("SELECT * FROM t", rs -> {
                    assertEquals(List.of(List.of("1", "a", "11")), Sql.rows(rs));
                    return null;
                });
                assertEquals(0, r.update("UPDATE t SET qty = 5 WHERE id = 99"), "UPDATE of no row");
                assertEquals(0, r.update("DELETE FROM t WHERE id = 99"), "DELETE of no row");
            }

            // point 6: connect with the database in the URL and use parameters (server-side: parameter types
            // must be remembered across executions)
            try (Connection c = driver.connect(server, "mydb", serverPrep)) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                    ins.setInt(1, 2);
                    ins.setString(2, "b");
                    ins.setInt(3, 20);
                    assertEquals(1, ins.executeUpdate());
                    ins.setInt(1, 3);
                    ins.setNull(2, Types.VARCHAR);
                    ins.setNull(3, Types.INTEGER);
                    assertEquals(1, ins.executeUpdate());
                }
                try (PreparedStatement sel = c.prepareStatement("SELECT * FROM t WHERE id = ?")) {
                    sel.setInt(1, 2);
                    try (ResultSet rs = sel.executeQuery()) {
                        checkTableMetadata(rs.getMetaData());
                        assertEquals(List.of(List.of("2", "b", "20")), Sql.rows(rs));
                    }
                    sel.setInt(1, 3);
                    try (ResultSet rs = sel.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(3, rs.getInt(1));
                        assertEquals(null, rs.getString(2));
                        rs.getInt(3);
                        assertTrue(rs.wasNull(), "qty is NULL");
                        assertFalse(rs.next());
                    }
                    sel.setInt(1, 99);
                    try (ResultSet rs = sel.executeQuery()) {
                        assertFalse(rs.next());
                    }
                }
                try (PreparedStatement upd = c.prepareStatement("UPDATE t SET qty = ? WHERE id = ?")) {
                    upd.setInt(1, 30);
                    upd.setInt(2, 3);
                    assertEquals(1, upd.executeUpdate());
                }
                assertEquals(List.of(List.of("1", "a", "11"), List.of("2", "b", "20"), List.of("3", "NULL", "30")),
                        Sql.rows(c, "SELECT * FROM t ORDER BY id"));
            }
        }
    }

    /** Column metadata of {@code SELECT * FROM t} for t (id INT PRIMARY KEY, name VARCHAR(40), qty INT). */
    static void checkTableMetadata(ResultSetMetaData md) throws SQLException {
        assertEquals(3, md.getColumnCount());
        assertEquals(List.of("id", "name", "qty"), List.of(md.getColumnName(1), md.getColumnName(2), md.getColumnName(3)));
        assertEquals(List.of("id", "name", "qty"), List.of(md.getColumnLabel(1), md.getColumnLabel(2), md.getColumnLabel(3)));
        assertEquals(List.of(Types.INTEGER, Types.VARCHAR, Types.INTEGER),
                List.of(md.getColumnType(1), md.getColumnType(2), md.getColumnType(3)), "java.sql.Types");
        assertEquals(List.of("INT", "VARCHAR", "INT"),
                List.of(md.getColumnTypeName(1), md.getColumnTypeName(2), md.getColumnTypeName(3)), "type names");
        assertEquals(40, md.getPrecision(2), "VARCHAR(40) precision (characters)");
        assertEquals(List.of(ResultSetMetaData.columnNoNulls, ResultSetMetaData.columnNullable,
                ResultSetMetaData.columnNullable), List.of(md.isNullable(1), md.isNullable(2), md.isNullable(3)),
                "nullability (id is the primary key)");
        for (int i = 1; i <= 3; i++) {
            assertFalse(md.isAutoIncrement(i), "isAutoIncrement of column " + i);
            assertEquals("t", md.getTableName(i), "table name of column " + i);
            assertEquals("mydb", md.getCatalogName(i), "catalog (database) of column " + i);
        }
        assertTrue(md.isSigned(1), "INT is signed");
        assertEquals(Integer.class.getName(), md.getColumnClassName(1));
        assertEquals(String.class.getName(), md.getColumnClassName(2));
    }
}
