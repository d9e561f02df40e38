package dev.scion.server;

import com.mysql.cj.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COM_RESET_CONNECTION (Connector/J resetServerState) through the engine: variables and transaction are gone. */
class ResetConnectionTest {

    @TempDir
    Path dir;

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void resetForgetsVariablesAndRollsBack() throws SQLException {
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10))) {
            server.start();
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                    + "/?sslMode=DISABLED", "root", "");
                 Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE r");
                st.execute("USE r");
                st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                st.execute("SET @u = 42");
                st.execute("SET SESSION sql_mode = 'ANSI_QUOTES'");
                st.execute("BEGIN");
                st.execute("INSERT INTO t VALUES (1)");

                c.unwrap(JdbcConnection.class).resetServerState();

                assertNull(one(st, "SELECT @u"));
                assertEquals("0", one(st, "SELECT COUNT(*) FROM t"), "the open transaction was rolled back");
                assertTrue(one(st, "SELECT @@session.sql_mode").contains("STRICT_TRANS_TABLES"),
                        "sql_mode back to the global value");
                assertEquals("r", one(st, "SELECT DATABASE()"), "the current database stays");
            }
        }
    }
}
