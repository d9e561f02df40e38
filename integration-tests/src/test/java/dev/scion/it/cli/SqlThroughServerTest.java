package dev.scion.it.cli;

import dev.scion.it.harness.JarCommand;
import dev.scion.it.harness.Programs;
import dev.scion.it.harness.Programs.Result;
import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * While a sql-server holds a database's store lock, {@code scion sql} sends its statements through that server;
 * the version-control commands run inside it.
 */
class SqlThroughServerTest {

    private static Result scion(Path dir, Path home, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(JarCommand.of(List.of()));
        cmd.addAll(List.of(args));
        return new Programs(Map.of("SCION_HOME", home.toString()), home).result(dir, cmd, null);
    }

    @Test
    void sqlGoesThroughTheServerThatHoldsTheLock() throws Exception {
        assumeFalse(ItConfig.isExternal(), "needs a server started on a data directory of its own");
        Path data = ItConfig.targetDir().resolve("it-data").resolve("sql-through-server-" + ProcessHandle.current().pid());
        Path home = Files.createDirectories(data.resolveSibling(data.getFileName() + "-home"));
        Path db = Files.createDirectories(data.resolve("mydb"));
        assertEquals(0, scion(db, home, "config", "--global", "user.name", "IT").exit());
        assertEquals(0, scion(db, home, "config", "--global", "user.email", "it@example.com").exit());
        assertEquals(0, scion(db, home, "init").exit());
        assertEquals(0, scion(db, home, "sql", "-q", "create table t (id int primary key, v varchar(10)); "
                + "insert into t values (1, 'one')").exit());
        try (ScionServerProcess server = ScionServerProcess.start("sql-through-server", data);
             Connection c = ConnectorJ.V9.connect(server, "mydb", false)) {
            // the server opens (and locks) the database on first use
            assertEquals("1", Sql.scalar(c, "select count(*) from t"));
            Result r = scion(db, home, "sql", "-q", "insert into t values (2, 'two'); select * from t order by id");
            assertEquals(0, r.exit(), r.err());
            assertEquals("""
                    Query OK, 1 row affected
                    +----+-----+
                    | id | v   |
                    +----+-----+
                    | 1  | one |
                    | 2  | two |
                    +----+-----+
                    """, r.out());
            assertEquals("2", Sql.scalar(c, "select count(*) from t"), "the write went through the server");
            Result badSql = scion(db, home, "sql", "-q", "select nosuch from t");
            assertEquals(1, badSql.exit());
            assertEquals("error 1054 (42S22): Unknown column 'nosuch' in 'field list'\n", badSql.err());
            // the version-control commands run inside the server too, and a SQL client sees what they did
            Result status = scion(db, home, "status");
            assertEquals(0, status.exit(), status.err());
            assertTrue(status.out().startsWith("On branch main\n"), status.out());
            Result commit = scion(db, home, "commit", "-Am", "two rows");
            assertEquals(0, commit.exit(), commit.err());
            assertTrue(commit.out().startsWith("[main "), commit.out());
            assertEquals("two rows", Sql.scalar(c, "select message from dolt_log limit 1"));
            Result branch = scion(db, home, "checkout", "-b", "feature");
            assertEquals(0, branch.exit(), branch.err());
            assertEquals("Switched to a new branch 'feature'\n", branch.err());
            try (Connection fresh = ConnectorJ.V9.connect(server, "mydb", false)) {
                assertEquals("feature", Sql.scalar(fresh, "select active_branch()"),
                        "the CLI's checkout is where new sessions start, as in direct mode");
            }
            Result bad = scion(db, home, "checkout", "nosuch");
            assertEquals(1, bad.exit());
            assertEquals("error: pathspec 'nosuch' did not match any branch or table\n", bad.err());
            assertEquals("", bad.out());
            assertEquals("feature", scion(db, home, "branch", "--show-current").out().strip(),
                    "a refused checkout changes nothing");
            assertEquals(0, scion(db, home, "checkout", "main").exit());
        }
        Result after = scion(db, home, "sql", "-q", "select count(*) as n from t");
        assertEquals(0, after.exit(), after.err());
        assertTrue(after.out().contains("| 2 |"), "in process again once the server stopped: " + after.out());
    }
}
