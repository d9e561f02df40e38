package dev.scion.it.gc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;

/**
 * The default server (chunk nursery on) under the rewrite load of {@link AutoGcTest}: the tree nodes a statement
 * replaces mostly die young and never reach RocksDB, what does reach it is collected automatically, so the directory
 * stays near the live data whatever was written, and every acknowledged value is there, also after a
 * restart, which leaves no garbage behind.
 */
class NurseryGarbageTest {
    private static final long THRESHOLD = 4L << 20;
    private static final long PAYLOAD_TO_WRITE = 80L << 20;

    @ManagedServer(value = "nursery-gc", args = {"--auto-gc-threshold", "" + THRESHOLD},
            managedOnly = "measures the data directory, so needs a managed server")
    static ScionServerProcess server;

    @Test
    void rewritesLeaveTheDirectoryNearTheLiveDataAndNothingAcknowledgedIsLost() throws Exception {
        RewriteWorkload load = new RewriteWorkload(server, "nursery_gc");
        load.load();
        load.rewrite(PAYLOAD_TO_WRITE, () -> true);

        load.assertDirectoryComesBelow(4 * THRESHOLD);
        load.checkEverythingThere();
        server.restart();
        load.checkEverythingThere();
        // the clean close judged the young chunks before writing them out: only live ones reached the disk (written
        // all, the garbage of the last few log segments came to tens of MB, which the collector, whose baseline is
        // taken at open, would not take back before another threshold's growth)
        long size = load.directorySize();
        assertTrue(size < 4 * THRESHOLD, "a restart leaves the directory bounded: " + (size >> 20) + " MB");
    }
}
