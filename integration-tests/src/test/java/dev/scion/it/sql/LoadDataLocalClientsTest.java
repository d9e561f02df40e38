package dev.scion.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.it.harness.CliOutput;
import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.ScionServerProcess;

/**
 * LOAD DATA LOCAL INFILE through real clients: the server asks for the file (0xFB + name), the client streams it.
 * The mysql CLI with and without {@code --local-infile}, Connector/J with and without allowLoadLocalInfile, and the
 * server's local_infile switched off (3948).
 */
class LoadDataLocalClientsTest {
    @ManagedServer(value = "load-data-local", managedOnly = "switches the server's global local_infile")
    static ScionServerProcess server;

    @TempDir
    Path dir;

    private Path pairs() throws IOException {
        Path file = dir.resolve("pairs.csv");
        Files.writeString(file, "1,x\n2,\"y, quoted\"\n3,\\N\n");
        return file;
    }

    private static void localInfile(MysqlCli cli, boolean on) {
        cli.batch(null, "SET GLOBAL local_infile = " + (on ? 1 : 0)).assertSuccess();
    }

    @Test
    void mysqlCliStreamsTheFileAndReportsMysqlsInfo() throws IOException {
        MysqlCli cli = new MysqlCli(server);
        cli.batch(null, "CREATE DATABASE ld_cli; CREATE TABLE ld_cli.k (id INT PRIMARY KEY, v VARCHAR(20))")
                .assertSuccess();
        localInfile(cli, true);
        String load = "LOAD DATA LOCAL INFILE '" + pairs() + "' %s INTO TABLE k FIELDS TERMINATED BY ',' "
                + "OPTIONALLY ENCLOSED BY '\"'";

        MysqlCli.Result first = cli.batch("ld_cli", String.format(load, ""), "-vv", "--local-infile=1")
                .assertSuccess();
        assertTrue(first.stdout().contains("Query OK, 3 rows affected"), first.toString());
        assertTrue(first.stdout().contains("Records: 3  Deleted: 0  Skipped: 0  Warnings: 0"), first.toString());

        // LOCAL implies IGNORE: the duplicates are skipped with warnings
        MysqlCli.Result again = cli.batch("ld_cli", String.format(load, ""), "-vv", "--local-infile=1")
                .assertSuccess();
        assertTrue(again.stdout().contains("Records: 3  Deleted: 0  Skipped: 3  Warnings: 3"), again.toString());

        MysqlCli.Result replace = cli.batch("ld_cli", String.format(load, "REPLACE"), "-vv", "--local-infile=1")
                .assertSuccess();
        assertTrue(replace.stdout().contains("Query OK, 6 rows affected"), replace.toString());
        assertTrue(replace.stdout().contains("Records: 3  Deleted: 3  Skipped: 0  Warnings: 0"), replace.toString());

        assertEquals(List.of(List.of("1", "x"), List.of("2", "y, quoted"), List.of("3", "NULL")),
                cli.batch("ld_cli", "SELECT id, v FROM k ORDER BY id", "-N").assertSuccess().tabRows());

        // a client that does not allow local files does not announce CLIENT_LOCAL_FILES: the server refuses
        MysqlCli.Result refused = cli.batch("ld_cli", String.format(load, ""), "--local-infile=0");
        assertError(refused, 3948);

        localInfile(cli, false);
        MysqlCli.Result off = cli.batch("ld_cli", String.format(load, ""), "--local-infile=1");
        assertError(off, 3948);
    }

    @Test
    void connectorJStreamsTheFile() throws Exception {
        localInfile(new MysqlCli(server), true);
        Path file = pairs();
        Properties allow = new Properties();
        allow.setProperty("allowLoadLocalInfile", "true");
        try (Connection c = ConnectorJ.V9.connect(server, null, false, allow); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ld_jdbc");
            st.execute("USE ld_jdbc");
            st.execute("CREATE TABLE k (id INT PRIMARY KEY, v VARCHAR(20), n INT)");
            String load = "LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE k FIELDS TERMINATED BY ',' "
                    + "OPTIONALLY ENCLOSED BY '\"' (id, @v) SET v = UPPER(@v), n = id * 10";
            assertEquals(3, st.executeUpdate(load));
            assertEquals(0, st.executeUpdate(load));
            SQLWarning w = st.getWarnings();
            assertNotNull(w);
            assertEquals(1062, w.getErrorCode());
            try (ResultSet rs = st.executeQuery("SELECT id, v, n FROM k ORDER BY id")) {
                StringBuilder rows = new StringBuilder();
                while (rs.next()) {
                    rows.append(rs.getInt(1)).append(':').append(rs.getString(2)).append(':').append(rs.getInt(3))
                            .append(' ');
                }
                assertEquals("1:X:10 2:Y, QUOTED:20 3:null:30 ", rows.toString());
            }
        }
        // MySQL refuses to prepare LOAD DATA (1295), so Connector/J's server-side prepared statement falls back to
        // its client-side emulation and the load runs as a plain query
        allow.setProperty("useServerPrepStmts", "true");
        try (Connection c = ConnectorJ.V9.connect(server, "ld_jdbc", false, allow);
             java.sql.PreparedStatement ps = c.prepareStatement("LOAD DATA LOCAL INFILE '" + file
                     + "' REPLACE INTO TABLE k FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' (id, v)")) {
            assertEquals(6, ps.executeUpdate());
        }
        // without allowLoadLocalInfile Connector/J does not announce CLIENT_LOCAL_FILES: the server refuses, and the
        // connection stays usable
        try (Connection c = ConnectorJ.V9.connect(server, "ld_jdbc", false); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.execute("LOAD DATA LOCAL INFILE '" + file
                    + "' INTO TABLE k FIELDS TERMINATED BY ','"));
            assertEquals(3948, e.getErrorCode(), e.getMessage());
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(n IS NULL), MAX(v) FROM k")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1));
                assertEquals(3, rs.getInt(2)); // REPLACE wrote whole new rows: n back to NULL
                assertEquals("y, quoted", rs.getString(3));
            }
        }
    }

    private static void assertError(MysqlCli.Result r, int code) {
        assertEquals(1, r.exitCode(), r.toString());
        Matcher m = CliOutput.error(r.stderr());
        assertNotNull(m, r.toString());
        assertEquals(String.valueOf(code), m.group(1), r.toString());
    }
}
