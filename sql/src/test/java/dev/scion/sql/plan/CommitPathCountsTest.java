package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.repo.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts of the commit path (docs/performance.md, "Round 14 (commit path)"): what a COMMIT hands to the store. Counts,
 * never times; each figure is also printed as a {@code FIGURE} line.
 */
class CommitPathCountsTest {
    private static final int ROWS = 4_000;

    private static EngineFixture db;

    @BeforeAll
    static void load(@TempDir Path dir) {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE commits");
        db.exec("USE commits");
        db.exec("CREATE TABLE t (id INT PRIMARY KEY, k INT NOT NULL, c CHAR(120) NOT NULL, KEY k_1 (k))");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= ROWS; i++) {
            sb.append(sb.length() == 0 ? "INSERT INTO t VALUES " : ",")
                    .append('(').append(i).append(',').append(i * 13 % ROWS).append(",'row ").append(i).append("')");
            if (i % 1_000 == 0) {
                db.exec(sb.toString());
                sb.setLength(0);
            }
        }
        // a second table, for transactions that write two (sysbench's statements each pick one of several)
        db.exec("CREATE TABLE u (id INT PRIMARY KEY, k INT NOT NULL, c CHAR(120) NOT NULL, KEY k_1 (k))");
        db.exec("INSERT INTO u SELECT id, k, c FROM t");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static void figure(String name, Object value) {
        System.out.println("FIGURE " + name + " = " + value);
    }

    private static Repository repo() {
        return db.session().findDatabase("commits").orElseThrow().repo();
    }

    private static int depth(boolean index) {
        Repository r = repo();
        var root = r.readRoot(r.chunks(), r.workingSet("main").working());
        var table = r.readTable(r.chunks(), root.tableHash("t"));
        return ProllyMap.load(r.chunks(), index ? table.indexes().get("k_1") : table.rows()).depth();
    }

    /** Chunks the COMMIT (the last statement of {@code statements}) wrote, chunks its group left out, bytes written. */
    private static long[] commitWrites(String... statements) {
        for (int i = 0; i < statements.length - 1; i++) {
            db.exec(statements[i]);
        }
        var store = repo().store();
        var queue = repo().commitQueue("main");
        long chunks = store.chunksCommitted();
        long dropped = queue.chunksDropped();
        long bytes = store.bytesCommitted();
        db.exec(statements[statements.length - 1]);
        return new long[] {store.chunksCommitted() - chunks, queue.chunksDropped() - dropped,
                store.bytesCommitted() - bytes};
    }

    /**
     * sysbench's oltp_write_only transaction: four one-row statements. Until round 18 each built its table's
     * changed paths, the table value and a new root (header and table map node), and the COMMIT left out the
     * three roots and paths a later statement replaced (round 14). Since round 18 the write fast path defers the
     * rows to the transaction, and since round 20 the COMMIT replays them onto the branch's root without the
     * transaction building its own (on an unmoved branch the two are the same trees): nothing built is garbage.
     */
    @Test
    void aMultiStatementTransactionBuildsItsTreesOnceAtCommit() {
        int rowDepth = depth(false);
        int indexDepth = depth(true);
        var state = db.session().findDatabase("commits").orElseThrow();
        long settles = state.settles();
        long[] w = commitWrites("BEGIN", "UPDATE t SET k = k + 1 WHERE id = 1001", "UPDATE t SET c = 'changed' WHERE id = 3003",
                "DELETE FROM t WHERE id = 1001", "INSERT INTO t VALUES (1001, 77, 'back')", "COMMIT");
        settles = state.settles() - settles;
        figure("chunks written / left out by a COMMIT of oltp_write_only's four statements (row tree depth "
                + rowDepth + ", index depth " + indexDepth + ")", w[0] + " / " + w[1]);
        figure("bytes written by that COMMIT", w[2]);
        figure("times that transaction's deferred rows were built into trees", settles);
        // what the last root reaches that is new: the paths of the two changed rows, of the index entries the
        // transaction changed (1001's old and new k), the table value, the root header and its table map node
        assertTrue(w[0] <= 2L * rowDepth + 2L * indexDepth + 3, "wrote " + w[0] + " chunks");
        assertEquals(0, settles, "the four statements' rows are replayed by the COMMIT, not built by the transaction");
        assertEquals(0, w[1], "left out " + w[1] + " chunks: nothing but the committed root was built");
        assertEquals(List.of("1001|77|back", "3003|" + (3003 * 13 % ROWS) + "|changed"),
                db.lines("SELECT id, k, c FROM t WHERE id IN (1001, 3003) ORDER BY id"));
    }

    /**
     * Round 20 (docs/performance.md): at four sessions almost every oltp_write_only COMMIT finds the branch moved.
     * The transaction's deferred rows are replayed onto the branch's current table: it builds no tree on its
     * snapshot (0 builds, nothing left out by the group's walk) and no table is merged, so nothing is diffed. It
     * writes what the same transaction writes on an unmoved branch.
     */
    @Test
    void aMergedWriteOnlyCommitBuildsNothingOfItsOwn() {
        int rowDepth = depth(false);
        int indexDepth = depth(true);
        var other = db.engine().openSession(300, "root", "localhost", true);
        var state = db.session().findDatabase("commits").orElseThrow();
        try {
            db.engine().execute(other, "USE commits", false, r -> { });
            db.engine().execute(other, "BEGIN", false, r -> { });
            db.exec("BEGIN");
            for (String sql : List.of("UPDATE t SET k = k + 1 WHERE id = 1101", "UPDATE t SET c = 'other' WHERE id = 3103",
                    "DELETE FROM t WHERE id = 1102", "INSERT INTO t VALUES (1102, 5, 'other')")) {
                db.engine().execute(other, sql, false, r -> { });
            }
            for (String sql : List.of("UPDATE t SET k = k + 1 WHERE id = 1201", "UPDATE t SET c = 'mine' WHERE id = 3203",
                    "DELETE FROM t WHERE id = 1202")) {
                db.exec(sql);
            }
            db.engine().execute(other, "COMMIT", false, r -> { });
            long settles = state.settles();
            long merged = dev.scion.versioning.merge.TableMerger.tablesMerged();
            long replayed = dev.scion.versioning.merge.ChangeReplay.replayedOntoChanged();
            long[] w = commitWrites("INSERT INTO t VALUES (1202, 9, 'mine')", "COMMIT");
            settles = state.settles() - settles;
            merged = dev.scion.versioning.merge.TableMerger.tablesMerged() - merged;
            replayed = dev.scion.versioning.merge.ChangeReplay.replayedOntoChanged() - replayed;
            figure("a merged oltp_write_only COMMIT: own tree builds / tables merged / chunks written / left out (row "
                    + "tree depth " + rowDepth + ", index depth " + indexDepth + ")",
                    settles + " / " + merged + " / " + w[0] + " / " + w[1]);
            assertEquals(0, settles, "the transaction built no tree on its snapshot");
            assertEquals(0, merged, "no table was merged: nothing diffed against the snapshot");
            assertEquals(1, replayed, "its rows were replayed onto the table the other commit changed");
            assertEquals(0, w[1], "nothing built that the new root does not reach");
            assertTrue(w[0] <= 2L * rowDepth + 2L * indexDepth + 3, "wrote " + w[0] + " chunks");
        } finally {
            other.close();
        }
        assertEquals(List.of("1101|" + (1101 * 13 % ROWS + 1) + "|row 1101", "1102|5|other",
                "1201|" + (1201 * 13 % ROWS + 1) + "|row 1201", "1202|9|mine", "3103|" + (3103 * 13 % ROWS) + "|other",
                "3203|" + (3203 * 13 % ROWS) + "|mine"),
                db.lines("SELECT id, k, c FROM t WHERE id IN (1101, 1102, 1201, 1202, 3103, 3203) ORDER BY id"));
    }

    /**
     * Round 21 (docs/performance.md): oltp_write_only's statements pick a table each, so most of its transactions
     * write two or three tables. Until then the write to a second table built the first table's deferred rows into
     * a root at once, and the COMMIT built the second and merged the transaction, leaving the first root out.
     * Now every table's rows stay deferred and the COMMIT replays them all, merged or not: no build on the
     * snapshot, no table diffed, nothing left out.
     */
    @Test
    void aWriteOnlyCommitOfTwoTablesBuildsNothingOfItsOwn() {
        int rowDepth = depth(false);
        int indexDepth = depth(true);
        var other = db.engine().openSession(301, "root", "localhost", true);
        var state = db.session().findDatabase("commits").orElseThrow();
        try {
            // unmoved branch
            long settles = state.settles();
            long prebuilt = dev.scion.sql.session.DeferredRowsRebase.prebuiltUsed();
            long[] w = commitWrites("BEGIN", "UPDATE t SET k = k + 1 WHERE id = 1301", "UPDATE u SET c = 'two' WHERE id = 3301",
                    "DELETE FROM t WHERE id = 1302", "INSERT INTO t VALUES (1302, 8, 'two')", "COMMIT");
            settles = state.settles() - settles;
            figure("an unmoved COMMIT of oltp_write_only's statements on two tables: own tree builds / chunks written / "
                    + "left out (row tree depth " + rowDepth + ", index depth " + indexDepth + ")",
                    settles + " / " + w[0] + " / " + w[1]);
            assertEquals(0, settles, "neither table's rows were built before the COMMIT");
            assertEquals(2, dev.scion.sql.session.DeferredRowsRebase.prebuiltUsed() - prebuilt,
                    "both tables built by the committing thread before the queue, and installed as built");
            assertEquals(0, w[1], "nothing built that the new root does not reach");
            // t: two row paths, two index paths, its table value; u: one row path, its table value; the root
            // header and its table map node
            assertTrue(w[0] <= 3L * rowDepth + 2L * indexDepth + 4, "wrote " + w[0] + " chunks");

            // moved branch: another transaction committed to both tables since the snapshot
            db.engine().execute(other, "USE commits", false, r -> { });
            db.exec("BEGIN");
            db.exec("UPDATE t SET k = k + 1 WHERE id = 1401");
            db.exec("UPDATE u SET c = 'mine' WHERE id = 3401");
            db.engine().execute(other, "UPDATE t SET c = 'other' WHERE id = 1402", false, r -> { });
            db.engine().execute(other, "UPDATE u SET c = 'other' WHERE id = 3402", false, r -> { });
            settles = state.settles();
            long merged = dev.scion.versioning.merge.TableMerger.tablesMerged();
            long replayed = dev.scion.versioning.merge.ChangeReplay.replayedOntoChanged();
            w = commitWrites("DELETE FROM u WHERE id = 3403", "COMMIT");
            settles = state.settles() - settles;
            merged = dev.scion.versioning.merge.TableMerger.tablesMerged() - merged;
            replayed = dev.scion.versioning.merge.ChangeReplay.replayedOntoChanged() - replayed;
            figure("a merged COMMIT of one-row writes to two tables: own tree builds / tables merged / tables replayed "
                    + "/ chunks written / left out", settles + " / " + merged + " / " + replayed + " / " + w[0]
                    + " / " + w[1]);
            assertEquals(0, settles, "the transaction built no tree on its snapshot");
            assertEquals(0, merged, "no table was merged: nothing diffed against the snapshot");
            assertEquals(2, replayed, "both tables' rows were replayed onto what the other commits left");
            assertEquals(0, w[1], "nothing built that the new root does not reach");
        } finally {
            other.close();
        }
        assertEquals(List.of("1401|" + (1401 * 13 % ROWS + 1) + "|row 1401", "1402|" + (1402 * 13 % ROWS) + "|other"),
                db.lines("SELECT id, k, c FROM t WHERE id IN (1401, 1402) ORDER BY id"));
        assertEquals(List.of("3401|mine", "3402|other"), db.lines("SELECT id, c FROM u WHERE id BETWEEN 3401 AND 3403 "
                + "ORDER BY id"));
    }

    /**
     * A ROLLBACK TO SAVEPOINT leaves what was written after the savepoint unreachable: it is not written. (The
     * SELECT builds the undone UPDATE's deferred row into a root; without it the row would never be built.)
     */
    @Test
    void whatARollbackToSavepointUndidIsNotWritten() {
        int rowDepth = depth(false);
        long[] w = commitWrites("BEGIN", "UPDATE t SET c = 'kept' WHERE id = 2001", "SAVEPOINT s",
                "UPDATE t SET c = 'undone' WHERE id = 3501", "SELECT c FROM t WHERE id = 3501",
                "ROLLBACK TO SAVEPOINT s", "COMMIT");
        figure("chunks written / left out by a COMMIT after a ROLLBACK TO SAVEPOINT (row tree depth " + rowDepth + ")",
                w[0] + " / " + w[1]);
        // exactly what a lone one-row UPDATE writes: the row path, the table value, the root header, its table map
        assertEquals(rowDepth + 3, w[0]);
        assertEquals(rowDepth + 3, w[1], "the undone statement's row path, table value and root");
        assertEquals(List.of("2001|kept", "3501|row 3501"), db.lines("SELECT id, c FROM t WHERE id IN (2001, 3501) "
                + "ORDER BY id"));
    }

    /** An autocommit statement holds one root: nothing in it is garbage, and the commit writes it whole. */
    @Test
    void aOneStatementCommitIsWrittenWhole() {
        int rowDepth = depth(false);
        long[] w = commitWrites("UPDATE t SET c = 'once' WHERE id = 2500");
        assertEquals(rowDepth + 3, w[0]);
        assertEquals(0, w[1]);
    }
}
