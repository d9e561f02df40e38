package dev.scion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.CliOutput;
import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Seed 001 ("Creating multiple databases"): the session transcript typed into the interactive mysql client on a
 * fresh server, line by line, checking what the client prints after each.
 */
class Seed001TranscriptTest {

    @Test
    void transcriptInTheInteractiveClient() {
        try (ScionServerProcess server = ScionServerProcess.start("seed001")) {
            server.dropDatabasesIfExternal("mydb", "foo");
            MysqlCli mysql = new MysqlCli(server).asMysql();
            String commit;
            try (MysqlCli.Interactive s = mysql.interactive(null)) {
                String a = s.send("show databases;");
                List<String> dbs = CliOutput.tables(a).get(0).column("Database");
                if (server.isExternal()) {
                    assertTrue(dbs.contains("information_schema"), s.transcript());
                } else {
                    assertEquals(List.of("information_schema"), dbs, "a fresh server shows only information_schema\n"
                            + s.transcript());
                }

                a = s.send("create database mydb;");
                assertTrue(a.contains("Query OK, 1 row affected"), s.transcript());

                a = s.send("use mydb;");
                assertTrue(a.contains("Database changed"), s.transcript());
                assertEquals("mydb", s.promptDatabase(), s.transcript());

                a = s.send("create table test (a int primary key);");
                assertTrue(a.contains("Query OK, 0 rows affected"), s.transcript());

                a = s.send("insert into test values (1);");
                assertTrue(a.contains("Query OK, 1 row affected"), s.transcript());

                a = s.send("select dolt_commit('-am', 'new table');");
                CliOutput.Table t = CliOutput.tables(a).get(0);
                assertEquals(List.of("dolt_commit('-am', 'new table')"), t.columns(), s.transcript());
                assertEquals(1, t.rows().size(), s.transcript());
                commit = t.rows().get(0).get(0);
                assertTrue(commit.matches(Sql.HASH_REGEX), "commit hash: " + commit + "\n" + s.transcript());

                a = s.send("create database foo;");
                assertTrue(a.contains("Query OK, 1 row affected"), s.transcript());

                a = s.send("use foo;");
                assertTrue(a.contains("Database changed"), s.transcript());
                assertEquals("foo", s.promptDatabase(), s.transcript());

                a = s.send("create table test2 (a int primary key);");
                assertTrue(a.contains("Query OK, 0 rows affected"), s.transcript());

                a = s.send("show tables;");
                CliOutput.Table tables = CliOutput.tables(a).get(0);
                assertEquals(List.of("Tables_in_foo"), tables.columns(), s.transcript());
                assertEquals(List.of(List.of("test2")), tables.rows(), s.transcript());

                assertEquals(0, s.sendAndExit("exit"), s.transcript());
                assertTrue(s.transcript().contains("Bye"), s.transcript());
            }

            // what the transcript's `dolt log` in mydb shows
            MysqlCli.Result log = mysql.batch("mydb", "select commit_hash, message from dolt_log", "-t").assertSuccess();
            assertEquals(List.of(List.of(commit, "new table"), List.of(log.tables().get(0).rows().get(1).get(0),
                    CommitLogTest.INIT_MESSAGE)), log.tables().get(0).rows(), log.toString());
            assertTrue(log.tables().get(0).rows().get(1).get(0).matches(Sql.HASH_REGEX), log.toString());
            MysqlCli.Result dbs = mysql.batch(null, "show databases", "-N").assertSuccess();
            assertTrue(dbs.stdout().lines().toList().containsAll(List.of("foo", "information_schema", "mydb")),
                    dbs.toString());
            if (!server.isExternal()) {
                // the seed's `ls`: each database is a subdirectory of the data directory
                assertEquals(List.of("foo", "mydb"), visibleDirectories(server.dataDir()));
                assertTrue(Files.isDirectory(server.dataDir().resolve("mydb").resolve(".scion")));
            }

            // dropping is reversible: dolt_undrop brings mydb back with its whole history
            mysql.batch(null, "drop database mydb").assertSuccess();
            MysqlCli.Result afterDrop = mysql.batch(null, "show databases", "-N").assertSuccess();
            assertFalse(afterDrop.stdout().lines().toList().contains("mydb"), afterDrop.toString());
            if (!server.isExternal()) {
                assertEquals(List.of("foo"), visibleDirectories(server.dataDir()));
            }
            mysql.batch(null, "call dolt_undrop('mydb')").assertSuccess();
            MysqlCli.Result logAgain = mysql.batch("mydb", "select commit_hash, message from dolt_log", "-t")
                    .assertSuccess();
            assertEquals(log.tables().get(0).rows(), logAgain.tables().get(0).rows(), logAgain.toString());
            MysqlCli.Result rows = mysql.batch("mydb", "select a from test", "-N").assertSuccess();
            assertEquals(List.of("1"), rows.stdout().lines().toList(), rows.toString());
            if (!server.isExternal()) {
                assertEquals(List.of("foo", "mydb"), visibleDirectories(server.dataDir()));
            }

            // purge deletes dropped databases for good
            mysql.batch(null, "drop database foo; call dolt_purge_dropped_databases()").assertSuccess();
            MysqlCli.Result gone = mysql.batch(null, "call dolt_undrop('foo')");
            assertTrue(gone.exitCode() != 0 && gone.stderr().contains("1049"), gone.toString());
            if (!server.isExternal()) {
                assertEquals(List.of("mydb"), visibleDirectories(server.dataDir()));
            }
        }
    }

    private static List<String> visibleDirectories(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
