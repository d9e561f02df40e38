package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.SqlEngine;
import dev.scion.sql.catalog.DatabaseState;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
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

    /** The depth of sbtest1's row tree, read in a transaction of its own. */
    int rowTreeDepth() {
        db.exec("BEGIN");
        try {
            return rowTreeDepth(db.session().findDatabase("bench").orElseThrow());
        } finally {
            db.exec("COMMIT");
        }
    }

    /** The depth of sbtest1's row tree in the working root of {@code state}'s transaction. */
    static int rowTreeDepth(DatabaseState state) {
        TableValue table = state.repo().readTable(state.buffer(), state.workingRoot().tableHash("sbtest1"));
        return ProllyMap.load(state.buffer(), table.rows()).depth();
    }

    /** Bytes the calling thread has allocated so far (differences of two calls are what the tests count). */
    static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /**
     * Runs {@code perSession} autocommit statements {@code statement.apply(s)} in each of {@code sessions} sessions
     * (connection ids from {@code firstId}) at once, each session on a thread of its own, all on database bench.
     */
    void runConcurrently(int sessions, int firstId, int perSession, IntFunction<String> statement) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                String sql = statement.apply(s);
                Session session = db.engine().openSession(firstId + s, "root", "localhost", true);
                done.add(pool.submit(() -> {
                    db.engine().execute(session, "USE bench", false, r -> { });
                    for (int i = 0; i < perSession; i++) {
                        db.engine().execute(session, sql, false, r -> { });
                    }
                    session.close();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
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
        long rows = 0;
        for (int i = 0; i < 20; i++) {
            rows = db.rows(query).size();
        }
        long before = allocatedBytes();
        for (int i = 0; i < 20; i++) {
            db.rows(query);
        }
        return (allocatedBytes() - before) / (20 * rows);
    }
}
