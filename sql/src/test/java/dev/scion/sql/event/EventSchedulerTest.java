package dev.scion.sql.event;

import dev.scion.sql.EngineFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler runs due events on a real engine. The test polls for the effects (no assertion on how soon they
 * happen beyond a generous bound a loaded machine still meets).
 */
class EventSchedulerTest {
    private static final long PATIENCE_MILLIS = 120_000;

    @TempDir
    Path dir;

    @Test
    void runsRecurringAndOneTimeEventsAndDropsFinishedOnes() throws Exception {
        try (EngineFixture f = new EngineFixture(dir)) {
            f.exec("CREATE DATABASE d");
            f.exec("USE d");
            f.exec("CREATE TABLE ticks (id INT PRIMARY KEY AUTO_INCREMENT, src VARCHAR(10))");
            f.exec("CREATE EVENT every_second ON SCHEDULE EVERY 1 SECOND DO INSERT INTO ticks (src) VALUES ('every')");
            f.exec("CREATE EVENT once ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 SECOND "
                    + "DO BEGIN INSERT INTO ticks (src) VALUES ('once'); SELECT 1; END");
            f.exec("CREATE EVENT kept ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 SECOND ON COMPLETION PRESERVE "
                    + "DO INSERT INTO ticks (src) VALUES ('kept')");
            f.exec("CREATE EVENT off ON SCHEDULE EVERY 1 SECOND DISABLE DO INSERT INTO ticks (src) VALUES ('off')");
            f.engine().startEventScheduler();

            await(() -> count(f, "every") >= 2);
            await(() -> f.lines("SELECT name FROM dolt_schemas WHERE type = 'event' AND name = 'once'").isEmpty());
            await(() -> f.lines("SHOW EVENTS WHERE Name = 'kept'").stream().anyMatch(l -> l.contains("DISABLED")));
            assertEquals(1, count(f, "once"), "a one-time event runs once");
            assertEquals(1, count(f, "kept"));
            assertEquals(0, count(f, "off"), "a disabled event never runs");

            // pausing the scheduler stops the runs; ALTER ... DISABLE too
            f.exec("ALTER EVENT every_second DISABLE");
            long before = count(f, "every");
            f.exec("ALTER EVENT off ENABLE");
            await(() -> count(f, "off") >= 1);
            assertEquals(before, count(f, "every"), "a disabled event does not run");
            assertTrue(f.engine().eventScheduler().executions() >= 4);
        }
    }

    private static long count(EngineFixture f, String src) {
        List<String> l = f.lines("SELECT COUNT(*) FROM ticks WHERE src = '" + src + "'");
        return Long.parseLong(l.get(0));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the scheduler did not get there");
            }
            Thread.sleep(100);
        }
    }
}
