package dev.scion.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LOAD DATA LOCAL INFILE end to end: Connector/J sends a file, the engine inserts its rows. */
class LoadDataLocalTest {

    @TempDir
    Path dir;

    @Test
    void loadsACsvFileWhenLocalInfileIsOn() throws Exception {
        StringBuilder csv = new StringBuilder("id,name,score\n");
        for (int i = 1; i <= 2000; i++) {
            csv.append(i).append(",\"name ").append(i).append("\",").append(i % 7 == 0 ? "\\N" : i * 1.5).append('\n');
        }
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, csv);
        try (ScionServer server = new ScionServer(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), 10))) {
            server.start();
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                    + "/?sslMode=DISABLED&allowLoadLocalInfile=true", "root", "");
                 Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE ld");
                st.execute("USE ld");
                st.execute("CREATE TABLE scores (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, score DOUBLE)");
                String load = "LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE scores FIELDS TERMINATED BY ',' "
                        + "OPTIONALLY ENCLOSED BY '\"' IGNORE 1 LINES (id, name, score)";

                SQLException off = assertThrows(SQLException.class, () -> st.execute(load));
                assertEquals(3948, off.getErrorCode());

                st.execute("SET GLOBAL local_infile = 1");
                assertEquals(2000, st.executeUpdate(load));
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(id), COUNT(score) FROM scores")) {
                    assertTrue(rs.next());
                    assertEquals(2000, rs.getLong(1));
                    assertEquals(2001000, rs.getLong(2));
                    assertEquals(2000 - 2000 / 7, rs.getLong(3));
                }
                try (ResultSet rs = st.executeQuery("SELECT name, score FROM scores WHERE id = 14")) {
                    assertTrue(rs.next());
                    assertEquals("name 14", rs.getString(1));
                    assertNull(rs.getObject(2));
                    assertFalse(rs.next());
                }
                // LOCAL implies IGNORE, as in MySQL: duplicate keys are skipped with warning 1062
                assertEquals(0, st.executeUpdate(load));
                java.sql.SQLWarning w = st.getWarnings();
                assertEquals(1062, w.getErrorCode());
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM scores")) {
                    assertTrue(rs.next());
                    assertEquals(2000, rs.getLong(1));
                }
            }
        }
    }
}
