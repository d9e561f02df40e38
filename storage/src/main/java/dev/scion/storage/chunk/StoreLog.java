package dev.scion.storage.chunk;

import dev.scion.storage.log.LogFiles;
import dev.scion.storage.log.LogReader;
import dev.scion.storage.log.RedoLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDBException;

/**
 * Makes a {@link RocksChunkStore}'s writes durable through its own {@link RedoLog} instead of RocksDB's
 * write-ahead log (which the store turns off for every write): a change is appended to the log as one record
 * and then applied to RocksDB's memtables; {@link #sync} makes every record so far durable. At open the records
 * after the log's checkpoint are replayed into RocksDB and, if there were any, RocksDB is flushed; before the log
 * overwrites a segment RocksDB flushes what that segment carried. See docs/reliability.md for why this keeps
 * every acknowledged commit.
 */
final class StoreLog implements AutoCloseable {
  /** The log's directory inside the store directory (RocksDB leaves files it does not know alone). */
  static final String DIR = RocksChunkStore.REDO_LOG_DIRECTORY;
  private static final String IMMUTABLE_MEMTABLES = "rocksdb.num-immutable-mem-table";
  private static final String BACKGROUND_ERRORS = "rocksdb.background-errors";
  /** How long to wait for a background flush before forcing one that reports its failure. */
  private static final long FLUSH_POLL_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final RocksHandles rocks;
  private final RedoLog log;
  private final long maxPayloadBytes;
  private final long recordsReplayed;
  /** The store's young generation and its drains; null when commits write their chunks to RocksDB at once. */
  private final NurseryDrainer drainer;
  /** A drain is also started when the nursery holds more than this, so that its memory stays bounded. */
  private final long nurseryBoundBytes;

  private StoreLog(RocksHandles rocks, RedoLog log, long maxPayloadBytes, long recordsReplayed,
      NurseryDrainer drainer, long nurseryBoundBytes) {
    this.rocks = rocks;
    this.log = log;
    this.maxPayloadBytes = maxPayloadBytes;
    this.recordsReplayed = recordsReplayed;
    this.drainer = drainer;
    this.nurseryBoundBytes = nurseryBoundBytes;
  }

  /**
   * Replays the records after the checkpoint of the log in {@code storeDir} into {@code rocks}, flushes RocksDB
   * if there were any, and opens the log for writing.
   */
  static StoreLog open(Path storeDir, RocksHandles rocks, RedoLog.Sizing sizing, LogFiles files,
      NurseryDrainer drainer) throws IOException, RocksDBException {
    Path dir = storeDir.resolve(DIR);
    LogReader.End end = LogReader.replay(dir, files, payload -> apply(rocks, payload));
    if (end.records() > 0) {
      flushAndWait(rocks);
    }
    RedoLog log = RedoLog.open(dir, sizing, end, new RedoLog.Checkpoints() {
      @Override
      public void startFlush() throws IOException {
        if (drainer != null) {
          // the drain writes the live young chunks of every record so far, then starts the flush itself
          drainer.freezeAndStart();
          return;
        }
        try (FlushOptions fo = new FlushOptions().setWaitForFlush(false)) {
          rocks.db.flush(fo, List.of(rocks.chunks, rocks.refs));
        } catch (RocksDBException e) {
          throw new IOException(e.getMessage(), e);
        }
      }

      @Override
      public void awaitFlushes() throws IOException {
        if (drainer != null) {
          drainer.await();
        }
        try {
          awaitBackgroundFlushes(rocks);
        } catch (RocksDBException e) {
          throw new IOException(e.getMessage(), e);
        }
      }

      @Override
      public boolean flushesDone() throws IOException {
        try {
          return (drainer == null || drainer.done()) && immutableMemtables(rocks) == 0;
        } catch (RocksDBException e) {
          throw new IOException(e.getMessage(), e);
        }
      }
    }, files);
    return new StoreLog(rocks, log, sizing.maxPayloadBytes(), end.records(), drainer, 4 * sizing.segmentBytes());
  }

  private static void apply(RocksHandles rocks, byte[] payload) {
    try (org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch()) {
      LoggedBatch.replay(payload, new LoggedBatch.Target() {
        @Override
        public void putChunk(byte[] address, byte[] chunk) throws RocksDBException {
          batch.put(rocks.chunks, address, chunk);
        }

        @Override
        public void putRef(byte[] name, byte[] value) throws RocksDBException {
          batch.put(rocks.refs, name, value);
        }

        @Override
        public void deleteRef(byte[] name) throws RocksDBException {
          batch.delete(rocks.refs, name);
        }
      });
      rocks.db.write(rocks.unlogged, batch);
    } catch (RocksDBException e) {
      throw new StorageException("cannot replay the redo log: " + e.getMessage(), e);
    }
  }

  /**
   * Applies {@code batch} to RocksDB after logging it; durable once a later {@link #sync} returns. A change too
   * large for one record writes its chunks to RocksDB and flushes them there first, then logs only its refs, so
   * that a ref is never durable before the chunks it names. Writes are serialised, so that a flush the log starts
   * inside an append holds every record appended before it (what the log's checkpoint relies on).
   */
  synchronized void write(LoggedBatch batch) throws IOException, RocksDBException {
    if (batch.payloadBytes() <= maxPayloadBytes) {
      log.append(batch.record());
      if (batch.hasRocksChunks()) {
        rocks.db.write(rocks.unlogged, batch.chunks);
      }
      if (batch.hasYoungChunks()) {
        // after the append: a drain the append started (a segment change) covers the records before this one
        batch.putYoungChunks(drainer.nursery());
        if (drainer.nursery().bytes() > nurseryBoundBytes && drainer.done()) {
          drainer.freezeAndStart();
        }
      }
    } else {
      if (batch.hasYoungChunks()) {
        // these reach RocksDB now and may name young chunks, below which no drain's walk would look
        drainer.nursery().keepEverythingSoFar();
      }
      batch.youngChunksToRocks();
      rocks.db.write(rocks.unlogged, batch.chunks);
      flushAndWait(rocks);
      if (batch.hasRefs()) {
        log.append(batch.refRecord());
      }
    }
    if (batch.hasRefs()) {
      rocks.db.write(rocks.unlogged, batch.refs);
    }
  }

  /**
   * Ends the nursery's current generation at this record boundary and starts its drain (tests, and a garbage
   * collection that wants the young garbage gone first); {@link NurseryDrainer#await} waits for it.
   */
  synchronized void drainNursery(boolean keepAll) {
    if (drainer != null) {
      drainer.freezeAndStart(keepAll);
    }
  }

  /** Makes every change {@link #write} returned for durable (one fdatasync). */
  void sync() throws IOException {
    log.sync();
  }

  /** The generation the log writes (for tests). */
  long generation() {
    return log.generation();
  }

  /** Records the open replayed: none after a clean close. */
  long recordsReplayed() {
    return recordsReplayed;
  }

  /** Flushes RocksDB's memtables and waits until they are in synced table files. */
  static void flushAndWait(RocksHandles rocks) throws RocksDBException {
    try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
      rocks.db.flush(fo, List.of(rocks.chunks, rocks.refs));
    }
  }

  /**
   * Waits until no memtable that was switched out is still unflushed, i.e. every flush started so far is done,
   * without flushing the memtable now being filled. A flush that failed (or takes too long) is forced with a
   * waiting flush, which reports the failure.
   */
  private static void awaitBackgroundFlushes(RocksHandles rocks) throws RocksDBException {
    long deadline = System.nanoTime() + FLUSH_POLL_LIMIT_NANOS;
    while (immutableMemtables(rocks) > 0) {
      if (rocks.db.getLongProperty(BACKGROUND_ERRORS) > 0 || System.nanoTime() > deadline) {
        flushAndWait(rocks);
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** Memtables switched out but not yet in table files, in both column families. */
  private static long immutableMemtables(RocksHandles rocks) throws RocksDBException {
    return rocks.db.getLongProperty(rocks.chunks, IMMUTABLE_MEMTABLES)
        + rocks.db.getLongProperty(rocks.refs, IMMUTABLE_MEMTABLES);
  }

  /**
   * Flushes RocksDB and records in the log's checkpoint that its tables hold every record, so that the next
   * open replays nothing; then closes. Called with no write running. If the flush or the checkpoint fails, the
   * log still holds every synced record and the next open replays them.
   */
  void closeClean() throws IOException {
    try {
      flushAndWait(rocks);
      log.checkpointAll();
    } catch (RocksDBException | IOException e) {
      // see above: nothing is lost, the next open only has more to replay
    }
    close();
  }

  @Override
  public void close() throws IOException {
    log.close();
  }
}
