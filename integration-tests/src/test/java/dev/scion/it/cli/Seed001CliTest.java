package dev.scion.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.JarCommand;
import dev.scion.it.harness.Programs;
import dev.scion.it.harness.Programs.Result;
import dev.scion.it.harness.ItConfig;

/**
 * Seed 001's {@code dolt sql} part with {@code scion sql}: it runs in any directory, finds the databases in that
 * directory and one level below, creates new ones as subdirectories, and DROP DATABASE can be undone with
 * dolt_undrop. Each step checks the directory layout on disk, as the seed's {@code ls} does.
 */
class Seed001CliTest {

    @Test
    void databasesLiveInTheCurrentDirectoryAndOneLevelBelow() throws Exception {
        Path base = ItConfig.targetDir().resolve("it-data").resolve("seed001-cli-" + ProcessHandle.current().pid());
        Path home = Files.createDirectories(base.resolve("home"));
        Path sql = Files.createDirectories(base.resolve("sql"));

        Result shell = scion(sql, home, """
                show databases;
                create database mydb;
                use mydb;
                create table test (a int primary key);
                insert into test values (1);
                select dolt_commit('-am', 'new table');
                create database foo;
                use foo;
                create table test2 (a int primary key);
                show tables;
                exit
                """, "sql");
        assertEquals(0, shell.exit(), shell.toString());
        assertEquals(List.of("Database", "information_schema"), cells(shell.out()).subList(0, 2), shell.toString());
        assertTrue(shell.out().contains("Database changed"), shell.toString());
        assertTrue(shell.out().contains("Query OK, 1 row affected"), shell.toString());
        assertTrue(shell.out().contains("test2"), shell.toString());
        assertTrue(shell.out().stripTrailing().endsWith("Bye"), shell.toString());
        assertEquals(List.of("foo", "mydb"), visibleDirectories(sql), "both databases are subdirectories");

        Result status = scion(sql.resolve("mydb"), home, null, "status");
        assertTrue(status.out().contains("On branch main"), status.toString());
        assertTrue(status.out().contains("nothing to commit, working tree clean"), status.toString());
        Result log = scion(sql.resolve("mydb"), home, null, "log");
        assertTrue(log.out().contains("new table") && log.out().contains("Initialize data repository"), log.toString());
        assertTrue(log.out().indexOf("new table") < log.out().indexOf("Initialize data repository"), log.toString());
        Result fooStatus = scion(sql.resolve("foo"), home, null, "status");
        assertTrue(fooStatus.out().contains("test2") && !fooStatus.out().contains("working tree clean"),
                fooStatus.toString());

        // inside foo: foo itself, and what gets created below it
        Path foo = sql.resolve("foo");
        assertEquals(List.of("foo", "information_schema"), databases(foo, home));
        assertEquals(0, scion(foo, home, null, "sql", "-q", "create database newDb").exit());
        assertEquals(List.of("newDb"), visibleDirectories(foo));
        assertEquals(List.of("foo", "information_schema", "newDb"), databases(foo, home));
        // one level only: newDb is two levels below sql
        assertEquals(List.of("foo", "information_schema", "mydb"), databases(sql, home));

        // a directory with no databases at all still works
        Path empty = Files.createDirectories(base.resolve("empty"));
        assertEquals(List.of("information_schema"), databases(empty, home));

        // dropping is reversible: the directory moves to the trash and back, with its history
        Result drop = scion(sql, home, null, "sql", "-q", "drop database foo");
        assertEquals(0, drop.exit(), drop.toString());
        assertEquals(List.of("mydb"), visibleDirectories(sql));
        Result undrop = scion(sql, home, null, "sql", "-q", "call dolt_undrop('foo')");
        assertEquals(0, undrop.exit(), undrop.toString());
        assertEquals(List.of("foo", "mydb"), visibleDirectories(sql));
        assertEquals(List.of("newDb"), visibleDirectories(foo), "foo came back with what it held");
        Result tables = scion(foo, home, null, "sql", "-q", "show tables");
        assertTrue(tables.out().contains("test2"), tables.toString());

        assertEquals(0, scion(sql, home, null, "sql", "-q", "drop database mydb").exit());
        Result purge = scion(sql, home, null, "sql", "-q", "call dolt_purge_dropped_databases()");
        assertEquals(0, purge.exit(), purge.toString());
        Result gone = scion(sql, home, null, "sql", "-q", "call dolt_undrop('mydb')");
        assertEquals(1, gone.exit(), gone.toString());
        assertTrue(gone.err().contains("error 1049"), gone.toString());
        assertEquals(List.of("foo"), visibleDirectories(sql));
    }

    private static List<String> databases(Path dir, Path home) throws Exception {
        Result r = scion(dir, home, null, "sql", "-q", "show databases");
        assertEquals(0, r.exit(), r.toString());
        List<String> c = cells(r.out());
        assertEquals("Database", c.get(0), r.toString());
        return c.subList(1, c.size());
    }

    /** The first cell of every table row in the output (header included). */
    private static List<String> cells(String out) {
        List<String> cells = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("|")) {
                cells.add(line.substring(1, line.indexOf('|', 1)).strip());
            }
        }
        return cells;
    }

    private static List<String> visibleDirectories(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
        }
    }

    private static Result scion(Path dir, Path home, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(JarCommand.of(List.of()));
        cmd.addAll(List.of(args));
        Path in = Files.createTempFile(home, "in", ".sql");
        Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
        Result r = new Programs(Map.of("SCION_HOME", home.toString()), home).result(dir, cmd, in);
        assertFalse(r.err().contains("Exception"), r.toString());
        return r;
    }
}
