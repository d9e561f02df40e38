package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executions of a cached plan reuse the parts its first execution made ({@link PlanParts}): counts of expressions
 * compiled and index range templates made per repeated execution must stay 0, and each execution must still answer
 * with its own parameter values, as a plan made afresh for its literals does.
 */
class CachedPlanPartsTest {
    private static final int ROWS = 2_000;

    @TempDir
    static Path dir;
    private static EngineFixture db;

    @BeforeAll
    static void load() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE reads");
        db.exec("USE reads");
        SysbenchRows.create(db, ROWS);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static void figure(String name, Object value) {
        System.out.println("FIGURE " + name + " = " + value);
    }

    /**
     * The sysbench read shapes with their literals written as {@code n+0} when {@code fresh}: such a literal is part
     * of the plan's key, so every execution of the fresh form is planned for its own values.
     */
    private static List<IntFunction<String>> sysbenchReads(boolean fresh) {
        IntFunction<String> n = v -> fresh ? v + "+0" : Integer.toString(v);
        return List.of(
                i -> "SELECT c FROM sbtest1 WHERE id = " + n.apply(i * 13 % ROWS + 1),
                i -> "SELECT c FROM sbtest1 WHERE id BETWEEN " + n.apply(i * 37 % 1500 + 1) + " AND "
                        + n.apply(i * 37 % 1500 + 100),
                i -> "SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN " + n.apply(i * 37 % 1500 + 1) + " AND "
                        + n.apply(i * 37 % 1500 + 100),
                i -> "SELECT c FROM sbtest1 WHERE id BETWEEN " + n.apply(i * 37 % 1500 + 1) + " AND "
                        + n.apply(i * 37 % 1500 + 100) + " ORDER BY c",
                i -> "SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN " + n.apply(i * 37 % 1500 + 1) + " AND "
                        + n.apply(i * 37 % 1500 + 100) + " ORDER BY c",
                i -> randomRanges(i, n));
    }

    /** sysbench's select_random_ranges as it sends it: ten ranges of width 5, spread over lines. */
    private static String randomRanges(int i, IntFunction<String> n) {
        StringBuilder ranges = new StringBuilder();
        for (int r = 0; r < 10; r++) {
            int from = (i * 131 + r * 487) % ROWS;
            ranges.append(r == 0 ? "" : " OR ").append("k BETWEEN ").append(n.apply(from)).append(" AND ")
                    .append(n.apply(from + 5));
        }
        return "\n        SELECT count(k)\n          FROM sbtest1\n          WHERE " + ranges;
    }

    @Test
    void repeatedExecutionsCompileNoExpressionAndMakeNoRangeTemplate() {
        var cache = db.session().planCache();
        List<IntFunction<String>> shapes = sysbenchReads(false);
        for (int s = 0; s < shapes.size(); s++) {
            db.exec(shapes.get(s).apply(0)); // plans the shape and makes its parts
            long compiled = cache.expressionsCompiled();
            long templates = cache.rangeTemplatesMade();
            long built = cache.plansBuilt();
            for (int i = 1; i <= 50; i++) {
                db.rows(shapes.get(s).apply(i));
            }
            figure("expressions compiled by 50 repeats of read shape " + s, cache.expressionsCompiled() - compiled);
            figure("index range templates made by 50 repeats of read shape " + s,
                    cache.rangeTemplatesMade() - templates);
            assertEquals(built, cache.plansBuilt(), "shape " + s + " was planned again");
            assertEquals(0, cache.expressionsCompiled() - compiled, "shape " + s);
            assertEquals(0, cache.rangeTemplatesMade() - templates, "shape " + s);
        }
        // the range query's filter and the ten ranges' template were made once, by the first execution
        assertTrue(cache.rangeTemplatesMade() >= 1, "a template was made for select_random_ranges");
        assertTrue(cache.expressionsCompiled() >= 1, "filters were compiled into the plans' parts");
    }

    @Test
    void everyExecutionAnswersWithItsOwnValues() {
        List<IntFunction<String>> cached = sysbenchReads(false);
        List<IntFunction<String>> fresh = sysbenchReads(true);
        for (int s = 0; s < cached.size(); s++) {
            for (int i = 0; i < 12; i++) {
                assertEquals(db.lines(fresh.get(s).apply(i)), db.lines(cached.get(s).apply(i)),
                        "shape " + s + ": " + cached.get(s).apply(i));
            }
        }
    }

    @Test
    void aFunctionWithStateIsCompiledForEachExecution() {
        // RAND(seed) restarts its sequence in every statement; a compiled RAND shared between executions would not
        String sql = "SELECT RAND(7), RAND(7) FROM sbtest1 WHERE id BETWEEN 1 AND 2";
        List<String> first = db.lines(sql);
        long hits = db.session().planCache().hits();
        assertEquals(first, db.lines(sql));
        assertEquals(hits + 1, db.session().planCache().hits(), "the second execution reused the plan");
    }

    @Test
    void aParameterInsideAnExpressionTakesEachExecutionsValue() {
        // the parameter of "k > n" is read by a compiled expression shared by both executions
        long hits = db.session().planCache().hits();
        assertEquals(List.of("4"), db.lines("SELECT COUNT(*) FROM sbtest1 WHERE id < 10 AND k > 30"));
        assertEquals(List.of("7"), db.lines("SELECT COUNT(*) FROM sbtest1 WHERE id < 10 AND k > 10"));
        assertTrue(db.session().planCache().hits() > hits, "the second statement reused the first one's plan");
    }
}
