package dev.scion.it.cli;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A sql-server holds the store lock a moment before it records its address ({@code .scion-sql-server.json}). A
 * CLI command that finds the store locked and no address waits for one and then goes through the server, rather
 * than failing; with no address at all it fails and says what it found.
 */
class LateServerAddressTest {
    private static final String ADDRESS = ".scion-sql-server.json";

    @Test
    void aCommandThatFindsTheStoreLockedWaitsForTheServerToRecordItself() throws Exception {
        assumeFalse(ItConfig.isExternal(), "needs a server started on a data directory of its own");
        Path base = ItConfig.targetDir().resolve("it-data").resolve("late-address-" + ProcessHandle.current().pid());
        Path data = Files.createDirectories(base.resolve("data"));
        Path db = Files.createDirectories(data.resolve("db"));
        Path home = Files.createDirectories(base.resolve("home"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SCION_HOME", home.toString());
        env.put("TZ", "UTC");
        ok(InProcessScion.run(List.of("config", "--global", "user.name", "IT"), db, env));
        ok(InProcessScion.run(List.of("config", "--global", "user.email", "it@example.com"), db, env));
        ok(InProcessScion.run(List.of("init"), db, env));
        ok(InProcessScion.run(List.of("sql", "-q", "create table t (id int primary key)"), db, env));
        ok(InProcessScion.run(List.of("commit", "-Am", "base"), db, env));
        try (ScionServerProcess server = ScionServerProcess.start("late-address", data);
             Connection c = ConnectorJ.V9.connect(server, "db", false)) {
            assertEquals("0", Sql.scalar(c, "select count(*) from t"), "the server has the store open");
            Path address = data.resolve(ADDRESS);
            Path aside = data.resolve(ADDRESS + ".aside");

            Files.move(address, aside);
            CompletableFuture<Void> restored = CompletableFuture.runAsync(() -> {
                try {
                    Files.move(aside, address, StandardCopyOption.ATOMIC_MOVE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
            CommandOutput status = InProcessScion.run(List.of("status"), db, env);
            restored.get();
            assertEquals(0, status.exitCode(), status.toString());
            assertTrue(status.out().startsWith("On branch main"), status.toString());

            Files.move(address, aside);
            restored = CompletableFuture.runAsync(() -> {
                try {
                    Files.move(aside, address, StandardCopyOption.ATOMIC_MOVE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
            CommandOutput insert = InProcessScion.run(List.of("sql", "-q", "insert into t values (1)"), db, env);
            restored.get();
            assertEquals(0, insert.exitCode(), insert.toString());
            assertEquals("1", Sql.scalar(c, "select count(*) from t"), "the insert went through the server");

            Files.move(address, aside);
            try {
                CommandOutput refused = InProcessScion.run(List.of("add", "t"), db, env);
                assertEquals(1, refused.exitCode(), refused.toString());
                assertTrue(refused.err().contains("is in use by another process")
                        && refused.err().contains("no running sql-server recorded itself in " + db), refused.err());
            } finally {
                Files.move(aside, address);
            }
        }
    }

    private static void ok(CommandOutput r) {
        assertEquals(0, r.exitCode(), r.toString());
    }
}
