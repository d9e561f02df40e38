package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The performance regression check that runs in CI: counts, never times. Each figure is also printed as a
 * {@code FIGURE} line. Plans built per repeated sysbench statement must be 0 after the first; chunks read per point
 * SELECT must stay at the tree depth (plus the table and root objects); bytes allocated per scanned row stay bounded.
 */
class OperationCountsTest {
    private static final int ROWS = 5_000;

    @TempDir
    static Path dir;
    private static EngineFixture db;

    @BeforeAll
    static void load() {
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

    @AfterAll
    static void close() {
        db.close();
    }

    private static void figure(String name, Object value) {
        System.out.println("FIGURE " + name + " = " + value);
    }

    /** Runs the shape once to plan it, then 50 times with other literals; returns the plans built by those 50. */
    private static long plansBuiltWhenRepeated(IntFunction<String> statement) {
        db.exec(statement.apply(0));
        long before = db.session().planCache().plansBuilt();
        for (int i = 1; i <= 50; i++) {
            db.exec(statement.apply(i));
        }
        return db.session().planCache().plansBuilt() - before;
    }

    @Test
    void sysbenchStatementsArePlannedOnce() {
        List<IntFunction<String>> shapes = List.of(
                i -> "SELECT c FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND " + (i * 37 % 4000 + 100),
                i -> "SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND " + (i * 37 % 4000 + 100),
                i -> "SELECT c FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND " + (i * 37 % 4000 + 100)
                        + " ORDER BY c",
                i -> "SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND "
                        + (i * 37 % 4000 + 100) + " ORDER BY c",
                i -> "SELECT count(k) FROM sbtest1 WHERE k BETWEEN " + i + " AND " + (i + 5) + " OR k BETWEEN "
                        + (i + 100) + " AND " + (i + 105),
                i -> "UPDATE sbtest1 SET k=k+1 WHERE id=" + (i + 1),
                i -> "UPDATE sbtest1 SET c='" + String.format(Locale.ROOT, "%011d", i) + "-changed' WHERE id=" + (i + 1),
                i -> "DELETE FROM sbtest1 WHERE id=" + (ROWS - i));
        for (int s = 0; s < shapes.size(); s++) {
            long built = plansBuiltWhenRepeated(shapes.get(s));
            figure("plans built by 50 repeats of shape " + s, built);
            assertEquals(0, built, "shape " + s + ": " + shapes.get(s).apply(1));
        }
    }

    @Test
    void repeatedSelectsAreFoundByTheirTextWithoutParsing() {
        List<IntFunction<String>> shapes = List.of(
                i -> "SELECT c FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND " + (i * 37 % 4000 + 100),
                i -> "SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND " + (i * 37 % 4000 + 100),
                i -> "SELECT c FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND " + (i * 37 % 4000 + 100)
                        + " ORDER BY c",
                i -> "SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND "
                        + (i * 37 % 4000 + 100) + " ORDER BY c",
                i -> "SELECT count(k) FROM sbtest1 WHERE k BETWEEN " + i + " AND " + (i + 5) + " OR k BETWEEN "
                        + (i + 100) + " AND " + (i + 105),
                i -> "SELECT c FROM sbtest1 WHERE id = " + (i + 1) + " AND k >= 0",
                OperationCountsTest::sysbenchRandomRanges);
        var cache = db.session().planCache();
        for (int s = 0; s < shapes.size(); s++) {
            db.exec(shapes.get(s).apply(0));
            long before = cache.textHits();
            long built = cache.plansBuilt();
            for (int i = 1; i <= 50; i++) {
                db.exec(shapes.get(s).apply(i));
            }
            figure("statements found by text (not parsed) of 50 repeats of select shape " + s, cache.textHits() - before);
            assertEquals(50, cache.textHits() - before, "shape " + s + ": " + shapes.get(s).apply(1));
            assertEquals(built, cache.plansBuilt());
        }
    }

    /**
     * sysbench's select_random_ranges exactly as it sends it: ten ranges of width 5, the statement spread over lines
     * (its Lua source's layout), which the text level must find too.
     */
    private static String sysbenchRandomRanges(int i) {
        StringBuilder ranges = new StringBuilder();
        for (int r = 0; r < 10; r++) {
            int from = (i * 131 + r * 487) % ROWS;
            ranges.append(r == 0 ? "" : " OR ").append("k BETWEEN ").append(from).append(" AND ").append(from + 5);
        }
        return "\n        SELECT count(k)\n          FROM sbtest1\n          WHERE " + ranges;
    }

    @Test
    void sysbenchRandomRangesStreamTheIndexWithoutParsing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < 50; i++) {
            db.rows(sysbenchRandomRanges(i)); // plan and warm up
        }
        var cache = db.session().planCache();
        long hits = cache.textHits();
        long built = cache.plansBuilt();
        long entries = 0;
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 50; i < 150; i++) {
            entries += Long.parseLong(db.lines(sysbenchRandomRanges(i)).get(0));
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        figure("index entries counted per select_random_ranges query (10 ranges of width 5)", entries / 100);
        figure("bytes allocated per select_random_ranges query (engine side, found by text)", allocated / 100);
        figure("bytes allocated per index entry counted", allocated / entries);
        assertEquals(100, cache.textHits() - hits);
        assertEquals(built, cache.plansBuilt());
        // each k of 0..4999 is in one row, so every range holds 6 entries unless it runs past the end
        assertTrue(entries > 100 * 50, entries + " entries");
        // binding and building the plan, the ten ranges and a row per entry: 41 KB measured in session 9
        assertTrue(allocated / 100 < 64 * 1024, "allocated " + allocated / 100 + " bytes per query");
    }

    @Test
    void aStatementFoundByItsTextGivesTheParsedAnswer() {
        // k = (id - 1) * 7 % ROWS (see load): the sums are known without the engine
        for (int round = 0; round < 3; round++) {
            int from = 10 + round * 1000;
            int to = from + 99;
            long expected = 0;
            for (int id = from; id <= to; id++) {
                expected += (long) (id - 1) * 7 % ROWS;
            }
            long hits = db.session().planCache().textHits();
            assertEquals(List.of(Long.toString(expected)),
                    db.lines("SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN " + from + " AND " + to));
            if (round > 0) {
                assertEquals(hits + 1, db.session().planCache().textHits(), "round " + round + " was found by text");
            }
        }
        // a literal that is part of the plan (LIMIT) must match too: another LIMIT is planned, not reused
        assertEquals(3, db.rows("SELECT id FROM sbtest1 WHERE id > 100 ORDER BY id LIMIT 3").size());
        assertEquals(5, db.rows("SELECT id FROM sbtest1 WHERE id > 100 ORDER BY id LIMIT 5").size());
        assertEquals(List.of("102", "103"), db.lines("SELECT id FROM sbtest1 WHERE id > 101 ORDER BY id LIMIT 2"));
    }

    @Test
    void aPointSelectAllocatesABoundedAmount() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 1; i <= 200; i++) {
            db.rows("SELECT c FROM sbtest1 WHERE id = " + i); // warm up
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 1; i <= 1000; i++) {
            db.rows("SELECT c FROM sbtest1 WHERE id = " + i);
        }
        long perSelect = (threads.getThreadAllocatedBytes(thread) - before) / 1000;
        figure("bytes allocated per fast-path point select (engine side, autocommit)", perSelect);
        assertTrue(perSelect < 16 * 1024, "allocated " + perSelect + " bytes per point select");
    }

    @Test
    void aPointSelectReadsOnePathOfTheTree() {
        db.exec("BEGIN");
        try {
            var state = db.session().findDatabase("bench").orElseThrow();
            ChunkBuffer buffer = state.buffer();
            TableValue table = state.repo().readTable(buffer, state.workingRoot().tableHash("sbtest1"));
            int depth = ProllyMap.load(buffer, table.rows()).depth();
            db.rows("SELECT c FROM sbtest1 WHERE id = 1"); // warm the root and table objects
            db.rows("SELECT c FROM sbtest1 WHERE id = 1 AND k >= 0");
            long fast = reads(buffer, "SELECT c FROM sbtest1 WHERE id = 2500");
            long planned = reads(buffer, "SELECT c FROM sbtest1 WHERE id = 2501 AND k >= 0");
            figure("row tree depth", depth);
            figure("chunks read by a point select (fast path)", fast);
            figure("chunks read by a point select (cached plan)", planned);
            // one node per level, plus at most the root value and table value chunks
            assertTrue(fast <= depth + 2, "fast path read " + fast + " chunks, depth " + depth);
            assertTrue(planned <= depth + 2, "cached plan read " + planned + " chunks, depth " + depth);
        } finally {
            db.exec("COMMIT");
        }
    }

    /**
     * A transaction that has written reads its own new root from memory: without the decoded root kept by the
     * session, every later statement (sysbench's read_write runs fourteen reads after its first write) looked the
     * root up in the store and read its header and table map again.
     */
    @Test
    void aPointSelectAfterAWriteInTheSameTransactionReadsOnlyTheRowPath() {
        db.exec("BEGIN");
        try {
            var state = db.session().findDatabase("bench").orElseThrow();
            ChunkBuffer buffer = state.buffer();
            TableValue table = state.repo().readTable(buffer, state.workingRoot().tableHash("sbtest1"));
            int depth = ProllyMap.load(buffer, table.rows()).depth();
            db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = 2600");
            db.rows("SELECT c FROM sbtest1 WHERE id = 2601"); // the new table value is decoded once
            long afterWrite = reads(buffer, "SELECT c FROM sbtest1 WHERE id = 2602");
            figure("chunks read by a point select after a write in the same transaction", afterWrite);
            assertEquals(depth, afterWrite, "read " + afterWrite + " chunks, row tree depth " + depth);
        } finally {
            db.exec("COMMIT");
        }
    }

    /**
     * Every write asks which foreign keys reference its table. A row write changes no schema, so the new root's
     * answer is carried over from the old root's; before, each statement (and each transaction starting from the
     * root the last one committed) diffed the two table maps to find that out.
     */
    @Test
    void rowWritesCarryTheForeignKeyIndexToTheirNewRoot() {
        var repo = repo();
        db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = 3000"); // the index of the current root exists from here
        long before = repo.foreignKeyIndexesComputed();
        for (int i = 1; i <= 20; i++) {
            db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = " + (3000 + i));
        }
        db.exec("BEGIN");
        db.exec("UPDATE sbtest1 SET c = 'fk' WHERE id = 3100");
        db.exec("DELETE FROM sbtest1 WHERE id = 3101");
        db.exec("INSERT INTO sbtest1 (id, k, c, pad) VALUES (3101, 1, 'fk', 'pad')");
        db.exec("COMMIT");
        long computed = repo.foreignKeyIndexesComputed() - before;
        figure("foreign-key indexes computed by 20 autocommit UPDATEs and a 3-write transaction", computed);
        assertEquals(0, computed);
    }

    private static long reads(ChunkBuffer buffer, String sql) {
        long before = buffer.reads();
        assertEquals(1, db.rows(sql).size());
        return buffer.reads() - before;
    }

    private static dev.scion.versioning.repo.Repository repo() {
        return db.session().findDatabase("bench").orElseThrow().repo();
    }

    private static int rowTreeDepth() {
        db.exec("BEGIN");
        try {
            var state = db.session().findDatabase("bench").orElseThrow();
            TableValue table = state.repo().readTable(state.buffer(), state.workingRoot().tableHash("sbtest1"));
            return ProllyMap.load(state.buffer(), table.rows()).depth();
        } finally {
            db.exec("COMMIT");
        }
    }

    /** Chunks written, synced writes and bytes written by one autocommit statement. */
    private static long[] writes(String sql) {
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
    private static int tableChunkBytes(String database, String table) {
        var state = db.session().findDatabase(database).orElseThrow();
        var r = state.repo();
        var root = r.readRoot(r.chunks(), r.workingSet("main").working());
        return r.chunks().get(root.tableHash(table)).length;
    }

    @Test
    void aOneRowAutocommitUpdateWritesOnePathAndSyncsOnce() {
        int depth = rowTreeDepth();
        db.exec("UPDATE sbtest1 SET c = 'warm-up' WHERE id = 4000");
        // the new value keeps the row's length, so no node boundary moves: one node per level is rewritten
        long[] plain = writes("UPDATE sbtest1 SET c = '" + String.format(Locale.ROOT, "%011d", 77) + "-c' WHERE id = 4001");
        long[] indexed = writes("UPDATE sbtest1 SET k = k + 1 WHERE id = 4002");
        figure("chunks written by a one-row autocommit UPDATE of a non-indexed column (row tree depth " + depth + ")",
                plain[0]);
        figure("chunks written by a one-row autocommit UPDATE of an indexed column", indexed[0]);
        figure("synced writes per one-row autocommit UPDATE", plain[1]);
        figure("bytes written by a one-row autocommit UPDATE of a non-indexed column", plain[2]);
        figure("bytes written by a one-row autocommit UPDATE of an indexed column", indexed[2]);
        figure("RocksDB point reads by a one-row autocommit UPDATE, non-indexed / indexed column",
                plain[3] + " / " + indexed[3]);
        int tableBytes = tableChunkBytes("bench", "sbtest1");
        figure("bytes of the table value a row write re-encodes", tableBytes);
        var state = db.session().findDatabase("bench").orElseThrow();
        var root = state.repo().readRoot(state.repo().chunks(), state.repo().workingSet("main").working());
        figure("bytes of the same table value in format 1 (schema inline)", state.repo().readTable(
                state.repo().chunks(), root.tableHash("sbtest1")).encodeFormatOne().length);
        // the row tree's path (depth nodes), the table value, the root's header and its table map's one node
        // exactly: no unchanged chunk (the table's schema) is stored again
        assertEquals(depth + 3, plain[0], "wrote " + plain[0] + " chunks, depth " + depth);
        // plus the index tree's paths of the old and the new (k, id) entry (the index tree is no deeper)
        assertTrue(indexed[0] <= 3 * depth + 3, "wrote " + indexed[0] + " chunks, depth " + depth);
        // the table value names its schema chunk instead of holding the schema (4 columns, an index: 154 bytes
        // with the schema inline): what is left is the row and index tree roots, the counter and the index name
        assertTrue(tableBytes < 100, "the table value is " + tableBytes + " bytes");
        assertEquals(1, plain[1]);
        assertEquals(1, indexed[1]);
        // every chunk the write reads or checks is cached, and so is the branch's working-set ref that pinning
        // the snapshot, the row lock's current-read check, the commit queue and the compare-and-swap check read
        // (the store's ref cache): nothing reaches RocksDB (docs/performance.md, round 10)
        assertEquals(0, plain[3], plain[3] + " RocksDB point reads");
        assertEquals(0, indexed[3], indexed[3] + " RocksDB point reads");
    }

    /**
     * Round 13 (docs/performance.md): a COMMIT whose snapshot is stale is merged onto the branch's new root, which
     * builds the changed row's paths again; the paths its statements built on the old snapshot are then reached by
     * nothing, and the commit queue writes only what the new working set reaches. So a merged one-row UPDATE
     * writes what a lone one writes (row path, table, root header, table map), where it wrote its stale paths too.
     */
    @Test
    void aMergedCommitWritesOnlyWhatItsWorkingSetReaches() {
        int depth = rowTreeDepth();
        var queue = repo().commitQueue("main");
        var store = repo().store();
        var first = db.engine().openSession(200, "root", "localhost", true);
        var second = db.engine().openSession(201, "root", "localhost", true);
        try {
            for (var s : List.of(first, second)) {
                db.engine().execute(s, "USE bench", false, r -> { });
                db.engine().execute(s, "BEGIN", false, r -> { });
            }
            db.engine().execute(first, "UPDATE sbtest1 SET c = '" + String.format(Locale.ROOT, "%011d", 5)
                    + "-c' WHERE id = 3001", false, r -> { });
            db.engine().execute(second, "UPDATE sbtest1 SET c = '" + String.format(Locale.ROOT, "%011d", 6)
                    + "-c' WHERE id = 3002", false, r -> { });
            db.engine().execute(first, "COMMIT", false, r -> { });
            long chunks = store.chunksCommitted();
            long dropped = queue.chunksDropped();
            db.engine().execute(second, "COMMIT", false, r -> { });
            long written = store.chunksCommitted() - chunks;
            long notWritten = queue.chunksDropped() - dropped;
            figure("chunks written / not written by a one-row UPDATE merged at COMMIT (row tree depth " + depth + ")",
                    written + " / " + notWritten);
            assertEquals(depth + 3, written, "the merged row path, the table, the root header and its table map");
            assertEquals(depth + 3, notWritten, "the same chunks built on the stale snapshot");
        } finally {
            first.close();
            second.close();
        }
        assertEquals(List.of("00000000005-c", "00000000006-c"),
                db.lines("SELECT c FROM sbtest1 WHERE id IN (3001, 3002) ORDER BY id"));
    }

    /**
     * Round 13: the foreign-key check of a merged COMMIT looks at the tables the merge changed and their children,
     * not at every table of the database (it listed the table map and checked each table: 52 here).
     */
    @Test
    void aMergedCommitChecksTheForeignKeysOfWhatItChangedOnly() {
        db.exec("CREATE DATABASE merge_scale");
        try {
            db.exec("USE merge_scale");
            db.exec("CREATE TABLE p (id INT PRIMARY KEY)");
            db.exec("CREATE TABLE c (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES p (id))");
            for (int i = 0; i < 50; i++) {
                db.exec("CREATE TABLE t" + i + " (id INT PRIMARY KEY, v INT)");
            }
            db.exec("INSERT INTO p VALUES (1), (2)");
            db.exec("INSERT INTO t7 VALUES (1, 0), (2, 0)");
            long unrelated = tablesCheckedByMergedCommit("UPDATE t7 SET v = 1 WHERE id = 1",
                    "UPDATE t7 SET v = 2 WHERE id = 2");
            long parent = tablesCheckedByMergedCommit("INSERT INTO p VALUES (3)", "INSERT INTO p VALUES (4)");
            figure("tables whose foreign keys a merged one-row COMMIT checked, 52 tables: unrelated table / parent",
                    unrelated + " / " + parent);
            assertEquals(1, unrelated, "the changed table (no foreign keys, no children)");
            assertEquals(2, parent, "the changed parent and its child");
            assertEquals(List.of("1|1", "2|2"), db.lines("SELECT id, v FROM t7 ORDER BY id"));
            assertEquals(List.of("1", "2", "3", "4"), db.lines("SELECT id FROM p ORDER BY id"));
        } finally {
            db.exec("USE bench");
            db.exec("DROP DATABASE merge_scale");
        }
    }

    /** Two transactions from one snapshot: {@code first} commits, then {@code second}'s COMMIT is merged. */
    private static long tablesCheckedByMergedCommit(String first, String second) {
        var a = db.engine().openSession(210, "root", "localhost", true);
        var b = db.engine().openSession(211, "root", "localhost", true);
        try {
            for (var s : List.of(a, b)) {
                db.engine().execute(s, "USE merge_scale", false, r -> { });
                db.engine().execute(s, "BEGIN", false, r -> { });
            }
            db.engine().execute(a, first, false, r -> { });
            db.engine().execute(b, second, false, r -> { });
            db.engine().execute(a, "COMMIT", false, r -> { });
            long before = dev.scion.versioning.merge.RootMerger.tablesChecked();
            db.engine().execute(b, "COMMIT", false, r -> { });
            return dev.scion.versioning.merge.RootMerger.tablesChecked() - before;
        } finally {
            a.close();
            b.close();
        }
    }

    /**
     * Round 12 (docs/performance.md): a repeated one-row UPDATE resolves no table (the fast path remembers it for
     * the root the previous write left), builds no row or index codecs (they are kept per schema chunk), patches the row tree's bytes in place when the new row has the old row's length (no node
     * rebuilt, no key re-hashed), and allocates a bounded amount on the executing thread, commit included.
     */
    @Test
    void aRepeatedOneRowUpdateBuildsNoCodecsAndPatchesItsRowInPlace() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        IntFunction<String> plain = i -> "UPDATE sbtest1 SET c = '" + String.format(Locale.ROOT, "%011d", 500 + i)
                + "-c' WHERE id = " + (3000 + i);
        for (int i = 0; i < 200; i++) {
            db.exec(plain.apply(i)); // warm up
        }
        var targets = db.session().findDatabase("bench").orElseThrow().writeTargets();
        long resolved = targets.hits();
        long codecs = dev.scion.versioning.table.SchemaCodecs.built();
        long patched = ProllyMap.editsPatchedInPlace();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 500; i++) {
            db.exec(plain.apply(i + 200));
        }
        long perUpdate = (threads.getThreadAllocatedBytes(thread) - before) / 500;
        long built = dev.scion.versioning.table.SchemaCodecs.built() - codecs;
        long remembered = targets.hits() - resolved;
        long patches = ProllyMap.editsPatchedInPlace() - patched;
        long indexPatches = ProllyMap.editsPatchedInPlace();
        db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = 3100");
        indexPatches = ProllyMap.editsPatchedInPlace() - indexPatches;
        figure("row and index codecs built by 500 repeated one-row UPDATEs", built);
        figure("tree edits patched in place by 500 same-length one-row UPDATEs", patches);
        figure("bytes allocated per one-row autocommit UPDATE (engine side, commit included)", perUpdate);
        figure("of 500 repeated one-row UPDATEs, those that found their table resolved for their root", remembered);
        assertEquals(0, built, built + " codecs built");
        // each autocommit UPDATE starts from the root the one before wrote: no table-map, trigger or FK lookup
        assertEquals(500, remembered);
        // per UPDATE three same-length edits: the row, the unchanged entry of index k_1 (deleted and put back: a
        // no-op, nothing written) and the table's slot in the root's table map (a new table address)
        assertEquals(3 * 500, patches, "the edits of each UPDATE are same-length value replacements");
        // an indexed column's UPDATE patches its row and the table map, and rebuilds the index path (an entry moves)
        assertEquals(2, indexPatches);
        assertTrue(perUpdate < ALLOCATED_PER_UPDATE_BOUND, "allocated " + perUpdate + " bytes per UPDATE");
    }

    private static final long ALLOCATED_PER_UPDATE_BOUND = 32 * 1024;

    /**
     * Round 13 (docs/performance.md): a one-row autocommit write of a shape the fast path served is one the server
     * may run on its network thread while idle (no hand-off to a worker and back; server's WriteHandOffsTest counts
     * those), also inside a transaction that holds locks itself, but not while another session holds a row lock.
     */
    @Test
    void aRepeatedOneRowAutocommitWriteMayRunOnTheNetworkThread() {
        IntFunction<String> update = i -> "UPDATE sbtest1 SET c = '" + String.format(Locale.ROOT, "%011d", 700 + i)
                + "-c' WHERE id = " + (4000 + i);
        db.exec(update.apply(0));
        int brief = 0;
        for (int i = 1; i <= 500; i++) {
            String sql = update.apply(i);
            if (db.engine().runsBrieflyWhenIdle(db.session(), sql)) {
                brief++;
            }
            db.exec(sql);
        }
        figure("of 500 repeated one-row autocommit UPDATEs, those the engine lets the network thread run", brief);
        assertEquals(500, brief);
        db.exec("BEGIN");
        db.exec(update.apply(1));
        boolean inTransaction = db.engine().runsBrieflyWhenIdle(db.session(), update.apply(2));
        db.exec("COMMIT");
        assertTrue(inTransaction, "inside BEGIN ... COMMIT the only row locks held are the session's own");
        var other = db.engine().openSession(600, "root", "localhost", true);
        db.engine().execute(other, "USE bench", false, r -> { });
        db.engine().execute(other, "BEGIN", false, r -> { });
        db.engine().execute(other, "UPDATE sbtest1 SET k = k + 1 WHERE id = 4999", false, r -> { });
        boolean lockHeld = db.engine().runsBrieflyWhenIdle(db.session(), update.apply(3));
        db.engine().execute(other, "ROLLBACK", false, r -> { });
        assertEquals(false, lockHeld, "another session holds a row lock");
        assertTrue(db.engine().runsBrieflyWhenIdle(db.session(), update.apply(3)));
    }

    /**
     * A table value made in memory (CREATE TABLE, ALTER) did not know its schema chunk's address, and the
     * repository cached that very object: every later row write derived from it encoded, hashed and stored the
     * unchanged schema chunk again (5 chunks per one-row UPDATE of this two-row table instead of 4).
     */
    @Test
    void aRowWriteToANewlyCreatedTableDoesNotStoreItsSchemaAgain() {
        db.exec("CREATE TABLE fresh_schema (id INT PRIMARY KEY, c VARCHAR(20))");
        db.exec("INSERT INTO fresh_schema VALUES (1, 'a'), (2, 'b')");
        long[] first = writes("UPDATE fresh_schema SET c = 'x' WHERE id = 1");
        long[] second = writes("UPDATE fresh_schema SET c = 'y' WHERE id = 1");
        figure("chunks written by a one-row UPDATE of a newly created two-row table", first[0]);
        // the row tree's single leaf, the table value, the root's header and its table map's node
        assertEquals(4, first[0]);
        assertEquals(4, second[0]);
    }

    /**
     * sqllogictest's createtable1 creates 4,575 tables in one database; when the root listed every table inline,
     * each CREATE decoded and re-encoded all of them. Now a CREATE rewrites one path of the root's table map.
     */
    @Test
    void aCreateTableAmongAThousandTablesWritesOnePathOfTheCatalog() {
        db.exec("CREATE DATABASE catalog_scale");
        try {
            db.exec("USE catalog_scale");
            for (int i = 0; i < 1000; i++) {
                db.exec("CREATE TABLE a_table_with_a_fairly_long_name_" + i + " (a INT PRIMARY KEY, b INT)");
            }
            var store = db.session().findDatabase("catalog_scale").orElseThrow().repo().store();
            long chunks = store.chunksCommitted();
            long bytes = store.bytesCommitted();
            db.exec("CREATE TABLE one_more (a INT PRIMARY KEY, b INT)");
            long written = store.chunksCommitted() - chunks;
            long writtenBytes = store.bytesCommitted() - bytes;
            figure("chunks written by CREATE TABLE with 1,000 tables in the database", written);
            figure("bytes written by CREATE TABLE with 1,000 tables in the database", writtenBytes);
            var r = db.session().findDatabase("catalog_scale").orElseThrow().repo();
            var root = r.readRoot(r.chunks(), r.workingSet("main").working());
            figure("bytes the format 1 root (every table inline) of those 1,001 tables would take",
                    dev.scion.versioning.model.RootValue.encodeFormatOne(root.tables()).length);
            // the root's header, one path of its table map (depth 2 here), the table value, its schema and the
            // empty row tree; the inline root alone was ~46 KB at 1,000 such names. A prolly node is at most 16 KiB.
            assertTrue(written <= 7, "wrote " + written + " chunks");
            assertTrue(writtenBytes < 20 * 1024, "wrote " + writtenBytes + " bytes");
            assertEquals(List.of("1001"), db.lines("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE table_schema = 'catalog_scale'"));
            db.exec("INSERT INTO A_TABLE_WITH_A_FAIRLY_LONG_NAME_500 VALUES (1, 2)");
            assertEquals(List.of("2"), db.lines("SELECT b FROM a_table_with_a_fairly_long_name_500"));
        } finally {
            db.exec("USE bench");
            db.exec("DROP DATABASE catalog_scale");
        }
    }

    @Test
    void concurrentAutocommitWritersShareSyncs() throws Exception {
        int threads = 4;
        int perThread = 100;
        var store = repo().store();
        var queue = repo().commitQueue("main");
        List<Long> before = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            before.add(Long.parseLong(db.lines("SELECT k FROM sbtest1 WHERE id = " + (100 + t)).get(0)));
        }
        long syncs = store.walSyncs();
        long groups = store.writeGroupsCommitted();
        long commits = queue.commitsWritten();
        long chunks = store.chunksCommitted();
        long bytes = store.bytesCommitted();
        long dropped = queue.chunksDropped();
        long leaderRebases = queue.leaderRebases();
        long prepared = queue.preparedTaken();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = 100 + t;
                var session = db.engine().openSession(100 + t, "root", "localhost", true);
                done.add(pool.submit(() -> {
                    db.engine().execute(session, "USE bench", false, r -> { });
                    for (int i = 0; i < perThread; i++) {
                        db.engine().execute(session, "UPDATE sbtest1 SET k = k + 1 WHERE id = " + id, false, r -> { });
                    }
                    session.close();
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            assertEquals(before.get(t) + perThread,
                    Long.parseLong(db.lines("SELECT k FROM sbtest1 WHERE id = " + (100 + t)).get(0)), "no lost update");
        }
        long synced = store.walSyncs() - syncs;
        long written = store.writeGroupsCommitted() - groups;
        long committed = queue.commitsWritten() - commits;
        figure("log syncs per commit, " + threads + " concurrent autocommit writers on distinct rows",
                String.format(Locale.ROOT, "%.2f (%d syncs, %d group writes, %d commits)", (double) synced / committed,
                        synced, written, committed));
        long chunksWritten = store.chunksCommitted() - chunks;
        figure("chunks written / not written (unreachable) per commit, " + threads + " concurrent writers",
                String.format(Locale.ROOT, "%.2f / %.2f (%d bytes written per commit)",
                        (double) chunksWritten / committed, (double) (queue.chunksDropped() - dropped) / committed,
                        (store.bytesCommitted() - bytes) / committed));
        figure("rebases by the leader / prepared results taken, per commit", String.format(Locale.ROOT,
                "%.2f / %.2f", (double) (queue.leaderRebases() - leaderRebases) / committed,
                (double) (queue.preparedTaken() - prepared) / committed));
        // every statement committed (retries after a first-committer-wins conflict commit again), never more
        // than one sync each; how many share a sync depends on scheduling (WorkingSetCommitQueueTest arranges it)
        assertTrue(committed >= (long) threads * perThread, committed + " commits");
        assertTrue(synced <= committed, synced + " syncs for " + committed + " commits");
    }

    /**
     * Two autocommit writers of one row while the first one's log sync is held: the second gets the row lock,
     * runs and writes its commit before that sync ends (the lock goes once the first commit is in the log, as in
     * InnoDB), builds on the first one's value, and is acknowledged only after a sync of its own. Before, the
     * lock was held through the sync, so each writer of a hot row paid a whole sync in turn while holding it.
     */
    @Test
    void aRowLockIsReleasedBeforeItsCommitsSync() throws Exception {
        var store = repo().store();
        long k = Long.parseLong(db.lines("SELECT k FROM sbtest1 WHERE id = 150").get(0));
        java.util.concurrent.CountDownLatch inSync = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        store.beforeLogSync(() -> {
            if (first.getAndSet(false)) {
                inSync.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        long syncs = store.walSyncs();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = db.engine().openSession(400, "root", "localhost", true);
            var b = db.engine().openSession(401, "root", "localhost", true);
            db.engine().execute(a, "USE bench", false, r -> { });
            db.engine().execute(b, "USE bench", false, r -> { });
            var firstDone = pool.submit(() -> db.engine().execute(a, "UPDATE sbtest1 SET k = k + 1 WHERE id = 150",
                    false, r -> { }));
            inSync.await();
            var secondDone = pool.submit(() -> db.engine().execute(b, "UPDATE sbtest1 SET k = k + 1 WHERE id = 150",
                    false, r -> { }));
            // the second writer locks the row, runs and reaches its own sync while the first sync is still held
            while (store.waitingForSync() < 1) {
                if (secondDone.isDone()) {
                    secondDone.get();
                }
                Thread.onSpinWait();
            }
            assertTrue(!firstDone.isDone(), "the first writer is acknowledged only after its sync");
            release.countDown();
            firstDone.get();
            secondDone.get();
            a.close();
            b.close();
        } finally {
            release.countDown();
            store.beforeLogSync(() -> { });
            pool.shutdownNow();
        }
        figure("log syncs for two autocommit writers of one row, the second locking it during the first's sync",
                store.walSyncs() - syncs);
        assertEquals(k + 2, Long.parseLong(db.lines("SELECT k FROM sbtest1 WHERE id = 150").get(0)), "no lost update");
        assertEquals(2, store.walSyncs() - syncs);
    }

    /** Bytes the calling thread allocates per returned row over 20 runs of {@code query} (after 20 warm-up runs). */
    private static long bytesPerRow(String query) {
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

    @Test
    void aRangeScanDecodesOnlyTheProjectedColumns() {
        db.exec("CREATE TABLE wide (id INT PRIMARY KEY, c CHAR(10) NOT NULL, pad VARCHAR(1000) NOT NULL)");
        StringBuilder sb = new StringBuilder("INSERT INTO wide VALUES ");
        for (int i = 1; i <= 500; i++) {
            sb.append(i == 1 ? "" : ",").append('(').append(i).append(",'c").append(i).append("','")
                    .append(String.valueOf((char) ('a' + i % 26)).repeat(900)).append("')");
        }
        db.exec(sb.toString());
        long projected = bytesPerRow("SELECT c FROM wide WHERE id BETWEEN 1 AND 500");
        long withPad = bytesPerRow("SELECT c, LENGTH(pad) FROM wide WHERE id BETWEEN 1 AND 500");
        figure("bytes allocated per row by a 500-row primary-key range projecting a 10-char column of a row with a "
                + "900-char one", projected);
        figure("the same range also reading the 900-char column (LENGTH(pad))", withPad);
        // neither copied out of its leaf nor decoded, the 900-character pad costs the projected range nothing
        assertTrue(projected < 900, "allocated " + projected + " bytes per row projecting a 10-char column");
        // the range that reads pad decodes a 900-character string per row that the projected one must skip
        assertTrue(withPad - projected >= 800, projected + " bytes per row projecting c, " + withPad
                + " reading pad too: the unprojected column was decoded");
        long sysbench = bytesPerRow("SELECT c FROM sbtest1 WHERE id BETWEEN 101 AND 200");
        figure("bytes allocated per row by sysbench's simple range (SELECT c ... BETWEEN n AND n+99)", sysbench);
    }

    @Test
    void concurrentAutoIncrementInsertsNeverCollide() throws Exception {
        int threads = 4;
        int perThread = 50;
        var queue = repo().commitQueue("main");
        long rowsBefore = Long.parseLong(db.lines("SELECT COUNT(*) FROM sbtest1").get(0));
        long commits = queue.commitsWritten();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                var session = db.engine().openSession(300 + t, "root", "localhost", true);
                done.add(pool.submit(() -> {
                    db.engine().execute(session, "USE bench", false, r -> { });
                    for (int i = 0; i < perThread; i++) {
                        db.engine().execute(session, "INSERT INTO sbtest1 (k, c, pad) VALUES (1, 'c', 'p')", false,
                                r -> { });
                    }
                    session.close();
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long attempts = queue.commitsWritten() - commits;
        figure("commit attempts per autocommit INSERT with a generated id, " + threads + " concurrent sessions",
                String.format(Locale.ROOT, "%.2f", (double) attempts / (threads * perThread)));
        assertEquals(rowsBefore + threads * perThread,
                Long.parseLong(db.lines("SELECT COUNT(*) FROM sbtest1").get(0)));
        // the branch's sessions share the id counter, so no two inserts take the same id and none is retried
        assertEquals((long) threads * perThread, attempts);
        db.exec("DELETE FROM sbtest1 WHERE id > " + ROWS);
    }

    @Test
    void transactionStatementsWithNothingToWriteRunOnTheNetworkThread() {
        var session = db.session();
        db.rows("SELECT c FROM sbtest1 WHERE id = 6"); // the fast path has answered this shape before
        int handOffs = 0;
        for (String sql : List.of("BEGIN", "SELECT c FROM sbtest1 WHERE id = 7", "COMMIT")) {
            if (!db.engine().runsBriefly(session, sql)) {
                handOffs++;
            }
            db.rows(sql);
        }
        figure("thread hand-offs of a read-only BEGIN / point SELECT / COMMIT transaction", handOffs);
        assertEquals(0, handOffs);
        db.exec("BEGIN");
        db.exec("UPDATE sbtest1 SET k = k WHERE id = 8");
        db.exec("UPDATE sbtest1 SET c = 'x' WHERE id = 9");
        assertEquals(false, db.engine().runsBriefly(session, "COMMIT"), "a COMMIT with writes syncs");
        assertEquals(false, db.engine().runsBriefly(session, "BEGIN"), "BEGIN would commit the writes first");
        db.exec("ROLLBACK");
        assertEquals(true, db.engine().runsBriefly(session, "start  transaction;"));
        assertEquals(false, db.engine().runsBriefly(session, "COMMIT AND CHAIN"));
    }

    @Test
    void scanningAllocatesABoundedAmountPerRow() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        String scan = "SELECT SUM(k), MAX(c) FROM sbtest1 WHERE pad <> 'x'";
        db.rows(scan); // plan and warm up
        long rows = Long.parseLong(db.lines("SELECT COUNT(*) FROM sbtest1").get(0));
        long before = threads.getThreadAllocatedBytes(thread);
        db.rows(scan);
        long perRow = (threads.getThreadAllocatedBytes(thread) - before) / rows;
        figure("bytes allocated per row by a filtered aggregate scan", perRow);
        // a decoded row (4 values, two ~100-char strings) is about 500 bytes; 4 KB would mean a copy too many per row
        assertTrue(perRow < 4096, "allocated " + perRow + " bytes per row");
    }
}
