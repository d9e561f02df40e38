package dev.scion.it.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.Sql;

/**
 * Issue 10's automatic garbage collection on a running server: writers rewrite large rows over and over (every
 * rewrite leaves the old tree nodes behind) with a 4 MiB threshold; the server collects by itself while they
 * write, the database's directory stays far below what was written, and every acknowledged value is there,
 * before and after a restart.
 *
 * <p>The server runs without the chunk nursery, which keeps nearly all of this garbage from ever reaching disk (so
 * the threshold would hardly be crossed; {@link NurseryGarbageTest} covers the default server): here every rewrite's
 * old nodes land in the store, as they do for chunks that outlive a drain, and the collector has to keep up.
 */
class AutoGcTest {
    private static final long THRESHOLD = 4L << 20;
    /** Payload rewritten before the collections are looked at: 20 times the threshold. */
    private static final long PAYLOAD_TO_WRITE = 80L << 20;

    @ManagedServer(value = "autogc", args = {"--auto-gc-threshold", "" + THRESHOLD},
            jvmArgs = "-Dscion.storage.nursery=false",
            managedOnly = "measures the data directory, so needs a managed server")
    static ScionServerProcess server;

    static Connection connect(String db) throws SQLException {
        return ConnectorJ.V9.connect(server, db, false);
    }

    @Test
    void theSettingsAreSystemVariables() throws SQLException {
        try (Connection c = connect(null)) {
            assertEquals("1", Sql.scalar(c, "SELECT @@GLOBAL.scion_auto_gc"));
            assertEquals(String.valueOf(THRESHOLD), Sql.scalar(c, "SELECT @@GLOBAL.scion_auto_gc_threshold"));
            Sql.exec(c, "SET GLOBAL scion_auto_gc_threshold = " + (THRESHOLD * 2));
            assertEquals(String.valueOf(THRESHOLD * 2), Sql.scalar(c, "SELECT @@GLOBAL.scion_auto_gc_threshold"));
            Sql.exec(c, "SET GLOBAL scion_auto_gc_threshold = " + THRESHOLD);
            Sql.exec(c, "SET GLOBAL scion_auto_gc = OFF");
            assertEquals("0", Sql.scalar(c, "SELECT @@GLOBAL.scion_auto_gc"));
            SQLException bad = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> Sql.exec(c, "SET GLOBAL scion_auto_gc = 'sometimes'"));
            assertEquals(1231, bad.getErrorCode());
            Sql.exec(c, "SET GLOBAL scion_auto_gc = ON");
            assertEquals("1", Sql.scalar(c, "SELECT @@GLOBAL.scion_auto_gc"));
        }
    }

    @Test
    void rewritesAreCollectedWhileWritersRunAndNothingAcknowledgedIsLost() throws Exception {
        RewriteWorkload load = new RewriteWorkload(server, "auto_gc");
        load.load();
        int collectionsBefore = load.collectionsLogged();
        load.rewrite(PAYLOAD_TO_WRITE, () -> load.collectionsLogged() - collectionsBefore >= 3);
        int collections = load.collectionsLogged() - collectionsBefore;
        assertTrue(collections >= 3, "the server collected by itself while the writers ran: " + collections
                + " collections after " + (load.written() >> 20) + " MB of rewrites");

        // Once the writers stop, what grew since the last collection is either below the threshold or collected
        // at the next check: the directory comes back to about the live data plus one threshold (the live rows
        // take about 2 MB), whatever the machine's speed.
        load.assertDirectoryComesBelow(4 * THRESHOLD);
        load.checkEverythingThere();
        server.restart();
        load.checkEverythingThere();
    }
}
