package dev.scion.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.sql.EngineFixture;

/**
 * Join kinds, correlated subqueries and set operations through the whole engine (HashJoinOp for equalities,
 * NestedLoopJoinOp otherwise, CorrelateOp, SetOp), with NULL keys and duplicate keys.
 */
class JoinOperatorsTest {
    @TempDir
    Path dir;
    EngineFixture db;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE a (id INT PRIMARY KEY, k INT)");
        db.exec("CREATE TABLE b (id INT PRIMARY KEY, k INT, v VARCHAR(5))");
        db.exec("INSERT INTO a VALUES (1, 1), (2, 2), (3, NULL), (4, 4)");
        db.exec("INSERT INTO b VALUES (10, 1, 'x'), (11, 1, 'y'), (12, 3, 'z'), (13, NULL, 'n')");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<String> sorted(String sql) {
        List<String> l = new ArrayList<>(db.lines(sql));
        Collections.sort(l);
        return l;
    }

    @Test
    void equiJoinKinds() {
        assertEquals(List.of("1|x", "1|y"), sorted("SELECT a.id, b.v FROM a JOIN b ON a.k = b.k"));
        assertEquals(List.of("1|x", "1|y", "2|NULL", "3|NULL", "4|NULL"),
                sorted("SELECT a.id, b.v FROM a LEFT JOIN b ON a.k = b.k"));
        assertEquals(List.of("1|x", "1|y", "NULL|n", "NULL|z"),
                sorted("SELECT a.id, b.v FROM a RIGHT JOIN b ON a.k = b.k"));
        // a decimal key equals an integer key
        assertEquals(List.of("1|x", "1|y"), sorted("SELECT a.id, b.v FROM a JOIN b ON a.k + 0.0 = b.k"));
    }

    @Test
    void nonEquiJoinAndResidualCondition() {
        assertEquals(List.of("2|x", "2|y", "4|x", "4|y", "4|z"),
                sorted("SELECT a.id, b.v FROM a JOIN b ON a.k > b.k"));
        assertEquals(List.of("1|y"), sorted("SELECT a.id, b.v FROM a JOIN b ON a.k = b.k AND b.v <> 'x'"));
    }

    @Test
    void subqueries() {
        assertEquals(List.of("1", "3"), sorted("SELECT id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.k = a.k)"
                + " OR a.k IS NULL"));
        assertEquals(List.of("2", "4"), sorted("SELECT id FROM a WHERE a.k NOT IN (SELECT k FROM b WHERE k IS NOT NULL)"));
        assertEquals(List.of("1|2", "2|0", "3|0", "4|0"),
                sorted("SELECT id, (SELECT count(*) FROM b WHERE b.k = a.k) FROM a"));
        assertEquals(List.of("1|y", "2|NULL", "3|NULL", "4|NULL"),
                sorted("SELECT id, (SELECT max(v) FROM b WHERE b.k = a.k) FROM a"));
    }

    @Test
    void setOperations() {
        assertEquals(List.of("1"), sorted("SELECT k FROM a INTERSECT SELECT k FROM b WHERE k < 3"));
        assertEquals(List.of("2", "4", "NULL"), sorted("SELECT k FROM a EXCEPT SELECT k FROM b WHERE k IS NOT NULL"));
        assertEquals(List.of("1", "1", "1"), sorted("SELECT k FROM a WHERE k = 1 UNION ALL SELECT k FROM b WHERE k = 1"));
    }

    @Test
    void manyTablesJoinedInConditionOrder() {
        StringBuilder from = new StringBuilder("a AS t0");
        StringBuilder where = new StringBuilder("t0.id = 1");
        for (int i = 1; i < 12; i++) {
            from.append(", a AS t").append(i);
            where.append(" AND t").append(i).append(".id = t").append(i - 1).append(".id");
        }
        // twelve 4-row tables: a cross product would have 4^12 rows; ordered by the conditions it is one row
        assertEquals(List.of("1|1"), db.lines("SELECT t0.id, t11.k FROM " + from + " WHERE " + where));
    }
}
