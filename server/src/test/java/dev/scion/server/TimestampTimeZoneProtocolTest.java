package dev.scion.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TIMESTAMP columns follow the session's time_zone in both protocols: a value bound to a server-side prepared
 * statement is read in the zone like text is, and binary rows carry the local value (docs/query-engine.md).
 */
class TimestampTimeZoneProtocolTest {
    @TempDir
    Path dir;

    private static Connection connect(ScionServer server, boolean serverPrepared) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                + "/z?sslMode=DISABLED&connectTimeout=10000&socketTimeout=60000&useServerPrepStmts=" + serverPrepared,
                "root", "");
    }

    @Test
    void preparedAndTextStatementsConvertAlike() throws Exception {
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 4))) {
            server.start();
            try (Connection setup = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                    + "/?sslMode=DISABLED", "root", ""); Statement s = setup.createStatement()) {
                s.execute("CREATE DATABASE z");
                s.execute("CREATE TABLE z.t (id INT PRIMARY KEY, ts TIMESTAMP NULL, dt DATETIME, KEY (ts))");
            }
            for (boolean binary : new boolean[] {true, false}) {
                int id = binary ? 1 : 2;
                try (Connection c = connect(server, binary)) {
                    c.createStatement().execute("SET time_zone = '+05:00'");
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                        ins.setInt(1, id);
                        ins.setObject(2, LocalDateTime.of(2020, 1, 1, 10, 0));
                        ins.setObject(3, LocalDateTime.of(2020, 1, 1, 10, 0));
                        assertEquals(1, ins.executeUpdate());
                    }
                    try (PreparedStatement q = c.prepareStatement("SELECT id, ts, dt FROM t WHERE ts = ? AND id = ?")) {
                        q.setObject(1, LocalDateTime.of(2020, 1, 1, 10, 0));
                        q.setInt(2, id);
                        try (ResultSet rs = q.executeQuery()) {
                            assertTrue(rs.next(), "binary=" + binary);
                            assertEquals("2020-01-01 10:00:00", rs.getString(2), "binary=" + binary);
                            assertEquals("2020-01-01 10:00:00", rs.getString(3), "binary=" + binary);
                        }
                    }
                }
            }
            try (Connection c = connect(server, true); Statement s = c.createStatement()) {
                s.execute("SET time_zone = '+00:00'");
                try (PreparedStatement q = c.prepareStatement("SELECT ts, dt FROM t WHERE id = ?")) {
                    for (int id = 1; id <= 2; id++) {
                        q.setInt(1, id);
                        try (ResultSet rs = q.executeQuery()) {
                            assertTrue(rs.next());
                            assertEquals("2020-01-01 05:00:00", rs.getString(1), "stored in UTC, row " + id);
                            assertEquals("2020-01-01 10:00:00", rs.getString(2), "DATETIME unconverted, row " + id);
                        }
                    }
                }
            }
        }
    }
}
