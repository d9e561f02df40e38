package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.repo.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the chunk nursery saves (docs/performance.md, "Round 22 (chunk nursery)"): one-row autocommit updates
 * commit a few KB of new tree nodes each, almost all garbage by the next update; with the nursery, RocksDB receives
 * only what the working set still reaches when a drain runs. Counts, never times; figures printed as FIGURE lines.
 */
class NurseryCountsTest {
    private static final int ROWS = 4_000;
    private static final int UPDATES = 1_000;

    private static void figure(String name, Object value) {
        System.out.println("FIGURE " + name + " = " + value);
    }

    @Test
    void oneRowUpdatesPutIntoRocksDbOnlyWhatTheLastRootReaches(@TempDir Path dir) {
        try (EngineFixture db = new EngineFixture(dir, StoreOptions.defaults().withNursery(true))) {
            db.exec("CREATE DATABASE n");
            db.exec("USE n");
            db.exec("CREATE TABLE t (id INT PRIMARY KEY, k INT NOT NULL, c CHAR(120) NOT NULL, KEY k_1 (k))");
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= ROWS; i++) {
                sb.append(sb.length() == 0 ? "INSERT INTO t VALUES " : ",")
                        .append('(').append(i).append(',').append(i).append(",'row ").append(i).append("')");
                if (i % 1_000 == 0) {
                    db.exec(sb.toString());
                    sb.setLength(0);
                }
            }
            Repository repo = db.session().findDatabase("n").orElseThrow().repo();
            RocksChunkStore store = repo.store();
            assertTrue(store.hasNursery());
            store.drainNursery();
            long toRocks = store.chunkBytesToRocks();
            long committed = store.bytesCommitted();
            for (int i = 0; i < UPDATES; i++) {
                int id = 1 + (i * 37) % ROWS;
                db.exec("UPDATE t SET k = k + 1 WHERE id = " + id);
            }
            store.drainNursery();
            long written = store.chunkBytesToRocks() - toRocks;
            long updates = store.bytesCommitted() - committed;
            figure("bytes committed by 1,000 one-row updates", updates);
            figure("bytes of them written to RocksDB after a drain", written);
            figure("young chunks dropped", store.chunksDropped());
            figure("drains / drains that kept everything", store.drains() + " / " + store.drainsKeptAll());
            assertEquals(0, store.nurseryChunks());
            assertEquals(0, store.drainsKeptAll(), "every drain could judge reachability");
            // what the last root reaches anew: about one path per tree (rows, index, table map, root, working set
            // objects), some tens of KB, against megabytes committed
            assertTrue(updates > 5_000_000L, "the updates committed megabytes: " + updates);
            assertTrue(written < updates / 20, "written " + written + " of " + updates);
            assertEquals(List.of(String.valueOf(ROWS)), db.lines("SELECT count(*) FROM t"));
            assertEquals(List.of(String.valueOf((long) ROWS * (ROWS + 1) / 2 + UPDATES)),
                    db.lines("SELECT sum(k) FROM t"));
        }
        // reopened without a nursery: every chunk the working set reaches is in RocksDB
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("USE n");
            assertEquals(List.of(String.valueOf((long) ROWS * (ROWS + 1) / 2 + UPDATES)),
                    db.lines("SELECT sum(k) FROM t"));
            db.exec("CALL dolt_add('.')");
            db.exec("CALL dolt_commit('-m', 'after the drains')");
        }
    }
}
