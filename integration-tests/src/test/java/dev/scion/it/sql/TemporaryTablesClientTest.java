package dev.scion.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;

/**
 * CREATE TEMPORARY TABLE through a real client: two connections each have their own temporary table of one name,
 * neither sees the other's, the branch never shows them, and they go when the connection is closed or reset
 * (COM_RESET_CONNECTION / COM_CHANGE_USER, which Connector/J's resetServerState sends).
 */
class TemporaryTablesClientTest {
    @ManagedServer("temporary-tables") static ScionServerProcess server;

    @Test
    void connectionsKeepTheirOwnTemporaryTablesUntilTheyEnd() throws SQLException {
        server.dropDatabasesIfExternal("tempdb");
        try (Connection c = ConnectorJ.V9.connect(server, null, false); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE tempdb");
            s.execute("USE tempdb");
            s.execute("CREATE TABLE base (id INT PRIMARY KEY)");
            s.execute("INSERT INTO base VALUES (1)");
        }
        try (Connection a = ConnectorJ.V9.connect(server, "tempdb", false);
             Connection b = ConnectorJ.V9.connect(server, "tempdb", true);
             Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("CREATE TEMPORARY TABLE scratch (id INT PRIMARY KEY, who VARCHAR(5))");
            sa.execute("INSERT INTO scratch VALUES (1, 'a'), (2, 'a')");
            assertEquals(1146, errorOf(sb, "SELECT * FROM scratch"), "b must not see a's temporary table");

            sb.execute("CREATE TEMPORARY TABLE scratch (id INT PRIMARY KEY, who VARCHAR(5))");
            sb.execute("INSERT INTO scratch VALUES (7, 'b')");
            assertEquals(List.of("1 a", "2 a"), rows(sa, "SELECT id, who FROM scratch ORDER BY id"));
            assertEquals(List.of("7 b"), rows(sb, "SELECT id, who FROM scratch ORDER BY id"));

            // a temporary table shadows the base table of its name for its own connection only
            sa.execute("CREATE TEMPORARY TABLE base (id INT PRIMARY KEY)");
            assertEquals(List.of(), rows(sa, "SELECT id FROM base"));
            assertEquals(List.of("1"), rows(sb, "SELECT id FROM base"));

            assertEquals(List.of("base"), rows(sb, "SHOW TABLES"));
            assertEquals(List.of("base"), rows(sa, "SELECT table_name FROM dolt_status"));

            // resetting the connection drops its temporary tables, as a new connection would have none
            ((com.mysql.cj.jdbc.JdbcConnection) b).resetServerState();
            Statement sb2 = b.createStatement();
            sb2.execute("USE tempdb");
            assertEquals(1146, errorOf(sb2, "SELECT * FROM scratch"), "reset must drop b's temporary table");
        }
        try (Connection again = ConnectorJ.V9.connect(server, "tempdb", false); Statement s = again.createStatement()) {
            assertEquals(1146, errorOf(s, "SELECT * FROM scratch"), "a's temporary table must go with a");
            assertEquals(List.of("1"), rows(s, "SELECT id FROM base"));
            s.execute("CALL DOLT_COMMIT('-Am', 'base only')");
            assertEquals(List.of("base"), rows(s,
                    "SELECT table_name FROM dolt_diff WHERE commit_hash = HASHOF('HEAD')"));
        }
    }

    private static int errorOf(Statement s, String sql) {
        return assertThrows(SQLException.class, () -> s.executeQuery(sql).close()).getErrorCode();
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
