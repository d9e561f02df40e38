package dev.scion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
        }
    }
}
