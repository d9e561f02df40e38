package dev.scion.sql.plan.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class PointSelectParserTest {

    @Test
    void recognisesThePointSelectShapes() {
        assertEquals(new PointSelectParser.PointSelect(List.of("c"), null, "sbtest1", "id", 42L),
                PointSelectParser.parse("SELECT c FROM sbtest1 WHERE id=42"));
        assertEquals(new PointSelectParser.PointSelect(List.of("a", "b"), "db", "t", "k", "x y"),
                PointSelectParser.parse("select `a`, b from db.`t` where k = 'x y' ;"));
        assertEquals(new PointSelectParser.PointSelect(List.of(), null, "t", "id", -7L),
                PointSelectParser.parse("SELECT * FROM t WHERE id = -7"));
    }

    @Test
    void leavesEverythingElseToThePlanner() {
        for (String sql : List.of(
                "SELECT c FROM t WHERE id = 1 AND k = 2",
                "SELECT c FROM t WHERE id = 1.5",
                "SELECT c FROM t WHERE id = 1e3",
                "SELECT c FROM t WHERE id = 99999999999999999999",
                "SELECT c FROM t WHERE id = 'it''s'",
                "SELECT c FROM t WHERE id = 'a\\'b'",
                "SELECT count(*) FROM t WHERE id = 1",
                "SELECT c AS x FROM t WHERE id = 1",
                "SELECT DISTINCT c FROM t WHERE id = 1",
                "SELECT c FROM t WHERE id = 1 FOR UPDATE",
                "SELECT c FROM t WHERE id = 1 LIMIT 1",
                "SELECT c FROM t, u WHERE id = 1",
                "SELECT c FROM t WHERE id = @v",
                "SELECT c FROM t WHERE id = ?",
                "SELECT c FROM t WHERE id = 1 /* comment */",
                "SELECT 1",
                "UPDATE t SET c = 1 WHERE id = 1")) {
            assertNull(PointSelectParser.parse(sql), sql);
        }
    }
}
