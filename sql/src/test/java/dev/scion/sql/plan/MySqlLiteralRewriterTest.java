package dev.scion.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.sql.EngineFixture;

class MySqlLiteralRewriterTest {
    @TempDir
    Path dir;

    @Test
    void hexLiteralComparesWithNumbersAsMysqlDoes() {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("CREATE DATABASE d");
            db.exec("USE d");
            db.exec("CREATE TABLE t1 (x INTEGER)");
            db.exec("CREATE TABLE e (x INTEGER)");
            // as sqllogictest evidence/in1 asks it: alone, on an empty table
            assertEquals(List.of("0"), db.lines("SELECT x'303132' IN (SELECT * FROM e)"));
            assertEquals(List.of("1"), db.lines("SELECT x'303132' NOT IN (SELECT * FROM e)"));
            db.exec("INSERT INTO t1 VALUES (1), (2), (3)");
            assertEquals(List.of("0|1"), db.lines("SELECT x'303132' IN (SELECT * FROM t1), x'303132' NOT IN (SELECT * FROM t1)"));
            assertEquals(List.of("A"), db.lines("SELECT x'41'"));
        }
    }

    @Test
    void castAsSignedIsABigintCast() {
        try (EngineFixture db = new EngineFixture(dir)) {
            db.exec("CREATE DATABASE d");
            db.exec("USE d");
            db.exec("CREATE TABLE t (a INTEGER, s VARCHAR(10))");
            db.exec("INSERT INTO t VALUES (7, '12abc')");
            assertEquals(List.of("74|12|-3"), db.lines("SELECT CAST(a AS SIGNED) + 67, CAST(s AS SIGNED),"
                    + " CAST(- 3 AS SIGNED) FROM t"));
        }
    }
}
