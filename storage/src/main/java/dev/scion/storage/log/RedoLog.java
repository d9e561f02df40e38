package dev.scion.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A write-ahead log that overwrites preallocated files in place, so that syncing a record (fdatasync) only has
 * to write the record's pages: the file's size never changes while records are written, so no file-system
 * journal commit is needed. (On this project's ext4 an appending fdatasync took three times as long.)
 *
 * <p>The log is a ring of segment files. Records go into the current segment until the next does not fit; then
 * the segment is synced and the next one in the ring, with a generation one higher, is started. Before a
 * segment is overwritten, the database the log protects must hold everything its records carried: the log asks
 * for that through {@link Checkpoints}. Whenever it learns that the database's flushes have finished, it records
 * how far the database holds its records in a {@link Checkpoint}, so that an open replays only what comes after
 * (and a cleanly closed database, nothing: {@link #checkpointAll}). A segment file is filled with real zeros when created or grown (not
 * fallocate: unwritten extents would still need a journal commit when first written) and synced once, with its
 * directory. The format and the reasoning are in docs/storage-format.md and docs/reliability.md.
 *
 * <p>{@link #append} is serialised; {@link #sync} may run concurrently with it and makes every record appended
 * before it was called durable.
 */
public final class RedoLog implements AutoCloseable {
  /** What the log needs from the database it protects. */
  public interface Checkpoints {
    /** Starts making everything applied to the database so far durable in the database itself. */
    void startFlush() throws IOException;

    /** Returns once every flush started so far is complete. */
    void awaitFlushes() throws IOException;

    /** Whether every flush started so far is complete, without waiting. */
    boolean flushesDone() throws IOException;
  }

  /**
   * How many segment files the ring has and how large they are: the first file created is
   * {@code firstSegmentBytes} and each later one twice the one before, up to {@code segmentBytes}, so a small
   * database does not write megabytes of zeros; a file in its second round is grown to {@code segmentBytes}.
   */
  public record Sizing(int segments, long firstSegmentBytes, long segmentBytes) {
    public Sizing {
      if (segments < 2 || firstSegmentBytes < 4096 || segmentBytes < firstSegmentBytes) {
        throw new IllegalArgumentException("a log needs 2 or more segments of 4 KiB or more: " + this);
      }
    }

    /** 4 segments growing from 1 MiB to 16 MiB: at most 64 MiB of log, as RocksDB's WAL was capped at. */
    public static Sizing defaults() {
      return new Sizing(4, 1L << 20, 16L << 20);
    }

    /** The largest payload {@link RedoLog#append} accepts; larger changes must reach the database otherwise. */
    public long maxPayloadBytes() {
      return segmentBytes / 4;
    }
  }

  private static final int ZEROS = 1 << 20;

  private final Path dir;
  private final Sizing sizing;
  private final Checkpoints checkpoints;
  private final LogFiles fs;
  /** Opened by {@link #open}; written when a checkpoint becomes known. */
  private CheckpointFile checkpointFile;
  /** What the database will hold once every flush started so far is complete; null if already recorded. */
  private Checkpoint pending;
  private final FileChannel[] files;
  /** The generation each segment file holds records of (0: only records the database already has). */
  private final long[] segmentGeneration;
  /** Creates or grows the segment after the current one while the current one fills. */
  private final ExecutorService preparer;
  /** Per segment, its creation or growth running on {@link #preparer}, or null. */
  private final Future<?>[] preparing;
  private volatile FileChannel active;
  private int current;
  private long generation;
  private long position;
  private long capacity;
  private long nextSequence;
  /** Every generation up to this one has been flushed in a database flush started when it was left or later. */
  private long coveredThrough;
  /** Every generation up to this one is known to be in the database's own files. */
  private long flushedThrough;
  /** Set when a write failed part-way: the next record starts a new segment instead of writing over it. */
  private boolean torn;

  private RedoLog(Path dir, Sizing sizing, Checkpoints checkpoints, LogFiles fs) {
    this.dir = dir;
    this.sizing = sizing;
    this.checkpoints = checkpoints;
    this.fs = fs;
    this.files = new FileChannel[sizing.segments()];
    this.segmentGeneration = new long[sizing.segments()];
    this.preparing = new Future<?>[sizing.segments()];
    this.preparer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "scion-redo-log-prepare");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Opens the log in {@code dir} for writing after its records were replayed ({@code end} is what
   * {@link LogReader#replay} returned) and the database made them durable in its own files, if there were any:
   * every segment may be overwritten. Writing starts a generation above any that may be on disk, so nothing
   * left there (even a torn first record) can pass for a new record. Records a checkpoint unless the one the
   * replay started from still says it all.
   */
  public static RedoLog open(Path dir, Sizing sizing, LogReader.End end, Checkpoints checkpoints, LogFiles fs)
      throws IOException {
    if (!fs.exists(dir)) {
      fs.createDirectory(dir);
    }
    RedoLog log = new RedoLog(dir, sizing, checkpoints, fs);
    try {
      log.checkpointFile = CheckpointFile.open(dir, fs);
      // More than a ring's worth above the newest generation found, in the file after the newest: no
      // generation that may have been started before (its first record torn) is ever used twice.
      log.generation = end.generation() + sizing.segments() + 1;
      log.coveredThrough = log.generation - 1;
      log.flushedThrough = log.generation - 1;
      log.nextSequence = end.nextSequence();
      log.begin(0);
      if (end.records() > 0 || !end.fromCheckpoint()) {
        log.checkpointFile.write(new Checkpoint(end.nextSequence() - 1, log.generation, log.current, 0));
      }
      return log;
    } catch (IOException | RuntimeException e) {
      log.close();
      throw e;
    }
  }

  /** Writes one record (unsynced: see {@link #sync}). */
  public void append(byte[] payload) throws IOException {
    RecordBuffer record = new RecordBuffer(payload.length);
    record.put(payload);
    append(record);
  }

  /** Writes the record assembled in {@code record}, filling in its header (unsynced: see {@link #sync}). */
  public synchronized void append(RecordBuffer record) throws IOException {
    int length = record.payloadLength();
    if (length > sizing.maxPayloadBytes()) {
      throw new IllegalArgumentException("log record of " + length + " bytes exceeds "
          + sizing.maxPayloadBytes());
    }
    int size = record.recordLength();
    if (torn || position + size > capacity) {
      begin(size);
    }
    LogRecord.fillHeader(record.image(), generation, nextSequence, length);
    torn = true;
    SegmentFiles.writeFully(files[current], ByteBuffer.wrap(record.image(), 0, size), position);
    torn = false;
    position += size;
    nextSequence++;
  }

  /** Makes every record appended before this call durable (fdatasync of the current segment). */
  public void sync() throws IOException {
    active.force(false);
  }

  /**
   * Records that the database holds every record appended so far in its own durable files (the caller has just
   * flushed it, with no append running), so that the next open replays nothing.
   */
  public synchronized void checkpointAll() throws IOException {
    checkpointFile.write(new Checkpoint(nextSequence - 1, generation, current, position));
    pending = null;
  }

  /** The generation records are being written with (for tests). */
  public synchronized long generation() {
    return generation;
  }

  private int index(long gen) {
    return (int) Math.floorMod(gen, (long) files.length);
  }

  /**
   * Moves to the next segment of the ring (or, at open, to the first): syncs the one being left (a record of the
   * next generation must never be durable while one before it is not), makes sure the database holds everything
   * of the segment about to be overwritten, asks for a database flush every few segments, and starts preparing
   * the segment after the next.
   */
  private void begin(int recordSize) throws IOException {
    FileChannel leaving = active;
    long left = generation;
    long next = leaving == null ? generation : generation + 1;
    if (leaving != null) {
      leaving.force(false);
    }
    int index = index(next);
    long overwritten = segmentGeneration[index];
    if (overwritten > flushedThrough) {
      if (coveredThrough < overwritten) {
        startFlush(next, index); // not reached with three or more segments (see below); kept for safety
        coveredThrough = left;
      }
      // normally started a segment or more ago and finished by now
      long covered = coveredThrough;
      checkpoints.awaitFlushes();
      flushedThrough = covered;
      recordPending();
    } else if (pending != null && checkpoints.flushesDone()) {
      recordPending();
    }
    // A flush every (segments - 2) segments: whatever segment is reused next, one was started after it was left
    // and before the switch that reuses it, with a segment's worth of writes in between to finish.
    if (leaving != null && left - coveredThrough >= Math.max(1, files.length - 2)) {
      startFlush(next, index);
      coveredThrough = left;
    }
    // only a ring that filled its segment grows the next ones: an open (or a restart) keeps the sizes it finds
    boolean grow = leaving != null;
    FileChannel ch = open(index, recordSize, grow);
    generation = next;
    segmentGeneration[index] = next;
    current = index;
    active = ch;
    capacity = ch.size();
    position = 0;
    torn = false;
    int following = index(next + 1);
    if (following != index && preparing[following] == null) {
      preparing[following] = preparer.submit(() -> {
        prepare(following, 0, grow);
        return null;
      });
    }
  }

  /**
   * Starts a database flush that will hold every record appended so far: the caller applies each record to
   * the database before the next one is appended, and this runs inside an append, before its record is written.
   * The next record will be the first of generation {@code next}, in segment file {@code index}.
   */
  private void startFlush(long next, int index) throws IOException {
    checkpoints.startFlush();
    pending = new Checkpoint(nextSequence - 1, next, index, 0);
  }

  /** Writes the checkpoint the flushes started so far reach; called once they are known to be complete. */
  private void recordPending() throws IOException {
    if (pending != null) {
      checkpointFile.write(pending);
      pending = null;
    }
  }

  /** The channel of segment {@code index}, created or grown (in the background or now) to hold a record. */
  private FileChannel open(int index, int recordSize, boolean grow) throws IOException {
    Future<?> pending = preparing[index];
    preparing[index] = null;
    if (pending != null) {
      try {
        pending.get();
      } catch (ExecutionException e) {
        // prepared again below, where the failure (a full disk, say) reaches the writer
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while a log segment was prepared");
      }
    }
    prepare(index, recordSize, grow);
    if (files[index] == null) {
      files[index] = fs.openForWriting(SegmentFiles.path(dir, index));
    }
    return files[index];
  }

  /**
   * Creates segment {@code index} (at the next size of the growth sequence) or grows an existing one to the full
   * size, with written zeros, synced with its size (and, when new, its directory); at least {@code minBytes}.
   * Records on it stay as they are. Without {@code grow} (at open) a new file takes the first size and an
   * existing one keeps its own, so a database that is opened often but written little keeps a small log.
   */
  private void prepare(int index, long minBytes, boolean grow) throws IOException {
    Path p = SegmentFiles.path(dir, index);
    boolean created = !fs.exists(p);
    long size = created ? (grow ? newFileBytes() : sizing.firstSegmentBytes()) : (grow ? sizing.segmentBytes() : 0);
    try (FileChannel ch = fs.openForWriting(p)) {
      preallocate(ch, Math.max(size, minBytes));
    }
    if (created) {
      fs.syncDirectory(dir);
    }
  }

  /** The size of a newly created file: twice the largest existing one, from the first size up to the full. */
  private long newFileBytes() throws IOException {
    long largest = 0;
    for (int i = 0; i < files.length; i++) {
      Path p = SegmentFiles.path(dir, i);
      if (fs.exists(p)) {
        largest = Math.max(largest, fs.size(p));
      }
    }
    return largest == 0 ? sizing.firstSegmentBytes() : Math.min(sizing.segmentBytes(), largest * 2);
  }

  /** Grows {@code ch} to {@code size} with written zeros and syncs it, size included; nothing if large enough. */
  private static void preallocate(FileChannel ch, long size) throws IOException {
    if (ch.size() >= size) {
      return;
    }
    ByteBuffer zeros = ByteBuffer.allocate(ZEROS);
    for (long at = ch.size(); at < size; ) {
      zeros.clear().limit((int) Math.min(ZEROS, size - at));
      SegmentFiles.writeFully(ch, zeros, at);
      at += zeros.limit();
    }
    ch.force(true);
  }

  @Override
  public synchronized void close() throws IOException {
    preparer.shutdown(); // a segment being prepared is finished: at most one full segment of zeros
    try {
      preparer.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    IOException first = null;
    if (checkpointFile != null) {
      try {
        checkpointFile.close();
      } catch (IOException e) {
        first = e;
      }
    }
    for (int i = 0; i < files.length; i++) {
      if (files[i] != null) {
        try {
          files[i].close();
        } catch (IOException e) {
          first = first == null ? e : first;
        }
        files[i] = null;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
