package dev.scion.storage.chunk;

import dev.scion.storage.Hash;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Synced commits per second of a store at several threads, with one and with two redo-log syncs in flight
 * ({@link StoreOptions#syncsInFlight()}), alternated: the store's part of a four-thread write load without the SQL
 * engine's CPU, so the sync, not the processor, sets the pace (as on an idle machine). Each commit is one
 * transaction's worth of new chunks (like oltp_write_only's: {@code chunks} of 4 KiB) and a working-set-like ref,
 * after {@code work} microseconds of spinning that stand for the statements. A main, not a test (docs/performance.md,
 * "Round 24 (four-thread writes)").
 *
 * <p>Run: java -cp storage/target/test-classes:storage/target/classes:CLASSPATH
 * dev.scion.storage.chunk.SyncOverlapBench [seconds per run] [threads] [work us] [chunks] [rounds]
 * [syncs in flight to alternate, comma-separated; default 1,2]
 */
public final class SyncOverlapBench {
    private SyncOverlapBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int workMicros = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int chunks = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        String[] inFlightCounts = (args.length > 5 ? args[5] : "1,2").split(",");
        System.out.printf(Locale.ROOT, "%d threads, %d us of work and %d chunks of 4 KiB per commit, %d s per run%n",
                threads, workMicros, chunks, seconds);
        for (int round = 1; round <= rounds; round++) {
            for (String inFlight : inFlightCounts) {
                run(round, Integer.parseInt(inFlight.trim()), seconds, threads, workMicros, chunks);
            }
        }
    }

    private static void run(int round, int inFlight, int seconds, int threads, int workMicros, int chunks)
            throws Exception {
        Path dir = Files.createTempDirectory("sync-overlap-bench");
        try (RocksChunkStore store = RocksChunkStore.open(dir,
                StoreOptions.defaults().withNursery(true).withSyncsInFlight(inFlight))) {
            AtomicLong commits = new AtomicLong();
            AtomicLong waitNanos = new AtomicLong();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long t0 = System.nanoTime();
            long syncs = store.walSyncs();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        long n = 0;
                        byte[] previous = null;
                        while (System.nanoTime() < end) {
                            long spin = System.nanoTime() + workMicros * 1_000L;
                            while (System.nanoTime() < spin) {
                                Thread.onSpinWait();
                            }
                            Map<Hash, byte[]> batch = new HashMap<>();
                            for (int c = 0; c < chunks; c++) {
                                byte[] chunk = ByteBuffer.allocate(4096).putInt(thread).putLong(n).putInt(c).array();
                                batch.put(Hash.of(chunk), chunk);
                            }
                            byte[] ref = Hash.of(batch.keySet().iterator().next().bytes()).bytes();
                            long written = store.write(batch, List.of(RefUpdate.cas("ws" + thread, previous, ref)));
                            long w0 = System.nanoTime();
                            store.awaitDurable(written);
                            waitNanos.addAndGet(System.nanoTime() - w0);
                            previous = ref;
                            n++;
                            commits.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            long n = commits.get();
            System.out.printf(Locale.ROOT, "round %d, %d in flight: %7.0f commits/s, %.3f syncs per commit, "
                    + "%.0f us waiting for durability per commit%n", round, inFlight, n / wall,
                    (double) (store.walSyncs() - syncs) / n, waitNanos.get() / 1e3 / n);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
