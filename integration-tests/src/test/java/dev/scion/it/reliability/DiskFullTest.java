package dev.scion.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Disk-full suite (issue 11): the server's data directory lives on a small tmpfs that a filler file has almost
 * filled. Inserts go on until the disk is full: they must then fail with an error packet carrying a disk error
 * code (1021 ER_DISK_FULL or 3 ER_ERROR_ON_WRITE) while the server keeps serving reads; once the filler is
 * deleted the very next write succeeds, without a restart; every acknowledged row is there, also after a restart, and fsck is clean.
 */
class DiskFullTest {
    static final int ROW_BYTES = 16 * 1024;
    static final int ROWS_PER_INSERT = 8;
    static final int FILESYSTEM_MIB = 48;

    @Test
    void writesFailCleanlyWhenTheDiskIsFullAndResumeWhenSpaceIsFreed() throws Exception {
        Assumptions.assumeFalse(ItConfig.isExternal(), "places the data directory, so needs a managed server");
        long seed = ReliabilityForm.seed();
        Random random = new Random(seed);
        Path mount = ItConfig.targetDir().resolve("diskfull-" + ProcessHandle.current().pid());
        try (SmallFilesystem fs = SmallFilesystem.mount(mount, FILESYSTEM_MIB)) {
            ScionServerProcess server = ScionServerProcess.start("diskfull", fs.path().resolve("data"));
            try {
                try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
                    Sql.exec(c, "CREATE DATABASE full");
                    Sql.exec(c, "USE full");
                    Sql.exec(c, "CREATE TABLE t (id INT PRIMARY KEY, payload LONGTEXT)");
                    Sql.exec(c, "CALL dolt_commit('-Am', 'schema')");
                }
                fs.fillLeaving(4L << 20);
                Set<Integer> acknowledged = new HashSet<>();
                SQLException failure = null;
                int attempts = 0;
                int next = 0;
                try (Connection c = ConnectorJ.V9.connect(server, "full", false); Statement s = c.createStatement()) {
                    // the filesystem cannot hold this much: the loop must end with a failure
                    while (attempts < FILESYSTEM_MIB * 1024 * 1024 / ROW_BYTES) {
                        attempts++;
                        List<Integer> ids = new ArrayList<>();
                        StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
                        for (int i = 0; i < ROWS_PER_INSERT; i++) {
                            int id = next++;
                            ids.add(id);
                            sql.append(i == 0 ? "" : ", ").append('(').append(id).append(", '")
                                    .append(hex(random, ROW_BYTES)).append("')");
                        }
                        try {
                            s.executeUpdate(sql.toString());
                            acknowledged.addAll(ids);
                        } catch (SQLException e) {
                            failure = e;
                            break;
                        }
                    }
                    assertNotNull(failure, "the disk never filled after " + attempts + " inserts");
                    assertTrue(failure.getErrorCode() == 1021 || failure.getErrorCode() == 3,
                            "a full disk is reported as ER_DISK_FULL (1021) or ER_ERROR_ON_WRITE (3), got "
                                    + failure.getErrorCode() + " " + failure.getMessage());
                    // more writes fail the same way, and nothing dies: reads are served
                    SQLException again = null;
                    try {
                        s.executeUpdate("INSERT INTO t VALUES (" + (next++) + ", 'space is back')");
                    } catch (SQLException e) {
                        again = e;
                    }
                    if (again != null) {
                        assertEquals(failure.getErrorCode(), again.getErrorCode(), again.getMessage());
                    } else {
                        acknowledged.add(next - 1); // RocksDB had room left in its preallocated log
                    }
                    assertRows(c, acknowledged);
                }
                int failedAt = acknowledged.size();

                fs.free();
                int afterFree = 0;
                try (Connection c = ConnectorJ.V9.connect(server, "full", false); Statement s = c.createStatement()) {
                    // the very first write after the space came back goes through, without a restart
                    int first = next++;
                    s.executeUpdate("INSERT INTO t VALUES (" + first + ", 'space is back')");
                    acknowledged.add(first);
                    for (int i = 0; i < 20; i++) {
                        int id = next++;
                        s.executeUpdate("INSERT INTO t VALUES (" + id + ", '" + hex(random, ROW_BYTES) + "')");
                        acknowledged.add(id);
                        afterFree++;
                    }
                    s.execute("CALL dolt_commit('-Am', 'after the disk was full')");
                    assertRows(c, acknowledged);
                }
                server.stop();
                Fsck.Result fsck = Fsck.run(server.dataDir());
                assertTrue(fsck.clean(), "fsck after the disk was full:\n" + fsck.output());
                server.startAgain();
                try (Connection c = ConnectorJ.V9.connect(server, "full", false)) {
                    assertRows(c, acknowledged);
                }
                new Figures("disk-full").put("seed", seed).put("filesystem MiB", FILESYSTEM_MIB)
                        .put("rows acknowledged before the disk filled", failedAt)
                        .put("error", failure.getErrorCode() + " " + failure.getMessage().replace('\n', ' '))
                        .put("rows written after space was freed", afterFree).put("fsck", "clean")
                        .put("lost", 0).publish();
            } finally {
                if (server.isRunning()) {
                    server.kill();
                }
            }
        }
    }

    /** Every acknowledged row is there with its whole payload readable (its blob chunks are intact). */
    private static void assertRows(Connection c, Set<Integer> acknowledged) throws SQLException {
        Set<Integer> ids = new HashSet<>();
        for (List<String> r : Sql.rows(c, "SELECT id, payload FROM t")) {
            ids.add(Integer.parseInt(r.get(0)));
            String payload = r.get(1);
            assertTrue(payload != null && (payload.length() == ROW_BYTES || payload.equals("space is back")),
                    "row " + r.get(0) + " has its payload");
        }
        Set<Integer> lost = new HashSet<>(acknowledged);
        lost.removeAll(ids);
        assertEquals(Set.of(), lost, "acknowledged rows that are gone");
    }

    static String hex(Random random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }
}
