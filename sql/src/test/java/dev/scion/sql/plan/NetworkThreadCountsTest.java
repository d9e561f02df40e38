package dev.scion.sql.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import static dev.scion.sql.plan.SysbenchTable.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which statements the engine lets the server run on its network thread (no hand-off to a worker).
 * Part of the counts regression check (see {@link SysbenchTable}).
 */
class NetworkThreadCountsTest {
    @RegisterExtension
    static final SysbenchTable db = new SysbenchTable();

    /**
     * Round 13 (docs/performance.md): a one-row autocommit write of a shape the fast path served is one the server
     * may run on its network thread while idle (no hand-off to a worker and back; server's WriteHandOffsTest counts
     * those), also inside a transaction that holds locks itself, but not while another session holds a row lock.
     */
    @Test
    void aRepeatedOneRowAutocommitWriteMayRunOnTheNetworkThread() {
        IntFunction<String> update = i -> "UPDATE sbtest1 SET c = '" + String.format(Locale.ROOT, "%011d", 700 + i)
                + "-c' WHERE id = " + (4000 + i);
        db.exec(update.apply(0));
        int brief = 0;
        for (int i = 1; i <= 500; i++) {
            String sql = update.apply(i);
            if (db.engine().runsBrieflyWhenIdle(db.session(), sql)) {
                brief++;
            }
            db.exec(sql);
        }
        figure("of 500 repeated one-row autocommit UPDATEs, those the engine lets the network thread run", brief);
        assertEquals(500, brief);
        db.exec("BEGIN");
        db.exec(update.apply(1));
        boolean inTransaction = db.engine().runsBrieflyWhenIdle(db.session(), update.apply(2));
        db.exec("COMMIT");
        assertTrue(inTransaction, "inside BEGIN ... COMMIT the only row locks held are the session's own");
        var other = db.engine().openSession(600, "root", "localhost", true);
        db.engine().execute(other, "USE bench", false, r -> { });
        db.engine().execute(other, "BEGIN", false, r -> { });
        db.engine().execute(other, "UPDATE sbtest1 SET k = k + 1 WHERE id = 4999", false, r -> { });
        boolean lockHeld = db.engine().runsBrieflyWhenIdle(db.session(), update.apply(3));
        db.engine().execute(other, "ROLLBACK", false, r -> { });
        assertEquals(false, lockHeld, "another session holds a row lock");
        assertTrue(db.engine().runsBrieflyWhenIdle(db.session(), update.apply(3)));
    }

    @Test
    void transactionStatementsWithNothingToWriteRunOnTheNetworkThread() {
        var session = db.session();
        db.rows("SELECT c FROM sbtest1 WHERE id = 6"); // the fast path has answered this shape before
        int handOffs = 0;
        for (String sql : List.of("BEGIN", "SELECT c FROM sbtest1 WHERE id = 7", "COMMIT")) {
            if (!db.engine().runsBriefly(session, sql)) {
                handOffs++;
            }
            db.rows(sql);
        }
        figure("thread hand-offs of a read-only BEGIN / point SELECT / COMMIT transaction", handOffs);
        assertEquals(0, handOffs);
        db.exec("BEGIN");
        db.exec("UPDATE sbtest1 SET k = k WHERE id = 8");
        db.exec("UPDATE sbtest1 SET c = 'x' WHERE id = 9");
        assertEquals(false, db.engine().runsBriefly(session, "COMMIT"), "a COMMIT with writes syncs");
        assertEquals(false, db.engine().runsBriefly(session, "BEGIN"), "BEGIN would commit the writes first");
        db.exec("ROLLBACK");
        assertEquals(true, db.engine().runsBriefly(session, "start  transaction;"));
        assertEquals(false, db.engine().runsBriefly(session, "COMMIT AND CHAIN"));
    }
}
