package dev.scion.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.parser.StatementReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under a time zone other than UTC a TIMESTAMP key is still read through its index: the constant is converted to UTC
 * instead of the column to the zone ({@link TimestampZoneRewrite}).
 */
class TimestampZonePlanTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE ev (id INT PRIMARY KEY, ts TIMESTAMP NULL, KEY ev_ts (ts))");
        StringBuilder rows = new StringBuilder("INSERT INTO ev VALUES (0, '2020-01-01 00:00:00')");
        for (int i = 1; i < 200; i++) {
            rows.append(", (").append(i).append(", '2020-01-01 00:00:00' + INTERVAL ").append(i).append(" HOUR)");
        }
        db.exec(rows.toString());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void keyBoundsAreConvertedToUtc() {
        String utcPlan = plan("SELECT id FROM ev WHERE ts = TIMESTAMP '2020-01-02 05:00:00'");
        assertTrue(utcPlan.contains("IndexScan ev ev_ts"), utcPlan);
        db.exec("SET time_zone = '+05:00'");
        String zonePlan = plan("SELECT id FROM ev WHERE ts = TIMESTAMP '2020-01-02 05:00:00'");
        assertEquals(utcPlan, zonePlan);
        assertEquals(List.of("24"), db.lines("SELECT id FROM ev WHERE ts = TIMESTAMP '2020-01-02 05:00:00'"));
        assertEquals(List.of("24"), db.lines("SELECT id FROM ev WHERE ts = '2020-01-02 05:00:00'"));
        assertEquals(List.of("2020-01-02 05:00:00"), db.lines("SELECT ts FROM ev WHERE id = 24"));
        assertEquals(List.of("24", "25", "26"),
                db.lines("SELECT id FROM ev WHERE ts BETWEEN '2020-01-02 05:00:00' AND '2020-01-02 07:00:00'"));
    }

    private String plan(String sql) {
        String rewritten = VariableRewriter.rewrite(sql);
        QueryPlanner.Plan p = QueryPlanner.plan(db.session(), StatementReader.statement(rewritten), rewritten);
        return PlanPrinter.print(p.root());
    }
}
