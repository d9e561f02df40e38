package dev.scion.sql.session;

import dev.scion.sql.EngineFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What SHOW PROCESSLIST reads of a session: the running statement, its passwords hidden, null when idle. */
class RunningStatementTest {
    @TempDir
    Path dir;

    @Test
    void aRunningStatementIsShownWithItsSecretsHidden() {
        try (EngineFixture db = new EngineFixture(dir)) {
            Session s = db.engine().openSession(7, "root", "localhost", true);
            assertNull(s.runningStatement());
            s.running("CREATE USER u IDENTIFIED BY 'Pw-secret'");
            String shown = s.runningStatement();
            assertFalse(shown.contains("Pw-secret"), shown);
            assertTrue(shown.startsWith("CREATE USER u IDENTIFIED BY "), shown);
            s.running("SELECT 1");
            assertEquals("SELECT 1", s.runningStatement());
            s.running(null);
            assertNull(s.runningStatement());
        }
    }
}
