package dev.scion.sql.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import static dev.scion.sql.plan.SysbenchTable.ROWS;
import static dev.scion.sql.plan.SysbenchTable.allocatedBytes;
import static dev.scion.sql.plan.SysbenchTable.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plans built and statements found by their text (the plan cache) for repeated sysbench statements.
 * Part of the counts regression check (see {@link SysbenchTable}).
 */
class PlanCacheCountsTest {
    @RegisterExtension
    static final SysbenchTable db = new SysbenchTable();

    /** sysbench's range SELECTs: simple, sum, order and distinct ranges over id, and two ranges over k. */
    private static final List<IntFunction<String>> RANGE_SELECTS = List.of(
            i -> "SELECT c FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND " + (i * 37 % 4000 + 100),
            i -> "SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND " + (i * 37 % 4000 + 100),
            i -> "SELECT c FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND " + (i * 37 % 4000 + 100)
                    + " ORDER BY c",
            i -> "SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN " + (i * 37 % 4000 + 1) + " AND "
                    + (i * 37 % 4000 + 100) + " ORDER BY c",
            i -> "SELECT count(k) FROM sbtest1 WHERE k BETWEEN " + i + " AND " + (i + 5) + " OR k BETWEEN "
                    + (i + 100) + " AND " + (i + 105));

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
        List<IntFunction<String>> shapes = new ArrayList<>(RANGE_SELECTS);
        shapes.addAll(List.of(
                i -> "UPDATE sbtest1 SET k=k+1 WHERE id=" + (i + 1),
                i -> "UPDATE sbtest1 SET c='" + String.format(Locale.ROOT, "%011d", i) + "-changed' WHERE id=" + (i + 1),
                i -> "DELETE FROM sbtest1 WHERE id=" + (ROWS - i)));
        for (int s = 0; s < shapes.size(); s++) {
            long built = plansBuiltWhenRepeated(shapes.get(s));
            figure("plans built by 50 repeats of shape " + s, built);
            assertEquals(0, built, "shape " + s + ": " + shapes.get(s).apply(1));
        }
    }

    @Test
    void repeatedSelectsAreFoundByTheirTextWithoutParsing() {
        List<IntFunction<String>> shapes = new ArrayList<>(RANGE_SELECTS);
        shapes.addAll(List.of(
                i -> "SELECT c FROM sbtest1 WHERE id = " + (i + 1) + " AND k >= 0",
                PlanCacheCountsTest::sysbenchRandomRanges));
        var cache = db.session().planCache();
        for (int s = 0; s < shapes.size(); s++) {
            db.exec(shapes.get(s).apply(0));
            long before = cache.textHits();
            long built = cache.plansBuilt();
            for (int i = 1; i <= 50; i++) {
                db.exec(shapes.get(s).apply(i));
            }
            figure("statements found by text (not parsed) of 50 repeats of select shape " + s,
                    cache.textHits() - before);
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
        for (int i = 0; i < 50; i++) {
            db.rows(sysbenchRandomRanges(i)); // plan and warm up
        }
        var cache = db.session().planCache();
        long hits = cache.textHits();
        long built = cache.plansBuilt();
        long entries = 0;
        long before = allocatedBytes();
        for (int i = 50; i < 150; i++) {
            entries += Long.parseLong(db.lines(sysbenchRandomRanges(i)).get(0));
        }
        long allocated = allocatedBytes() - before;
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
}
