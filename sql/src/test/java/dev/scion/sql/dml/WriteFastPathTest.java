package dev.scion.sql.dml;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The one-row write fast path gives what the general path gives. Each statement runs on table {@code fast} in the
 * form the fast path takes and on its twin {@code slow} with one value in parentheses (which the fast path does not
 * recognise, so Calcite plans it); results, warnings, last insert ids and the tables' rows must agree.
 */
class WriteFastPathTest {
    @TempDir
    Path dir;
    private EngineFixture db;

    @BeforeEach
    void open() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE w");
        db.exec("USE w");
        for (String t : List.of("fast", "slow")) {
            db.exec("CREATE TABLE " + t + " (id INT NOT NULL AUTO_INCREMENT, k INT NOT NULL DEFAULT 0, "
                    + "c CHAR(12) NOT NULL DEFAULT '', pad VARCHAR(20) DEFAULT 'p', PRIMARY KEY (id), KEY k_1 (k), "
                    + "CONSTRAINT " + t + "_small CHECK (k < 1000))");
            db.exec("INSERT INTO " + t + " (id, k, c) VALUES (1, 10, 'one'), (2, 20, 'two'), (3, 30, 'three')");
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** What a statement returned: its result or its error, and the warnings and last insert id after it. */
    private List<Object> outcome(String sql) {
        List<Object> out = new ArrayList<>();
        try {
            List<StatementResult> results = new ArrayList<>();
            db.engine().execute(db.session(), sql, false, results::add);
            StatementResult.Update u = assertInstanceOf(StatementResult.Update.class, results.get(0));
            out.add(u.affectedRows());
            out.add(u.lastInsertId());
            out.add(u.info());
        } catch (SqlError e) {
            out.add("error " + e.code() + ": " + e.getMessage().replace("slow", "fast"));
        }
        out.add(db.lines("SHOW WARNINGS").toString().replace("slow", "fast"));
        out.add(db.lines("SELECT LAST_INSERT_ID()"));
        return out;
    }

    private void same(String fastSql, String slowSql) {
        assertNotNull(WriteStatementParser.parse(fastSql), "the fast path recognises " + fastSql);
        assertNull(WriteStatementParser.parse(slowSql), "the fast path does not recognise " + slowSql);
        assertEquals(outcome(slowSql), outcome(fastSql), fastSql);
        assertEquals(db.lines("SELECT * FROM slow ORDER BY id"), db.lines("SELECT * FROM fast ORDER BY id"), fastSql);
    }

    @Test
    void updatesAgree() {
        same("UPDATE fast SET k=k+1 WHERE id=2", "UPDATE slow SET k=(k+1) WHERE id=2");
        same("UPDATE fast SET k = k - 5, c = 'changed' WHERE id = 3", "UPDATE slow SET k = k - 5, c = ('changed') WHERE id = 3");
        same("UPDATE `w`.`fast` SET c='two' WHERE id=2;", "UPDATE `w`.`slow` SET c=('two') WHERE id=2;");
        same("UPDATE fast SET k=k+1 WHERE id=99", "UPDATE slow SET k=k+1 WHERE id=(99)");
        same("UPDATE fast SET id=2 WHERE id=1", "UPDATE slow SET id=(2) WHERE id=1");
        same("UPDATE fast SET id=7, k=k WHERE id=1", "UPDATE slow SET id=(7), k=k WHERE id=1");
        same("UPDATE fast SET c='far too long for twelve' WHERE id=2", "UPDATE slow SET c=('far too long for twelve') WHERE id=2");
        same("UPDATE fast SET k=k+5000 WHERE id=2", "UPDATE slow SET k=(k+5000) WHERE id=2");
        same("UPDATE fast SET k='12' WHERE id=3", "UPDATE slow SET k=('12') WHERE id=3");
        same("UPDATE fast SET k=k+9223372036854775 WHERE id=3", "UPDATE slow SET k=(k+9223372036854775) WHERE id=3");
        db.exec("SET sql_mode = ''");
        same("UPDATE fast SET c='far too long for twelve' WHERE id=3", "UPDATE slow SET c=('far too long for twelve') WHERE id=3");
        same("UPDATE fast SET k='abc' WHERE id=2", "UPDATE slow SET k=('abc') WHERE id=2");
    }

    @Test
    void deletesAgree() {
        same("DELETE FROM fast WHERE id=2", "DELETE FROM slow WHERE id=(2)");
        same("DELETE FROM fast WHERE id=2", "DELETE FROM slow WHERE id=(2)");
        same("DELETE FROM w.fast WHERE id = -1", "DELETE FROM w.slow WHERE id = (-1)");
    }

    @Test
    void insertsAgree() {
        same("INSERT INTO fast (id, k, c, pad) VALUES (10, 1, 'ten', 'x')",
                "INSERT INTO slow (id, k, c, pad) VALUES ((10), 1, 'ten', 'x')");
        same("INSERT INTO fast (k, c) VALUES (5, 'auto')", "INSERT INTO slow (k, c) VALUES ((5), 'auto')");
        same("INSERT INTO fast (k, c) VALUES (6, 'a'), (7, 'b')", "INSERT INTO slow (k, c) VALUES ((6), 'a'), (7, 'b')");
        same("INSERT INTO fast VALUES (50, 8, 'all', 'cols')", "INSERT INTO slow VALUES ((50), 8, 'all', 'cols')");
        same("INSERT INTO fast (c) VALUES ('defaults')", "INSERT INTO slow (c) VALUES (('defaults'))");
        same("INSERT INTO fast (id, k) VALUES (1, 1)", "INSERT INTO slow (id, k) VALUES ((1), 1)");
        same("INSERT INTO fast (k) VALUES (1000)", "INSERT INTO slow (k) VALUES ((1000))");
        same("INSERT INTO fast (k, c) VALUES (1, 'much too long a value')",
                "INSERT INTO slow (k, c) VALUES ((1), 'much too long a value')");
        same("INSERT INTO fast (id, k) VALUES (0, 2)", "INSERT INTO slow (id, k) VALUES ((0), 2)");
        db.exec("SET sql_mode = ''");
        same("INSERT INTO fast (k, c) VALUES ('x', 'much too long a value')",
                "INSERT INTO slow (k, c) VALUES (('x'), 'much too long a value')");
    }

    @Test
    void errorsOfStatementsItDoesNotTakeComeFromTheGeneralPath() {
        // recognised shapes that the fast path hands over: unknown column, unknown table, count mismatch
        assertEquals(1054, assertThrows(SqlError.class, () -> db.exec("UPDATE fast SET nope=1 WHERE id=1")).code());
        assertEquals(1146, assertThrows(SqlError.class, () -> db.exec("DELETE FROM nope WHERE id=1")).code());
        assertEquals(1136, assertThrows(SqlError.class, () -> db.exec("INSERT INTO fast (k, c) VALUES (1)")).code());
        assertEquals(1110, assertThrows(SqlError.class, () -> db.exec("INSERT INTO fast (k, k) VALUES (1, 2)")).code());
    }

    @Test
    void triggersAndForeignKeysStillRun() {
        db.exec("CREATE TABLE audit (n INT)");
        db.exec("CREATE TRIGGER fast_upd AFTER UPDATE ON fast FOR EACH ROW INSERT INTO audit VALUES (NEW.k)");
        db.exec("UPDATE fast SET k=k+1 WHERE id=1");
        assertEquals(List.of("11"), db.lines("SELECT n FROM audit"));

        db.exec("CREATE TABLE parent (id INT PRIMARY KEY)");
        db.exec("CREATE TABLE child (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES parent (id))");
        db.exec("INSERT INTO parent VALUES (1)");
        db.exec("INSERT INTO child VALUES (1, 1)");
        assertEquals(1452, assertThrows(SqlError.class, () -> db.exec("INSERT INTO child VALUES (2, 9)")).code());
        assertEquals(1451, assertThrows(SqlError.class, () -> db.exec("DELETE FROM parent WHERE id=1")).code());
        assertEquals(1452, assertThrows(SqlError.class, () -> db.exec("UPDATE child SET p=5 WHERE id=1")).code());
    }

    @Test
    void aReadOnlyTransactionRefusesTheWrite() {
        db.exec("START TRANSACTION READ ONLY");
        assertEquals(1792, assertThrows(SqlError.class, () -> db.exec("UPDATE fast SET k=1 WHERE id=1")).code());
        db.exec("ROLLBACK");
    }

    @Test
    void theParserTakesOnlyItsShapes() {
        assertNotNull(WriteStatementParser.parse("update sbtest1 set k=k+1 where id=5020"));
        assertNotNull(WriteStatementParser.parse("DELETE FROM sbtest1 WHERE id=5020"));
        assertNotNull(WriteStatementParser.parse(
                "INSERT INTO sbtest1 (id, k, c, pad) VALUES (5020, 4996, '6-7-8', '1-2')"));
        for (String other : List.of("UPDATE t SET k=k+1 WHERE id=1 AND k=2", "UPDATE t SET k=NULL WHERE id=1",
                "UPDATE t SET k=k*2 WHERE id=1", "UPDATE t SET c='it''s' WHERE id=1", "UPDATE t SET c='a\\'b' WHERE id=1",
                "UPDATE t SET k=k+1 WHERE id='1'", "UPDATE t SET k=1 WHERE id=1 LIMIT 1", "UPDATE IGNORE t SET k=1 WHERE id=1",
                "DELETE FROM t WHERE id>1", "DELETE FROM t WHERE id=1 ORDER BY id", "INSERT t VALUES (1)",
                "INSERT INTO t VALUES (1, NULL)", "INSERT INTO t VALUES (1.5)", "INSERT INTO t VALUES (x'41')",
                "INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE k=1", "INSERT INTO t SELECT 1",
                "INSERT IGNORE INTO t VALUES (1)", "INSERT INTO t VALUES (_utf8mb4'a')", "INSERT INTO t VALUES (DEFAULT)",
                "UPDATE t SET k=k- -1 WHERE id=1", "UPDATE a, b SET a.k=1 WHERE a.id=1", "UPDATE t SET k=1 WHERE id=1; SELECT 1")) {
            assertNull(WriteStatementParser.parse(other), other);
        }
    }

    /**
     * The fast path remembers each table per root it resolved it in (WriteTargets); a trigger, a foreign key or a
     * generated column added after the table was remembered changes the root, so the next write sees it.
     */
    @Test
    void aRememberedTableSeesTriggersForeignKeysAndColumnsAddedLater() {
        WriteTargets targets = db.session().findDatabase("w").orElseThrow().writeTargets();
        db.exec("UPDATE fast SET k=k+1 WHERE id=1");
        long hits = targets.hits();
        db.exec("UPDATE fast SET k=k+1 WHERE id=1");
        assertEquals(hits + 1, targets.hits(), "the second autocommit write starts from the root the first wrote");

        db.exec("CREATE TABLE audit (n INT)");
        db.exec("CREATE TRIGGER fast_upd AFTER UPDATE ON fast FOR EACH ROW INSERT INTO audit VALUES (NEW.k)");
        db.exec("UPDATE fast SET k=k+1 WHERE id=1");
        db.exec("UPDATE fast SET k=k+1 WHERE id=1");
        assertEquals(List.of("13", "14"), db.lines("SELECT n FROM audit ORDER BY n"));
        db.exec("DROP TRIGGER fast_upd");

        db.exec("UPDATE fast SET k=k+1 WHERE id=2");
        db.exec("CREATE TABLE child (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES fast (id))");
        db.exec("INSERT INTO child VALUES (1, 2)");
        assertEquals(1451, assertThrows(SqlError.class, () -> db.exec("DELETE FROM fast WHERE id=2")).code());
        db.exec("SET foreign_key_checks = 0");
        db.exec("DELETE FROM fast WHERE id=2"); // checks off: the remembered table is writable again
        db.exec("SET foreign_key_checks = 1");
        assertEquals(List.of("1", "3"), db.lines("SELECT id FROM fast ORDER BY id"));

        db.exec("UPDATE fast SET k=k+1 WHERE id=3");
        db.exec("ALTER TABLE fast ADD COLUMN k2 INT AS (k * 2)");
        db.exec("UPDATE fast SET k=100 WHERE id=3");
        assertEquals(List.of("200"), db.lines("SELECT k2 FROM fast WHERE id=3"));
    }

    @Test
    void aRememberedTableIsNotWrittenInsideItsOwnTrigger() {
        db.exec("UPDATE fast SET k=k+1 WHERE id=1");
        db.exec("UPDATE fast SET k=k+1 WHERE id=1");
        db.exec("CREATE TRIGGER fast_self AFTER UPDATE ON fast FOR EACH ROW UPDATE fast SET k=1 WHERE id=3");
        assertEquals(1442, assertThrows(SqlError.class, () -> db.exec("UPDATE fast SET k=k+1 WHERE id=1")).code());
    }
}
