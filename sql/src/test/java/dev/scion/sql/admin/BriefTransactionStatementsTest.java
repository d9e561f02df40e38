package dev.scion.sql.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.sql.EngineFixture;

/** Only plain transaction boundaries of a session without writes are brief; a COMMIT with writes never is. */
class BriefTransactionStatementsTest {
    @TempDir
    Path dir;
    EngineFixture db;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        db.exec("INSERT INTO t VALUES (1, 10)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void recognisesThePlainForms() {
        for (String sql : List.of("BEGIN", "begin;", "  Begin  Work ; ", "START TRANSACTION",
                "start transaction read only", "COMMIT", "commit work;", "ROLLBACK", "Rollback\n")) {
            assertTrue(BriefTransactionStatements.isPlainBoundary(sql), sql);
        }
        for (String sql : List.of("COMMIT AND CHAIN", "ROLLBACK TO SAVEPOINT a", "SAVEPOINT a", "BEGINS",
                "SELECT 1", "COMMIT; DELETE FROM t", "")) {
            assertFalse(BriefTransactionStatements.isPlainBoundary(sql), sql);
        }
    }

    @Test
    void aReadOnlyTransactionsBoundariesAreBriefAndAWritingOnesCommitIsNot() {
        var engine = db.engine();
        var session = db.session();
        assertTrue(engine.runsBriefly(session, "BEGIN"));
        db.exec("BEGIN");
        db.rows("SELECT v FROM t WHERE id = 1");
        assertTrue(engine.runsBriefly(session, "COMMIT"), "only reads so far");
        db.exec("UPDATE t SET v = 11 WHERE id = 1");
        assertFalse(engine.runsBriefly(session, "COMMIT"), "a write to install");
        assertFalse(engine.runsBriefly(session, "BEGIN"), "BEGIN would commit the write first");
        assertFalse(engine.runsBriefly(session, "ROLLBACK"));
        db.exec("COMMIT");
        assertTrue(engine.runsBriefly(session, "COMMIT"));
        assertEquals(11L, ((Number) db.rows("SELECT v FROM t WHERE id = 1").get(0)[0]).longValue());
    }

    @Test
    void aPreparedBeginIsBriefLikeItsText() {
        var session = db.session();
        assertTrue(db.engine().prepare(session, "BEGIN").runsBriefly(session));
        assertFalse(db.engine().prepare(session, "DELETE FROM t WHERE id = ?").runsBriefly(session));
    }
}
