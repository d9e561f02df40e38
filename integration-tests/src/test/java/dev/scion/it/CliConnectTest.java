package dev.scion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.scion.it.harness.CliOutput;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.ScionServerProcess;

/**
 * Issue 2, point 2: Debian's mariadb-client ({@code mariadb}, and {@code mysql}, the same client under its other name)
 * connects in batch mode and interactively. Interactively the client runs {@code select @@version_comment limit 1};
 * with a database it runs {@code show databases}, {@code show tables} and COM_FIELD_LIST for every table to fill its
 * completion list, and {@code use db} repeats that. Tab completion of a table and of a column name is the proof that
 * those answers reached the client: the completed statement only works if the names came back.
 */
class CliConnectTest {
    @ManagedServer("cli-connect") static ScionServerProcess server;
    static MysqlCli cli;

    @BeforeAll
    static void startServer() {
        server.dropDatabasesIfExternal("mydb");
        cli = new MysqlCli(server);
        cli.batch(null, "CREATE DATABASE mydb; USE mydb; "
                + "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40), qty INT); "
                + "INSERT INTO t VALUES (1,'a',10),(2,'b',20); "
                + "CREATE TABLE zebra_table (zebra_col INT PRIMARY KEY); "
                + "INSERT INTO zebra_table VALUES (7);").assertSuccess();
    }

    @Test
    void batchModeConnectsAndQueries() {
        MysqlCli.Result r = cli.batch(null, "select 1").assertSuccess();
        assertEquals(List.of(List.of("1"), List.of("1")), r.tabRows(), r.toString());
    }

    @Test
    void theClientUnderItsMysqlNameConnectsToo() {
        MysqlCli.Result r = cli.asMysql().batch(null, "select 1 + 1").assertSuccess();
        assertEquals(List.of(List.of("1 + 1"), List.of("2")), r.tabRows(), r.toString());
    }

    @Test
    void batchModeReadsStatementsFromStdin() {
        MysqlCli.Result r = cli.batchStdin("mydb", "select count(*) from t;\nselect name from t where id = 2;\n")
                .assertSuccess();
        assertEquals(List.of(List.of("count(*)"), List.of("2"), List.of("name"), List.of("b")), r.tabRows(),
                r.toString());
    }

    @Test
    void versionCommentQuery() {
        MysqlCli.Result r = cli.batch(null, "select @@version_comment limit 1", "-t").assertSuccess();
        List<CliOutput.Table> tables = r.tables();
        assertEquals(1, tables.size(), r.toString());
        assertEquals(List.of("@@version_comment"), tables.get(0).columns(), r.toString());
        assertEquals(1, tables.get(0).rows().size(), r.toString());
    }

    @Test
    void showDatabasesInBatchMode() {
        MysqlCli.Result r = cli.batch(null, "show databases", "-t").assertSuccess();
        CliOutput.Table t = r.tables().get(0);
        assertEquals(List.of("Database"), t.columns(), r.toString());
        assertTrue(t.column(0).contains("information_schema"), r.toString());
        assertTrue(t.column(0).contains("mydb"), r.toString());
    }

    @Test
    void showTablesInBatchMode() {
        MysqlCli.Result r = cli.batch("mydb", "show tables", "-t").assertSuccess();
        CliOutput.Table t = r.tables().get(0);
        assertEquals(List.of("t", "zebra_table"), t.column(0).stream().sorted().toList(), r.toString());
    }

    @Test
    void interactiveWithoutDatabase() {
        List<String> versionAndComment = cli.batch(null, "select version(), @@version_comment", "-N")
                .assertSuccess().tabRows().get(0);
        try (MysqlCli.Interactive s = cli.interactive(null)) {
            // the banner's "Server version:" line is the handshake version followed by @@version_comment, which
            // the client asked for with `select @@version_comment limit 1`
            String expected = "Server version: " + versionAndComment.get(0)
                    + (versionAndComment.get(1).isEmpty() ? "" : " " + versionAndComment.get(1));
            assertTrue(s.banner().contains(expected), "banner lacks '" + expected + "':\n" + s.banner());
            assertEquals("(none)", s.promptDatabase(), s.transcript());
            String answer = s.send("select 40 + 2;");
            List<CliOutput.Table> tables = CliOutput.tables(answer);
            assertEquals(1, tables.size(), s.transcript());
            assertEquals(List.of(List.of("42")), tables.get(0).rows(), s.transcript());
            assertTrue(answer.contains("1 row in set"), s.transcript());
            assertEquals(0, s.quit(), s.transcript());
            assertTrue(s.transcript().contains("Bye"), s.transcript());
        }
    }

    @Test
    void interactiveWithDatabaseReadsTableInformationForCompletion() {
        try (MysqlCli.Interactive s = cli.interactive("mydb")) {
            assertTrue(s.banner().contains("Reading table information for completion"), s.banner());
            assertEquals("mydb", s.promptDatabase(), s.transcript());

            // column name completed from the COM_FIELD_LIST answer for zebra_table
            String answer = s.send("select zebra_c\t from zebra_table;");
            List<CliOutput.Table> tables = CliOutput.tables(answer);
            assertEquals(1, tables.size(), "column completion did not work:\n" + s.transcript());
            assertEquals(List.of("zebra_col"), tables.get(0).columns(), s.transcript());
            assertEquals(List.of(List.of("7")), tables.get(0).rows(), s.transcript());

            // table name completed from the `show tables` answer
            answer = s.send("select count(*) from zebra_ta\t;");
            tables = CliOutput.tables(answer);
            assertEquals(1, tables.size(), "table completion did not work:\n" + s.transcript());
            assertEquals(List.of(List.of("1")), tables.get(0).rows(), s.transcript());

            answer = s.send("show tables;");
            assertEquals(List.of("t", "zebra_table"),
                    CliOutput.tables(answer).get(0).column(0).stream().sorted().toList(), s.transcript());

            answer = s.send("select * from t where id = 2;");
            CliOutput.Table t = CliOutput.tables(answer).get(0);
            assertEquals(List.of("id", "name", "qty"), t.columns(), s.transcript());
            assertEquals(List.of(List.of("2", "b", "20")), t.rows(), s.transcript());
            assertEquals(0, s.quit(), s.transcript());
        }
    }

    @Test
    void interactiveUseSwitchesDatabaseAndRereadsTables() {
        try (MysqlCli.Interactive s = cli.interactive(null)) {
            String answer = s.send("use mydb;");
            assertTrue(answer.contains("Database changed"), s.transcript());
            assertEquals("mydb", s.promptDatabase(), s.transcript());

            answer = s.send("select database();");
            assertEquals(List.of(List.of("mydb")), CliOutput.tables(answer).get(0).rows(), s.transcript());

            // `use` rebuilt the completion list: column names came from COM_FIELD_LIST again
            answer = s.send("select zebra_c\t from zebra_table;");
            List<CliOutput.Table> tables = CliOutput.tables(answer);
            assertEquals(1, tables.size(), "column completion after use did not work:\n" + s.transcript());
            assertEquals(List.of("zebra_col"), tables.get(0).columns(), s.transcript());

            answer = s.send("select name from t where id = 1;");
            assertEquals(List.of(List.of("a")), CliOutput.tables(answer).get(0).rows(), s.transcript());
            assertEquals(0, s.quit(), s.transcript());
        }
    }

    @Test
    void interactiveAsMysqlWithDatabase() {
        try (MysqlCli.Interactive s = cli.asMysql().interactive("mydb")) {
            assertEquals("mydb", s.promptDatabase(), s.transcript());
            String answer = s.send("select count(*) from t;");
            assertEquals(List.of(List.of("2")), CliOutput.tables(answer).get(0).rows(), s.transcript());
            assertEquals(0, s.quit(), s.transcript());
        }
    }
}
