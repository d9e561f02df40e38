package dev.scion.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class DataDirectoryLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedUntilTheFirstLetsGo() {
        DataDirectoryLock first = DataDirectoryLock.acquire(dir);
        DataDirectoryLock.DataDirectoryInUseException e = assertThrows(
                DataDirectoryLock.DataDirectoryInUseException.class, () -> DataDirectoryLock.acquire(dir));
        assertTrue(e.getMessage().contains("is already served by another scion sql-server"), e.getMessage());
        first.close();
        DataDirectoryLock.acquire(dir).close();
    }
}
