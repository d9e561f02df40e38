package dev.scion.it.cli;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionCli;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A database that appears under a running server's data directory without going through it (made elsewhere and
 * copied in, as a backup restore would) is served without a restart: SHOW DATABASES lists it, USE and a
 * connection naming it work; a name that is still no database gets 1049.
 */
class ServedDataDirectoryTest {

    @Test
    void aDatabaseCopiedInIsServedWithoutARestart() throws Exception {
        assumeFalse(ItConfig.isExternal(), "needs a server started on a data directory of its own");
        Path base = ItConfig.targetDir().resolve("it-data").resolve("served-dd-" + ProcessHandle.current().pid());
        Path data = Files.createDirectories(base.resolve("data"));
        Path outside = Files.createDirectories(base.resolve("outside").resolve("later"));
        ScionCli scion = new ScionCli(Files.createDirectories(base.resolve("scratch")));
        ok(scion.run(outside, List.of("config", "--global", "user.name", "IT"), 60));
        ok(scion.run(outside, List.of("config", "--global", "user.email", "it@example.com"), 60));
        ok(scion.run(outside, List.of("init"), 60));
        ok(scion.run(outside, List.of("sql", "-q", "create table t (id int primary key); insert into t values (7)"),
                60));
        ok(scion.run(outside, List.of("commit", "-Am", "seven"), 60));
        try (ScionServerProcess server = ScionServerProcess.start("served-dd", data);
             Connection c = ConnectorJ.V9.connect(server, null, false)) {
            assertFalse(Sql.column(c, "show databases").contains("later"));
            SQLException unknown = assertThrows(SQLException.class, () -> Sql.exec(c, "use later"));
            assertEquals(1049, unknown.getErrorCode());

            copyTree(outside, data.resolve("later"));

            assertTrue(Sql.column(c, "show databases").contains("later"), "listed without a restart");
            Sql.exec(c, "use later");
            assertEquals("7", Sql.scalar(c, "select id from t"));
            try (Connection direct = ConnectorJ.V9.connect(server, "later", false)) {
                assertEquals("seven", Sql.scalar(direct, "select message from dolt_log limit 1"));
            }
            SQLException still = assertThrows(SQLException.class, () -> Sql.exec(c, "use nosuch"));
            assertEquals(1049, still.getErrorCode(), "a name that is no database still gets 1049");
        }
    }

    private static void ok(ScionCli.Result r) {
        assertEquals(0, r.exit(), r.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
