package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.SqlEngine;
import dev.scion.sql.session.Session;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.Repository;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fixture of the performance regression check that runs in CI ({@code *CountsTest} in this package): counts,
 * never times, each figure also printed as a {@code FIGURE} line. A test class registers one as a static
 * extension; before its tests an engine opens a fresh data directory holding database {@code bench} with
 * sysbench's {@code sbtest1} of {@link #ROWS} rows, where {@code k = (id - 1) * 7 % ROWS}.
 */
final class SysbenchTable implements BeforeAllCallback, AfterAllCallback {
    static final int ROWS = 5_000;

    private Path dir;
    private EngineFixture db;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("scion-counts");
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE bench");
        db.exec("USE bench");
        db.exec("CREATE TABLE sbtest1 (id INT NOT NULL AUTO_INCREMENT, k INT NOT NULL DEFAULT 0, "
                + "c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '', PRIMARY KEY (id), KEY k_1 (k))");
        for (int base = 0; base < ROWS; base += 500) {
            StringBuilder sb = new StringBuilder("INSERT INTO sbtest1 (id, k, c, pad) VALUES ");
            for (int i = base; i < base + 500; i++) {
                sb.append(i == base ? "" : ",").append('(').append(i + 1).append(',').append(i * 7 % ROWS)
                        .append(",'").append(String.format(Locale.ROOT, "%011d", (long) i * 31)).append("-c','pad')");
            }
            db.exec(sb.toString());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void figure(String name, Object value) {
        System.out.println("FIGURE " + name + " = " + value);
    }

    void exec(String sql) {
        db.exec(sql);
    }

    List<Object[]> rows(String sql) {
        return db.rows(sql);
    }

    List<String> lines(String sql) {
        return db.lines(sql);
    }

    Session session() {
        return db.session();
    }

    SqlEngine engine() {
        return db.engine();
    }

    Repository repo() {
        return db.session().findDatabase("bench").orElseThrow().repo();
    }

    /** Chunks the one-row query {@code sql} reads through {@code buffer}. */
    long reads(ChunkBuffer buffer, String sql) {
        long before = buffer.reads();
        assertEquals(1, db.rows(sql).size());
        return buffer.reads() - before;
    }

    int rowTreeDepth() {
        db.exec("BEGIN");
        try {
            var state = db.session().findDatabase("bench").orElseThrow();
            TableValue table = state.repo().readTable(state.buffer(), state.workingRoot().tableHash("sbtest1"));
            return ProllyMap.load(state.buffer(), table.rows()).depth();
        } finally {
            db.exec("COMMIT");
        }
    }

    /** Chunks written, synced writes, bytes written and RocksDB point reads of one autocommit statement. */
    long[] writes(String sql) {
        var store = repo().store();
        long chunks = store.chunksCommitted();
        long syncs = store.walSyncs();
        long bytes = store.bytesCommitted();
        long reads = store.pointReads();
        db.exec(sql);
        return new long[] {store.chunksCommitted() - chunks, store.walSyncs() - syncs,
                store.bytesCommitted() - bytes, store.pointReads() - reads};
    }

    /** The size of the stored chunk of table {@code table} in the database's main working root. */
    int tableChunkBytes(String database, String table) {
        var state = db.session().findDatabase(database).orElseThrow();
        var r = state.repo();
        var root = r.readRoot(r.chunks(), r.workingSet("main").working());
        return r.chunks().get(root.tableHash(table)).length;
    }

    /** Bytes the calling thread allocates per returned row over 20 runs of {@code query} (after 20 warm-up runs). */
    long bytesPerRow(String query) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long rows = 0;
        for (int i = 0; i < 20; i++) {
            rows = db.rows(query).size();
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 20; i++) {
            db.rows(query);
        }
        return (threads.getThreadAllocatedBytes(thread) - before) / (20 * rows);
    }
}
