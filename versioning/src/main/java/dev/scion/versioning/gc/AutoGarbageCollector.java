package dev.scion.versioning.gc;

import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StorageException;
import dev.scion.storage.gc.GcPostponedException;
import dev.scion.storage.gc.GcResult;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a database's garbage by itself once its chunk store has grown by a threshold since the last collection
 * (or since the server first saw it open), like Dolt's automatic GC. Every write leaves the tree nodes it replaced
 * behind, so without this a busy server's directory only grows.
 *
 * <p>One background thread checks the open databases at a fixed delay; a database is collected with the ordinary
 * online collector ({@link Repository#gc()}), so writers keep running (paused only for its final mark and each
 * delete batch) and every chunk reachable from a ref, working set, pin or running statement stays. Databases
 * not opened since start cannot have grown and are not looked at. The settings are read at each check, so a
 * change of the system variables takes effect without a restart.
 */
public final class AutoGarbageCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutoGarbageCollector.class);

    /**
     * @param enabled whether collections start by themselves
     * @param thresholdBytes growth of a database's files on disk since the last collection that starts the
     *     next one
     */
    public record Settings(boolean enabled, long thresholdBytes) {
        /** 256 MiB: large next to the tree nodes one commit leaves (a few KB), small next to a disk. */
        public static final long DEFAULT_THRESHOLD = 256L * 1024 * 1024;
        public static final long MIN_THRESHOLD = 1024L * 1024;

        public Settings {
            if (thresholdBytes < MIN_THRESHOLD) {
                throw new IllegalArgumentException("auto GC threshold must be at least " + MIN_THRESHOLD + " bytes");
            }
        }

        public static Settings defaults() {
            return new Settings(true, DEFAULT_THRESHOLD);
        }
    }

    private final DataDirectory directory;
    private final Supplier<Settings> settings;
    /** Store size after the last collection (or when first seen), per open repository; the checker thread only. */
    private final Map<Repository, Long> baselines = new IdentityHashMap<>();
    private final AtomicLong collections = new AtomicLong();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scion-auto-gc");
        t.setDaemon(true);
        // below the threads that serve statements: a collection is background work
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    public AutoGarbageCollector(DataDirectory directory, Supplier<Settings> settings) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Starts checking every {@code intervalMillis}. */
    public AutoGarbageCollector start(long intervalMillis) {
        thread.scheduleWithFixedDelay(this::checkSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Collections run so far. */
    public long collections() {
        return collections.get();
    }

    private void checkSafely() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep checking
            LOG.warn("automatic garbage collection check failed: {}", e.toString());
        }
    }

    /**
     * One round: collects every open database whose store grew past the threshold. Returns how many were
     * collected. Runs on the checker thread (tests call it directly, with the thread not started).
     */
    public synchronized int checkNow() {
        Settings s = settings.get();
        List<Repository> open = directory.openRepositories();
        baselines.keySet().retainAll(identitySet(open).keySet());
        int collected = 0;
        for (Repository repo : open) {
            long size;
            try {
                size = diskBytes(repo.directory());
            } catch (StorageException closedMeanwhile) {
                baselines.remove(repo);
                continue;
            } catch (java.io.UncheckedIOException unreadable) {
                continue; // the directory could not be listed this time (moved by a drop): look again next round
            }
            Long baseline = baselines.putIfAbsent(repo, size);
            if (baseline == null || !s.enabled() || size - baseline < s.thresholdBytes()) {
                continue;
            }
            if (collect(repo, size - baseline)) {
                collected++;
            }
        }
        return collected;
    }

    private boolean collect(Repository repo, long grown) {
        try {
            GcResult r = repo.gc();
            collections.incrementAndGet();
            baselines.put(repo, baselineAfter(diskBytes(repo.directory()), r));
            LOG.info("automatic garbage collection of {} (grew {} MB): deleted {} of {} chunks, {} MB -> {} MB,"
                    + " writers paused {} ms", repo.directory().getFileName(), grown >> 20, r.deletedChunks(),
                    r.storedChunksBefore(), r.bytesBefore() >> 20, r.bytesAfter() >> 20, r.pausedNanos() / 1_000_000);
            return true;
        } catch (GcPostponedException e) {
            // long statements outlasted the fence; the growth is still there, so the next round tries again
            LOG.info("automatic garbage collection of {} postponed: {}", repo.directory().getFileName(),
                    e.getMessage());
        } catch (java.io.UncheckedIOException | StorageException e) {
            // dropped or closed while collecting: nothing to keep track of any more
            baselines.remove(repo);
            LOG.debug("automatic garbage collection of {} stopped: {}", repo.directory().getFileName(), e.toString());
        }
        return false;
    }

    /**
     * The size the next collection's growth is measured from. Chunks written while a collection ran are all kept,
     * even those already garbage again, so they count as growth: a collection that writers outran under load is
     * followed by another once they stop, instead of leaving what they wrote on disk until the next threshold's
     * worth of writes.
     */
    static long baselineAfter(long diskBytesAfter, GcResult r) {
        return Math.max(0, diskBytesAfter - r.barrierBytes());
    }

    /**
     * The bytes the database's files take on disk: SST and blob files, manifests. What a user sees grow, and
     * unlike RocksDB's own estimate it leaves out the memtables' arena blocks. The store's redo log is left out:
     * its segments are preallocated up to a fixed ring (64 MiB), which no collection can shrink.
     */
    static long diskBytes(java.nio.file.Path dir) {
        long total = 0;
        try (java.nio.file.DirectoryStream<java.nio.file.Path> entries = java.nio.file.Files.newDirectoryStream(dir)) {
            for (java.nio.file.Path p : entries) {
                try {
                    var attributes = java.nio.file.Files.readAttributes(p,
                            java.nio.file.attribute.BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isDirectory()) {
                        if (!p.getFileName().toString().equals(RocksChunkStore.REDO_LOG_DIRECTORY)) {
                            total += diskBytes(p);
                        }
                    } else if (attributes.isRegularFile()) {
                        total += attributes.size();
                    }
                } catch (java.io.IOException | java.io.UncheckedIOException goneMeanwhile) {
                    // a compaction deleted the file between the listing and this look: it takes no room now
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return total;
    }

    private static Map<Repository, Boolean> identitySet(List<Repository> repos) {
        Map<Repository, Boolean> m = new IdentityHashMap<>();
        for (Repository r : repos) {
            m.put(r, Boolean.TRUE);
        }
        return m;
    }

    /** Stops checking; waits for a collection in progress to finish (it must not outlive the stores). */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("automatic garbage collection did not stop within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
