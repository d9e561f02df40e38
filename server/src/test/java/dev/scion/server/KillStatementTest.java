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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KILL [CONNECTION | QUERY] n from another connection, through the SQL engine and the wire registry. */
class KillStatementTest {

    @TempDir
    Path dir;

    private static Connection connect(ScionServer server) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/?sslMode=DISABLED&connectTimeout=10000&socketTimeout=60000", "root", "");
    }

    private static long selectOne(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 1")) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void killQueryAndKillConnection() throws SQLException {
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10))) {
            server.start();
            try (Connection killer = connect(server); Connection victim = connect(server);
                 Statement st = killer.createStatement()) {
                long victimId = victim.unwrap(JdbcConnection.class).getId();
                assertEquals(2, server.wire().connectionCount());

                // an idle connection has no query to interrupt: it stays usable
                st.execute("KILL QUERY " + victimId);
                assertEquals(1, selectOne(victim));

                st.execute("KILL CONNECTION " + victimId);
                assertThrows(SQLException.class, () -> selectOne(victim));
                assertEquals(1, selectOne(killer));

                SQLException unknown = assertThrows(SQLException.class, () -> st.execute("KILL 987654"));
                assertEquals(1094, unknown.getErrorCode());
                assertEquals("Unknown thread id: 987654", unknown.getMessage());
            }
        }
    }
}
