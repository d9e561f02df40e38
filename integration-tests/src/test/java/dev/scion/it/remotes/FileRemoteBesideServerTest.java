package dev.scion.it.remotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionCli;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * A `file://` remote whose database a running server owns: clone and fetch read alongside the server and see
 * what it committed; a push is refused with a message pointing at the server's remotes API, and the server's
 * copy is untouched.
 */
class FileRemoteBesideServerTest {
    @ManagedServer(value = "beside", managedOnly = "reads a managed server's data directory")
    static ScionServerProcess server;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
            Sql.exec(c, "CREATE DATABASE owned");
            Sql.exec(c, "USE owned");
            Sql.exec(c, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
            Sql.exec(c, "INSERT INTO t VALUES (1, 'one'), (2, 'two')");
            Sql.exec(c, "CALL dolt_commit('-Am', 'two rows')");
        }
    }

    @Test
    void cloneAndFetchReadAlongsideTheServerButPushIsRefused() throws Exception {
        ScionCli cli = new ScionCli(work);
        String url = server.dataDir().resolve("owned").toUri().toString();
        assertEquals(0, cli.run(work, List.of("config", "--global", "user.name", "Pat"), 60).exit());
        assertEquals(0, cli.run(work, List.of("config", "--global", "user.email", "pat@example.com"), 60).exit());
        ScionCli.Result clone = cli.run(work, List.of("clone", url, "copy"), 120);
        assertEquals(0, clone.exit(), clone.toString());
        Path copy = work.resolve("copy");
        ScionCli.Result rows = cli.run(copy, List.of("sql", "-q", "SELECT v FROM t ORDER BY id"), 60);
        assertTrue(rows.out().contains("one") && rows.out().contains("two"), rows.toString());

        try (Connection c = ConnectorJ.V9.connect(server, "owned", false)) {
            Sql.exec(c, "INSERT INTO t VALUES (3, 'three')");
            Sql.exec(c, "CALL dolt_commit('-am', 'third row')");
        }
        ScionCli.Result fetch = cli.run(copy, List.of("pull"), 120);
        assertEquals(0, fetch.exit(), fetch.toString());
        rows = cli.run(copy, List.of("sql", "-q", "SELECT count(*) FROM t"), 60);
        assertTrue(rows.out().contains("3"), "the fetch saw the server's latest commit: " + rows);

        assertEquals(0, cli.run(copy, List.of("sql", "-q", "INSERT INTO t VALUES (4, 'four')"), 60).exit());
        assertEquals(0, cli.run(copy, List.of("commit", "-am", "fourth row"), 60).exit());
        ScionCli.Result push = cli.run(copy, List.of("push", "origin", "main"), 120);
        assertEquals(1, push.exit(), push.toString());
        assertTrue(push.err().contains("a running server owns that database"), push.toString());
        try (Connection c = ConnectorJ.V9.connect(server, "owned", false)) {
            assertEquals("3", Sql.scalar(c, "SELECT count(*) FROM t"), "the server's copy is untouched");
        }
    }
}
