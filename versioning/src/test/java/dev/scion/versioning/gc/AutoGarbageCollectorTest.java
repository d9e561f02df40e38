package dev.scion.versioning.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.gc.GcResult;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static dev.scion.versioning.testing.TestRepo.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutoGarbageCollectorTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;
    DataDirectory data;
    Repository repo;
    final AtomicReference<AutoGarbageCollector.Settings> settings =
            new AtomicReference<>(new AutoGarbageCollector.Settings(true, 2 * MIB));
    AutoGarbageCollector auto;

    @BeforeEach
    void setUp() {
        data = new DataDirectory(dir, StoreOptions.defaults());
        repo = data.create("db", ALICE);
        auto = new AutoGarbageCollector(data, settings::get); // not started: the test drives the checks
    }

    @AfterEach
    void tearDown() {
        auto.close();
        data.close();
    }

    @Test
    void collectsOnceTheStoreGrewPastTheThresholdAndKeepsWhatRefsReach() {
        assertEquals(0, auto.checkNow(), "the first look only records the size");
        Hash head = repo.branchHead("main").orElseThrow();
        writeGarbage(1 * MIB);
        assertEquals(0, auto.checkNow(), "1 MiB of growth is below the 2 MiB threshold");
        long grown = AutoGarbageCollector.diskBytes(repo.directory());
        writeGarbage(2 * MIB);
        assertEquals(1, auto.checkNow());
        assertEquals(1, auto.collections());
        long after = AutoGarbageCollector.diskBytes(repo.directory());
        assertTrue(after < grown, "the unreachable chunks left the disk: " + grown + " -> " + after);
        assertNotNull(repo.readCommit(head), "the branch's commit stays");
        assertEquals(0, auto.checkNow(), "the size after the collection is the new baseline");
    }

    @Test
    void disabledMeansNoCollectionUntilSwitchedOnAgain() {
        auto.checkNow();
        settings.set(new AutoGarbageCollector.Settings(false, 2 * MIB));
        writeGarbage(3 * MIB);
        assertEquals(0, auto.checkNow());
        settings.set(new AutoGarbageCollector.Settings(true, 2 * MIB));
        assertEquals(1, auto.checkNow(), "the growth while off still counts once switched on");
    }

    @Test
    void aDroppedDatabaseIsForgotten() {
        auto.checkNow();
        writeGarbage(3 * MIB);
        data.drop("db");
        assertEquals(0, auto.checkNow());
        assertEquals(List.of(), data.openRepositories());
    }

    @Test
    void chunksWrittenDuringACollectionCountAsGrowthForTheNext() {
        GcResult outrun = new GcResult(0, 0, 0, 0, 0, 0, 0, 0, 8 * MIB);
        assertEquals(2 * MIB, AutoGarbageCollector.baselineAfter(10 * MIB, outrun),
                "what writers left during the collection is measured as growth, so it is collected next");
        GcResult quiet = new GcResult(0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(10 * MIB, AutoGarbageCollector.baselineAfter(10 * MIB, quiet));
        assertEquals(0, AutoGarbageCollector.baselineAfter(MIB, outrun), "compressed on disk: never below zero");
    }

    @Test
    void tooSmallAThresholdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AutoGarbageCollector.Settings(true, 1000));
    }

    /** Random (incompressible) chunks no ref reaches, committed like a transaction's leftovers. */
    private void writeGarbage(long bytes) {
        Random random = new Random(bytes);
        Map<Hash, byte[]> chunks = new HashMap<>();
        for (long written = 0; written < bytes; written += 4096) {
            byte[] chunk = new byte[4096];
            random.nextBytes(chunk);
            chunks.put(Hash.of(chunk), chunk);
        }
        repo.store().commit(chunks, List.of());
        // the collector measures table files, which the chunks reach at the next memtable flush (until then
        // they are in the redo log, which is not counted)
        repo.store().flush();
    }
}
