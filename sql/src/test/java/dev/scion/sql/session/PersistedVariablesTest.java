package dev.scion.sql.session;

import dev.scion.sql.EngineFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SET PERSIST, SET PERSIST_ONLY and {@code @@persist.x}: what a later engine over the same data directory sees. */
class PersistedVariablesTest {
    @TempDir
    Path dir;

    @Test
    void persistedValuesSurviveARestartAndPersistOnlyWaitsForIt() {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("SET @@persist.dolt_skip_replication_errors = on");
            db.exec("SET PERSIST max_connections = 300");
            db.exec("SET @@persist_only.dolt_read_replica_force_pull = 0");
            db.exec("SET PERSIST_ONLY wait_timeout = 99");
            assertEquals(List.of("1|300|1|28800"), db.lines("SELECT @@global.dolt_skip_replication_errors, "
                    + "@@global.max_connections, @@global.dolt_read_replica_force_pull, @@global.wait_timeout"));
        }
        try (EngineFixture db = new EngineFixture(dir)) {
            assertEquals(List.of("1|300|0|99"), db.lines("SELECT @@global.dolt_skip_replication_errors, "
                    + "@@global.max_connections, @@global.dolt_read_replica_force_pull, @@global.wait_timeout"));
            db.exec("SET @@persist.dolt_skip_replication_errors = off");
        }
        try (EngineFixture db = new EngineFixture(dir)) {
            assertEquals(List.of("0"), db.lines("SELECT @@global.dolt_skip_replication_errors"));
        }
    }
}
