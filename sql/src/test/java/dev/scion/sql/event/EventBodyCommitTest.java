package dev.scion.sql.event;

import dev.scion.sql.EngineFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Under autocommit each statement of an event body commits on its own, as a procedure body's does (MySQL): a
 * statement that fails rolls back alone and ends the run, leaving what the statements before it wrote committed.
 * The scheduler's thread is not started; the test runs its tick at a time past the events' schedule.
 */
class EventBodyCommitTest {
    @TempDir
    Path dir;

    @Test
    void statementsBeforeAFailingOneStayCommitted() {
        try (EngineFixture f = new EngineFixture(dir)) {
            f.exec("CREATE DATABASE d");
            f.exec("USE d");
            f.exec("CREATE TABLE log (id INT PRIMARY KEY, src VARCHAR(10))");
            f.exec("CREATE EVENT failing ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 HOUR DO BEGIN "
                    + "INSERT INTO log VALUES (1, 'first'); INSERT INTO log VALUES (1, 'again'); "
                    + "INSERT INTO log VALUES (2, 'after'); END");
            f.exec("CREATE EVENT explicit ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 HOUR DO BEGIN "
                    + "START TRANSACTION; INSERT INTO log VALUES (10, 'open'); INSERT INTO log VALUES (10, 'dup'); "
                    + "COMMIT; END");
            f.exec("CREATE EVENT versioned ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 HOUR DO BEGIN "
                    + "SET @@dolt_transaction_commit = 1; INSERT INTO log VALUES (20, 'v1'); "
                    + "INSERT INTO log VALUES (21, 'v2'); END");
            long commitsBefore = Long.parseLong(f.lines("SELECT COUNT(*) FROM dolt_log").get(0));

            new EventScheduler(f.engine()).tick(EventClock.now().plusHours(2));

            assertEquals(List.of("1|first", "20|v1", "21|v2"), f.lines("SELECT id, src FROM log ORDER BY id"),
                    "the failing body kept its first row and stopped; the explicit transaction was rolled back");
            assertEquals(commitsBefore + 2, Long.parseLong(f.lines("SELECT COUNT(*) FROM dolt_log").get(0)),
                    "@@dolt_transaction_commit makes a version commit per statement of the body");
        }
    }
}
