package dev.scion.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.StatementResult;

/**
 * Result metadata of unsigned integers as MySQL 8 sends it (mysql --column-type-info): a column's length has no
 * room for a sign (INT UNSIGNED is 10), a merge of one size keeps that size (of signed TINYINT, SMALLINT and MEDIUMINT too),
 * arithmetic is BIGINT UNSIGNED, and under NO_UNSIGNED_SUBTRACTION a difference is a signed BIGINT.
 */
class UnsignedColumnsTest {
    @TempDir
    Path dir;

    @Test
    void unsignedColumnsAndMergesKeepTheirSize() {
        try (EngineFixture db = new EngineFixture(dir)) {
            setUp(db);
            List<String> described = describe(db, "SELECT t, s, m, v, g, i, COALESCE(v, w), IF(1, t, t),"
                    + " CASE WHEN 1 THEN s ELSE s END, COALESCE(g, g), v + 1 FROM c");
            assertEquals(List.of("TINY 3 unsigned", "SHORT 5 unsigned", "INT24 8 unsigned", "LONG 10 unsigned",
                    "LONGLONG 20 unsigned", "LONG 11 signed", "LONG 10 unsigned", "TINY 3 unsigned",
                    "SHORT 5 unsigned", "LONGLONG 20 unsigned", "LONGLONG 20 unsigned"), described);
            assertEquals(List.of("LONG 10 unsigned"), describe(db, "SELECT v FROM c UNION SELECT w FROM c"));
            assertEquals(List.of("INT24 8 unsigned", "INT24 8 unsigned", "LONG 10 unsigned", "LONGLONG 20 unsigned"),
                    describe(db, "SELECT COALESCE(m, m), COALESCE(m, t), COALESCE(m, v), m + m FROM c"));
        }
    }

    @Test
    void signedTinyAndSmallMergesKeepTheirSize() {
        try (EngineFixture db = new EngineFixture(dir)) {
            setUp(db);
            db.exec("CREATE TABLE s (t TINYINT, sm SMALLINT, tu TINYINT UNSIGNED, md MEDIUMINT)");
            List<String> described = describe(db, "SELECT t, sm, COALESCE(t, t), IF(1, sm, sm), COALESCE(t, sm),"
                    + " COALESCE(t, tu), MAX(t), t + t, -t FROM s GROUP BY t, sm, tu");
            assertEquals(List.of("TINY 4 signed", "SHORT 6 signed", "TINY 4 signed", "SHORT 6 signed",
                    "SHORT 6 signed", "SHORT 6 signed", "TINY 4 signed", "LONGLONG 11 signed", "LONGLONG 11 signed"),
                    described);
            assertEquals(List.of("SHORT 6 signed"), describe(db, "SELECT t FROM s UNION SELECT sm FROM s"));
            assertEquals(List.of("INT24 9 signed", "INT24 9 signed", "INT24 9 signed", "LONGLONG 11 signed"),
                    describe(db, "SELECT md, COALESCE(md, md), COALESCE(md, t), -md FROM s"));
        }
    }

    @Test
    void aDifferenceIsSignedUnderNoUnsignedSubtraction() {
        try (EngineFixture db = new EngineFixture(dir)) {
            setUp(db);
            assertEquals(List.of("LONGLONG 20 unsigned"), describe(db, "SELECT v - w FROM c"));
            db.exec("SET sql_mode = 'NO_UNSIGNED_SUBTRACTION'");
            assertEquals(List.of("LONGLONG 21 signed", "LONGLONG 20 unsigned"),
                    describe(db, "SELECT v - w, v + w FROM c"));
            db.exec("SET sql_mode = DEFAULT");
            assertEquals(List.of("LONGLONG 20 unsigned", "LONGLONG 20 unsigned"),
                    describe(db, "SELECT v - w, v + w FROM c"));
        }
    }

    private static void setUp(EngineFixture db) {
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE c (t TINYINT UNSIGNED, s SMALLINT UNSIGNED, m MEDIUMINT UNSIGNED, v INT UNSIGNED,"
                + " w INT UNSIGNED, g BIGINT UNSIGNED, i INT)");
    }

    private static List<String> describe(EngineFixture db, String sql) {
        List<String> out = new ArrayList<>();
        db.engine().execute(db.session(), sql, true, r -> {
            if (r instanceof StatementResult.Rows rows) {
                for (ResultColumn c : rows.columns()) {
                    out.add(c.kind() + " " + c.length() + " " + (c.unsigned() ? "unsigned" : "signed"));
                }
                rows.rows().close();
            }
        });
        return out;
    }
}
