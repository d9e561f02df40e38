package dev.scion.sql.plan;

import dev.scion.sql.PreparedQuery;
import dev.scion.sql.frontend.ParameterBinder;
import dev.scion.sql.result.StatementResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.IntFunction;

import static dev.scion.sql.plan.SysbenchTable.ROWS;
import static dev.scion.sql.plan.SysbenchTable.allocatedBytes;
import static dev.scion.sql.plan.SysbenchTable.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prepared SELECTs find their cached plan from their bound values (plan.cache.PreparedShape): no bound text is made
 * and shaped per execution. Part of the counts regression check (see {@link SysbenchTable}).
 */
class PreparedReadCountsTest {
    @RegisterExtension
    static final SysbenchTable db = new SysbenchTable();

    /** sysbench's prepared reads of oltp_read_only and select_random_ranges, with their parameters for run i. */
    private record Read(String template, IntFunction<Object[]> parameters) {
    }

    private static final List<Read> READS = List.of(
            new Read("SELECT c FROM sbtest1 WHERE id BETWEEN ? AND ?", PreparedReadCountsTest::range),
            new Read("SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN ? AND ?", PreparedReadCountsTest::range),
            new Read("SELECT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c", PreparedReadCountsTest::range),
            new Read("SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c",
                    PreparedReadCountsTest::range),
            new Read(randomRangesTemplate(), PreparedReadCountsTest::randomRanges));

    private static Object[] range(int i) {
        long from = i * 37L % 4000 + 1;
        return new Object[] {from, from + 99};
    }

    private static String randomRangesTemplate() {
        StringBuilder ranges = new StringBuilder();
        for (int r = 0; r < 10; r++) {
            ranges.append(r == 0 ? "" : " OR ").append("k BETWEEN ? AND ?");
        }
        return "\n        SELECT count(k)\n          FROM sbtest1\n          WHERE " + ranges;
    }

    private static Object[] randomRanges(int i) {
        Object[] values = new Object[20];
        for (int r = 0; r < 10; r++) {
            long from = (i * 131L + r * 487) % ROWS;
            values[2 * r] = from;
            values[2 * r + 1] = from + 5;
        }
        return values;
    }

    private static long drain(StatementResult result) {
        long rows = 0;
        if (result instanceof StatementResult.Rows r) {
            try (var s = r.rows()) {
                while (s.next() != null) {
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void execute(PreparedQuery q, Object[] parameters) {
        q.execute(db.session(), parameters, PreparedReadCountsTest::drain);
    }

    @Test
    void preparedReadsAreBoundWithoutText() {
        var cache = db.session().planCache();
        for (int s = 0; s < READS.size(); s++) {
            Read read = READS.get(s);
            PreparedQuery q = db.engine().prepare(db.session(), read.template());
            execute(q, read.parameters().apply(0)); // plans the shape and remembers its text
            long bound = cache.boundHits();
            long built = cache.plansBuilt();
            for (int i = 1; i <= 50; i++) {
                execute(q, read.parameters().apply(i));
            }
            figure("prepared executions of read " + s + " found by their values (of 50)", cache.boundHits() - bound);
            assertEquals(50, cache.boundHits() - bound, read.template());
            assertEquals(built, cache.plansBuilt(), read.template());
        }
    }

    @Test
    void bindingByValueAllocatesLessThanBindingText() {
        Read read = READS.get(READS.size() - 1); // select_random_ranges: 20 parameters, the longest text
        PreparedQuery q = db.engine().prepare(db.session(), read.template());
        for (int i = 0; i < 200; i++) { // plan and warm up both paths
            execute(q, read.parameters().apply(i));
            db.rows(ParameterBinder.bind(read.template(), read.parameters().apply(i)));
        }
        long before = allocatedBytes();
        for (int i = 200; i < 400; i++) {
            execute(q, read.parameters().apply(i));
        }
        long prepared = (allocatedBytes() - before) / 200;
        before = allocatedBytes();
        for (int i = 200; i < 400; i++) {
            db.rows(ParameterBinder.bind(read.template(), read.parameters().apply(i)));
        }
        long text = (allocatedBytes() - before) / 200;
        figure("bytes allocated per prepared select_random_ranges execution (found by its values)", prepared);
        figure("bytes allocated per select_random_ranges text query (found by text)", text);
        // the text level's shape of this statement (skeleton, 20 literals and their substrings) is about 3 KB
        assertTrue(text - prepared > 2048, "prepared " + prepared + " bytes, text " + text);
    }
}
