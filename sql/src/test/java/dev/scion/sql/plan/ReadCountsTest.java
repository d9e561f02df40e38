package dev.scion.sql.plan;

import dev.scion.storage.chunk.ChunkBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static dev.scion.sql.plan.SysbenchTable.allocatedBytes;
import static dev.scion.sql.plan.SysbenchTable.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chunks read and bytes allocated by point selects, ranges and scans.
 * Part of the counts regression check (see {@link SysbenchTable}).
 */
class ReadCountsTest {
    @RegisterExtension
    static final SysbenchTable db = new SysbenchTable();

    @Test
    void aPointSelectAllocatesABoundedAmount() {
        for (int i = 1; i <= 200; i++) {
            db.rows("SELECT c FROM sbtest1 WHERE id = " + i); // warm up
        }
        long before = allocatedBytes();
        for (int i = 1; i <= 1000; i++) {
            db.rows("SELECT c FROM sbtest1 WHERE id = " + i);
        }
        long perSelect = (allocatedBytes() - before) / 1000;
        figure("bytes allocated per fast-path point select (engine side, autocommit)", perSelect);
        assertTrue(perSelect < 16 * 1024, "allocated " + perSelect + " bytes per point select");
    }

    @Test
    void aPointSelectReadsOnePathOfTheTree() {
        db.exec("BEGIN");
        try {
            var state = db.session().findDatabase("bench").orElseThrow();
            ChunkBuffer buffer = state.buffer();
            int depth = SysbenchTable.rowTreeDepth(state);
            db.rows("SELECT c FROM sbtest1 WHERE id = 1"); // warm the root and table objects
            db.rows("SELECT c FROM sbtest1 WHERE id = 1 AND k >= 0");
            long fast = db.reads(buffer, "SELECT c FROM sbtest1 WHERE id = 2500");
            long planned = db.reads(buffer, "SELECT c FROM sbtest1 WHERE id = 2501 AND k >= 0");
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
            int depth = SysbenchTable.rowTreeDepth(state);
            db.exec("UPDATE sbtest1 SET k = k + 1 WHERE id = 2600");
            db.rows("SELECT c FROM sbtest1 WHERE id = 2601"); // the new table value is decoded once
            long afterWrite = db.reads(buffer, "SELECT c FROM sbtest1 WHERE id = 2602");
            figure("chunks read by a point select after a write in the same transaction", afterWrite);
            assertEquals(depth, afterWrite, "read " + afterWrite + " chunks, row tree depth " + depth);
        } finally {
            db.exec("COMMIT");
        }
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
        long projected = db.bytesPerRow("SELECT c FROM wide WHERE id BETWEEN 1 AND 500");
        long withPad = db.bytesPerRow("SELECT c, LENGTH(pad) FROM wide WHERE id BETWEEN 1 AND 500");
        figure("bytes allocated per row by a 500-row primary-key range projecting a 10-char column of a row with a "
                + "900-char one", projected);
        figure("the same range also reading the 900-char column (LENGTH(pad))", withPad);
        // neither copied out of its leaf nor decoded, the 900-character pad costs the projected range nothing
        assertTrue(projected < 900, "allocated " + projected + " bytes per row projecting a 10-char column");
        // the range that reads pad decodes a 900-character string per row that the projected one must skip
        assertTrue(withPad - projected >= 800, projected + " bytes per row projecting c, " + withPad
                + " reading pad too: the unprojected column was decoded");
        long sysbench = db.bytesPerRow("SELECT c FROM sbtest1 WHERE id BETWEEN 101 AND 200");
        figure("bytes allocated per row by sysbench's simple range (SELECT c ... BETWEEN n AND n+99)", sysbench);
        // 381-386 while each entry's key was copied and decoded for the filter the exact range no longer needs
        assertTrue(sysbench < 330, "allocated " + sysbench + " bytes per row of sysbench's simple range");
    }

    /**
     * oltp_read_only's four 100-row ranges, each a cached plan executed with new values: bytes allocated per
     * execution (statement, plan binding, rows). Round 20 (docs/performance.md) took the filter off exact
     * primary-key ranges and with it each entry's key decode, and sorts DISTINCT rows instead of hashing them; each
     * bound sits between the figures before and after, so losing either again fails here.
     */
    @Test
    void oltpReadOnlyRangesAllocateABoundedAmount() {
        // before round 20: 37,807 / 44,205 / 43,053 / 61,843 bytes; after: 23,256 / 32,096 / 30,471 / 32,846
        assertRangeBytes("simple range", "SELECT c FROM sbtest1 WHERE id BETWEEN %d AND %d", 30_000);
        assertRangeBytes("SUM range", "SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN %d AND %d", 38_000);
        assertRangeBytes("ORDER BY range", "SELECT c FROM sbtest1 WHERE id BETWEEN %d AND %d ORDER BY c", 36_000);
        assertRangeBytes("DISTINCT range", "SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN %d AND %d ORDER BY c",
                45_000);
    }

    private static void assertRangeBytes(String name, String template, long bound) {
        for (int i = 0; i < 300; i++) {
            db.rows(String.format(java.util.Locale.ROOT, template, 1 + i * 13 % 4800, 100 + i * 13 % 4800));
        }
        long before = allocatedBytes();
        for (int i = 0; i < 500; i++) {
            db.rows(String.format(java.util.Locale.ROOT, template, 7 + i * 17 % 4800, 106 + i * 17 % 4800));
        }
        long perExecution = (allocatedBytes() - before) / 500;
        figure("bytes allocated per execution of oltp_read_only's " + name + " (100 rows, cached plan)", perExecution);
        assertTrue(perExecution < bound, "allocated " + perExecution + " bytes per " + name);
    }

    @Test
    void scanningAllocatesABoundedAmountPerRow() {
        String scan = "SELECT SUM(k), MAX(c) FROM sbtest1 WHERE pad <> 'x'";
        db.rows(scan); // plan and warm up
        long rows = Long.parseLong(db.lines("SELECT COUNT(*) FROM sbtest1").get(0));
        long before = allocatedBytes();
        db.rows(scan);
        long perRow = (allocatedBytes() - before) / rows;
        figure("bytes allocated per row by a filtered aggregate scan", perRow);
        // a decoded row (4 values, two ~100-char strings) is about 500 bytes; 4 KB would mean a copy too many per row
        assertTrue(perRow < 4096, "allocated " + perRow + " bytes per row");
    }
}
