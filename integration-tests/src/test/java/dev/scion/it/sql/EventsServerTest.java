package dev.scion.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * A running server runs its events: a recurring one repeatedly, a one-time one once (then it is gone), and none
 * while {@code @@global.event_scheduler} is OFF. Polls for the effects; the only bound is a generous patience.
 */
class EventsServerTest {
    private static final long PATIENCE_MILLIS = 120_000;
    @ManagedServer("events") static ScionServerProcess server;

    @BeforeAll
    static void start() {
        server.dropDatabasesIfExternal("evdb");
    }

    @Test
    void runsDueEventsThroughARealServer() throws Exception {
        try (Connection c = ConnectorJ.V9.connect(server, null, false)) {
            Sql.update(c, "CREATE DATABASE evdb");
            Sql.update(c, "USE evdb");
            Sql.update(c, "CREATE TABLE ticks (id INT PRIMARY KEY AUTO_INCREMENT, src VARCHAR(10))");
            Sql.update(c, "CREATE EVENT tick ON SCHEDULE EVERY 1 SECOND DO INSERT INTO ticks (src) VALUES ('every')");
            Sql.update(c, "CREATE EVENT once ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 SECOND "
                    + "DO INSERT INTO ticks (src) VALUES ('once')");
            await(c, "SELECT COUNT(*) >= 2 FROM ticks WHERE src = 'every'");
            await(c, "SELECT COUNT(*) = 0 FROM information_schema.EVENTS WHERE EVENT_NAME = 'once'");
            assertEquals("1", Sql.scalar(c, "SELECT COUNT(*) FROM ticks WHERE src = 'once'"));

            Sql.update(c, "SET GLOBAL event_scheduler = OFF");
            assertEquals("OFF", Sql.scalar(c, "SELECT @@global.event_scheduler"));
            Sql.update(c, "ALTER EVENT tick RENAME TO tock");
            assertEquals(List.of("tock"), Sql.column(c, "SELECT EVENT_NAME FROM information_schema.EVENTS "
                    + "WHERE EVENT_SCHEMA = 'evdb'"));
            Sql.update(c, "SET GLOBAL event_scheduler = ON");
            long before = Long.parseLong(Sql.scalar(c, "SELECT COUNT(*) FROM ticks"));
            await(c, "SELECT COUNT(*) > " + before + " FROM ticks");
            Sql.update(c, "DROP EVENT tock");
            assertTrue(Sql.column(c, "SHOW EVENTS FROM evdb").isEmpty());
        }
    }

    private static void await(Connection c, String condition) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!"1".equals(Sql.scalar(c, condition))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not reached: " + condition);
            }
            Thread.sleep(200);
        }
    }
}
