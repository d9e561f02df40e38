package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import dev.scion.storage.log.LogFiles;
import dev.scion.storage.log.LogReader;
import dev.scion.storage.log.RedoLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The durable chunk store: a RocksDB database with a column family {@code chunks} (20-byte address to chunk
 * bytes) and one named {@code refs} (UTF-8 ref name to value bytes).
 *
 * <p>The normal write path is {@link #commit}: new chunks and ref compare-and-swaps in one atomic write batch,
 * made durable by one record in the store's own redo log ({@link StoreLog}; RocksDB's write-ahead log is off)
 * and one sync, with concurrent commits grouped into a single record and sync. Chunk reads go through a bounded
 * in-process cache. Thread-safe.
 */
public final class RocksChunkStore implements ChunkStore, AutoCloseable {
  /**
   * The directory, inside the store's, of its redo log: a fixed ring of preallocated segments, so not part of
   * what a store's growth (and garbage collection) is measured by.
   */
  public static final String REDO_LOG_DIRECTORY = "redo-log";
  private final Path dir;
  private final StoreOptions options;
  private final RedoLog.Sizing logSizing;
  /** The files the redo log is written through: the real ones except in power-loss tests. */
  private final LogFiles logFiles;
  /** Replaced only by {@link #recoverFromFullDisk}, under the write side of {@link #lifecycle}. */
  private volatile RocksHandles rocks;
  /** The redo log that makes writes durable; null for a follower. Replaced along with {@link #rocks}. */
  private volatile StoreLog log;
  /** For a follower: the owner's redo log as it was at open; null otherwise. */
  private final FollowerOverlay overlay;
  /**
   * Set when a write failed for lack of space. RocksDB then refuses every write until resumed, and RocksJava
   * has no DB::Resume, so the next write reopens the database once the disk has room again.
   */
  private volatile boolean stoppedByFullDisk;
  private final ChunkCache cache;
  private final GroupCommitter committer;
  /** Syncs the redo log for the records the group writer appended unsynced (see {@link #write}). */
  private final WalSync walSync;
  private final java.util.concurrent.atomic.AtomicLong chunksCommitted = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong bytesCommitted = new java.util.concurrent.atomic.AtomicLong();
  /** Point reads that reached RocksDB: chunk gets and existence checks the cache could not answer, ref reads. */
  private final java.util.concurrent.atomic.AtomicLong pointReads = new java.util.concurrent.atomic.AtomicLong();
  /** Readers hold the read side while touching native handles; close takes the write side. */
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;
  /**
   * Orders chunk writes and existence checks against garbage-collection phases: writers hold the read side
   * while they record into the barrier and write; a collector takes the write side to pause them while it
   * re-reads roots and while it deletes a batch. Always taken before {@link #lifecycle}.
   */
  private final ReentrantReadWriteLock gcGate = new ReentrantReadWriteLock();
  /** Counts sweep batches, so a read that raced one does not leave a deleted chunk in the cache. */
  private volatile long deletions;
  /** Set for a follower (see openFollower): its RocksDB secondary's own directory, removed on close. */
  private Path followerDir;
  /**
   * Ref values as this process last read or wrote them, so that the working-set ref every transaction reads at
   * BEGIN, at the commit queue and in the compare-and-swap check costs no RocksDB lookup. It is exact because
   * this process is the refs' only writer (RocksDB's lock) and every ref write goes through the group writer,
   * which stores the new values here once the batch is in the log (before its sync: see {@link #write}). A reader
   * that missed only fills an absent entry ({@code putIfAbsent}), so a value it read before a concurrent write
   * can never replace the newer one. A deleted ref stays as {@link #NO_REF}. Followers read a store another
   * process writes, so they keep no cache. Refs are few (branches, working sets, tags, remotes): no eviction.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, byte[]> refCache =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final byte[] NO_REF = new byte[0];
  /** Counts the write groups that changed refs; bumped after their values are in {@link #refCache}. */
  private final java.util.concurrent.atomic.AtomicLong refGroups = new java.util.concurrent.atomic.AtomicLong();
  /** The ref names under a prefix as last listed, until a ref is created or deleted (unused by followers). */
  private final RefNameListings refNames = new RefNameListings(REF_LOG);
  private final java.util.concurrent.atomic.AtomicLong refScans = new java.util.concurrent.atomic.AtomicLong();
  /** Non-null while a garbage collection runs. */
  private volatile WriteBarrier barrier;
  /**
   * The young generation of chunks and its drains ({@link Nursery}); null unless {@link StoreOptions#nursery()}
   * (and for a follower).
   */
  private final NurseryDrainer drainer;
  private final Nursery nursery;
  /** What a drain keeps and drops; null without a nursery. */
  private final NurseryDrain nurseryDrain;
  private final java.util.concurrent.atomic.AtomicLong chunkBytesToRocks = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong chunksToRocks = new java.util.concurrent.atomic.AtomicLong();

  private RocksChunkStore(Path dir, StoreOptions options, RedoLog.Sizing logSizing, LogFiles logFiles,
      RocksHandles rocks, StoreLog log, FollowerOverlay overlay, NurseryDrainer drainer) {
    this.dir = dir;
    this.options = options;
    this.logSizing = logSizing;
    this.logFiles = logFiles;
    this.rocks = rocks;
    this.log = log;
    this.overlay = overlay;
    this.cache = new ChunkCache(options.chunkCacheBytes());
    this.committer = new GroupCommitter(this::writeGroup);
    this.walSync = new WalSync(this::syncLog, options.syncsInFlight());
    this.drainer = drainer;
    this.nursery = drainer == null ? null : drainer.nursery();
    this.nurseryDrain = drainer == null ? null : new NurseryDrain(this, nursery);
    if (drainer != null) {
      drainer.drainWith(nurseryDrain);
    }
  }

  /**
   * Opens the store in {@code dir}, creating the directory and database if missing. Fails with a
   * StorageException if another process (or another open store in this one) holds the directory.
   */
  public static RocksChunkStore open(Path dir, StoreOptions options) {
    return open(dir, options, RedoLog.Sizing.defaults());
  }

  /** {@link #open(Path, StoreOptions)} with a redo log of the given sizes (tests use small ones). */
  public static RocksChunkStore open(Path dir, StoreOptions options, RedoLog.Sizing logSizing) {
    return open(dir, options, logSizing, LogFiles.SYSTEM);
  }

  /** As above, writing the redo log through {@code logFiles} (power-loss tests). */
  static RocksChunkStore open(Path dir, StoreOptions options, RedoLog.Sizing logSizing, LogFiles logFiles) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    Path abs = dir.toAbsolutePath();
    try {
      Files.createDirectories(abs);
    } catch (IOException e) {
      throw new StorageException("cannot create database directory " + abs + ": " + e.getMessage(), e);
    }
    try {
      RocksHandles rocks = RocksHandles.open(abs, options);
      NurseryDrainer drainer = options.nursery() ? new NurseryDrainer(new Nursery()) : null;
      return new RocksChunkStore(abs, options, logSizing, logFiles, rocks,
          openLog(abs, rocks, logSizing, logFiles, drainer), null, drainer);
    } catch (RocksDBException e) {
      if (isLockFailure(e)) {
        throw new StorageException("database directory " + abs
            + " is in use by another process (RocksDB could not lock " + abs.resolve("LOCK") + ")", e);
      }
      throw new StorageException("cannot open database in " + abs + ": " + e.getMessage(), e);
    }
  }

  /** Replays the redo log into freshly opened handles and opens it for writing; closes them on failure. */
  private static StoreLog openLog(Path dir, RocksHandles rocks, RedoLog.Sizing sizing, LogFiles files,
      NurseryDrainer drainer) {
    try {
      return StoreLog.open(dir, rocks, sizing, files, drainer);
    } catch (IOException | RocksDBException | RuntimeException e) {
      rocks.close();
      throw new StorageException("cannot recover the redo log of " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens, for reading only, a store that another process holds open (a running server's database): a
   * RocksDB secondary instance that sees everything the primary committed up to now. Writes fail. Its own
   * log files go to a temporary directory removed on close.
   */
  public static RocksChunkStore openFollower(Path dir, StoreOptions options) {
    return openFollower(dir, options, () -> { });
  }

  /**
   * As above; {@code afterCatchUp} runs between each catch-up with the owner's tables and the following read of
   * its redo log (tests make the owner overwrite a segment there).
   */
  static RocksChunkStore openFollower(Path dir, StoreOptions options, Runnable afterCatchUp) {
    Path abs = dir.toAbsolutePath();
    Path followerDir;
    try {
      followerDir = Files.createTempDirectory("scion-follower");
    } catch (IOException e) {
      throw new StorageException("cannot create a temporary directory to read " + abs + ": " + e.getMessage(), e);
    }
    try {
      java.util.Map<Path, Long> segmentsBefore;
      try {
        segmentsBefore = FollowerOverlay.segments(abs);
      } catch (IOException e) {
        throw new StorageException("cannot read the redo log of " + abs + ": " + e.getMessage(), e);
      }
      RocksHandles rocks = RocksHandles.openFollower(abs, options, followerDir);
      FollowerOverlay overlay;
      try {
        overlay = FollowerOverlay.read(abs, rocks, segmentsBefore, afterCatchUp);
      } catch (IOException | RocksDBException | RuntimeException e) {
        rocks.close();
        throw new StorageException("cannot read the redo log of " + abs + ": " + e.getMessage(), e);
      }
      RocksChunkStore store = new RocksChunkStore(abs, options, RedoLog.Sizing.defaults(), LogFiles.SYSTEM, rocks,
          null, overlay, null);
      store.followerDir = followerDir;
      return store;
    } catch (RocksDBException | StorageException e) {
      deleteTree(followerDir);
      throw new StorageException("cannot read the database in " + abs + " alongside its owner: " + e.getMessage(),
          e);
    }
  }

  /** True if {@code e} says the store's directory is held by another process. */
  public static boolean isInUse(StorageException e) {
    return e.getCause() instanceof RocksDBException r && isLockFailure(r);
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory: left for the OS to clean
    }
  }

  private static boolean isLockFailure(RocksDBException e) {
    String msg = String.valueOf(e.getMessage());
    return msg.contains("LOCK") || msg.toLowerCase(Locale.ROOT).contains("lock hold");
  }

  public Path directory() {
    return dir;
  }

  public StoreOptions options() {
    return options;
  }

  // ---- chunks ----

  @Override
  public byte[] get(Hash h) {
    byte[] cached = cache.get(h);
    if (cached != null) {
      return cached;
    }
    if (nursery != null) {
      byte[] young = nursery.get(h);
      if (young != null) {
        return young;
      }
    }
    if (overlay != null && overlay.chunk(h) != null) {
      return overlay.chunk(h);
    }
    long generation = deletions;
    pointReads.incrementAndGet();
    byte[] b = readNative(() -> rocks.db.get(rocks.chunks, rocks.read, h.bytes()));
    if (b != null) {
      cache.put(h, b);
      if (deletions != generation) {
        // A sweep ran while we read: it may have deleted this chunk and purged the cache before our put, and
        // a cached chunk that is gone from disk would make has() lie to a writer deciding what to store.
        cache.remove(h);
      }
    }
    return b;
  }

  /**
   * True if a chunk is stored under {@code h}. While a garbage collection runs, {@code h} is also recorded in
   * its barrier first, so a caller that skips writing a chunk because it exists can rely on it staying.
   */
  @Override
  public boolean has(Hash h) {
    gcGate.readLock().lock();
    try {
      WriteBarrier b = barrier;
      if (b != null) {
        b.record(h);
      }
      if (nurseryDrain != null) {
        nurseryDrain.record(h); // before the nursery is asked: a drain drops nothing recorded
      }
      if (cache.contains(h) || (nursery != null && nursery.contains(h))
          || (overlay != null && overlay.chunk(h) != null)) {
        return true;
      }
      pointReads.incrementAndGet();
      return readNative(() -> rocks.db.keyExists(rocks.chunks, rocks.read, h.bytes()));
    } finally {
      gcGate.readLock().unlock();
    }
  }

  /**
   * Writes one chunk immediately without syncing (the next commit's sync covers it). Rarely the right call:
   * chunks normally travel in a {@link ChunkBuffer} and reach disk in {@link #commit}.
   */
  @Override
  public Hash put(byte[] chunk) {
    Hash h = Hash.of(chunk);
    writeChunk(h, chunk);
    return h;
  }

  private void writeChunk(Hash h, byte[] chunk) {
    if (nursery != null) {
      nursery.keepEverythingSoFar(); // see writeUncached
    }
    gcGate.readLock().lock();
    try {
      recoverFromFullDisk();
      WriteBarrier b = barrier;
      if (b != null) {
        b.recordWrite(h, chunk.length);
      }
      if (nurseryDrain != null) {
        nurseryDrain.record(h);
      }
      readNative(() -> {
        try (LoggedBatch batch = new LoggedBatch(rocks, chunk.length + LoggedBatch.CHUNK_OVERHEAD)) {
          batch.putChunk(h.bytes(), chunk);
          writableLog().write(batch);
        }
        return null;
      });
      chunksToRocks.incrementAndGet();
      chunkBytesToRocks.addAndGet(chunk.length);
    } finally {
      gcGate.readLock().unlock();
    }
  }

  /** Stores a chunk received from elsewhere, refusing it unless it hashes to {@code expected}. */
  public void putVerified(Hash expected, byte[] chunk) {
    verify(expected, chunk);
    writeChunk(expected, chunk);
  }

  /** Throws CorruptChunkException unless {@code chunk} hashes to {@code expected}. */
  public static void verify(Hash expected, byte[] chunk) {
    Hash actual = Hash.of(chunk);
    if (!actual.equals(expected)) {
      throw new CorruptChunkException(expected, actual);
    }
  }

  // ---- refs ----

  /** The value of ref {@code name}, or null if there is none. */
  public byte[] readRef(String name) {
    if (overlay != null) {
      java.util.Optional<byte[]> logged = overlay.ref(name);
      return logged == null ? readRefFromRocks(name) : logged.map(byte[]::clone).orElse(null);
    }
    byte[] cached = refCache.get(name);
    if (cached == null) {
      byte[] read = readRefFromRocks(name);
      cached = refCache.putIfAbsent(name, read == null ? NO_REF : read.clone());
      if (cached == null) {
        return read;
      }
    }
    return cached == NO_REF ? null : cached.clone();
  }

  private byte[] readRefFromRocks(String name) {
    byte[] key = name.getBytes(StandardCharsets.UTF_8);
    pointReads.incrementAndGet();
    return readNative(() -> rocks.db.get(rocks.refs, rocks.read, key));
  }

  /** All refs whose names start with {@code prefix} ("" for all), sorted by name. */
  public SortedMap<String, byte[]> listRefs(String prefix) {
    if (overlay == null) {
      List<String> names = refNames.names(prefix);
      if (names != null) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (String name : names) {
          byte[] value = readRef(name);
          if (value != null) {
            out.put(name, value);
          }
        }
        return out;
      }
    }
    long namesVersion = refNames.version();
    SortedMap<String, byte[]> listed = listRefsFromRocks(prefix);
    if (overlay == null) {
      refNames.remember(prefix, namesVersion, new ArrayList<>(listed.keySet()));
    }
    return listed;
  }

  /** How many ref listings read RocksDB rather than the names last listed (an operation count for tests). */
  public long refScans() {
    return refScans.get();
  }

  private SortedMap<String, byte[]> listRefsFromRocks(String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    refScans.incrementAndGet();
    return readNative(() -> {
      SortedMap<String, byte[]> out = new TreeMap<>();
      try (RocksIterator it = rocks.db.newIterator(rocks.refs, rocks.read)) {
        it.seek(p);
        while (it.isValid()) {
          byte[] k = it.key();
          if (!startsWith(k, p)) {
            break;
          }
          out.put(new String(k, StandardCharsets.UTF_8), it.value());
          it.next();
        }
        it.status();
      }
      if (overlay != null) {
        overlay.overlayRefs(prefix, out);
      }
      return out;
    });
  }

  /**
   * A number that changes whenever this process changes a ref, so that a reader can tell that the refs it listed
   * are still current without listing them again; -1 for a follower, whose refs another process writes.
   */
  public long refVersion() {
    return overlay != null ? -1 : refGroups.get();
  }

  // ---- ref log ----

  /** Where logged ref values live in the refs column family: REF_LOG + name + NUL + sequence (16 hex digits). */
  public static final String REF_LOG = "reflog/";

  private volatile List<String> loggedRefPrefixes = List.of();
  private final java.util.concurrent.atomic.AtomicLong refLogSequence = new java.util.concurrent.atomic.AtomicLong();

  /**
   * From now on every commit that gives a ref whose name starts with one of {@code prefixes} a new value also
   * records that value in the ref's log, in the same write batch (so the log survives a restart and never names
   * a value the ref did not hold). Deleting a ref keeps its log.
   */
  public void logRefChanges(List<String> prefixes) {
    loggedRefPrefixes = List.copyOf(prefixes);
  }

  /** One logged value of a ref and when it was written (milliseconds since the epoch). */
  public record RefLogEntry(long timeMillis, byte[] value) {}

  /** The values {@code name} was given, newest first (an empty list when none were logged). */
  public List<RefLogEntry> refLog(String name) {
    String prefix = REF_LOG + name + "\0";
    List<RefLogEntry> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : listRefs(prefix).entrySet()) {
      long seq = Long.parseUnsignedLong(e.getKey().substring(prefix.length()), 16);
      out.add(new RefLogEntry(seq >>> 12, e.getValue()));
    }
    java.util.Collections.reverse(out);
    return out;
  }

  /** The names of the refs that have a log, sorted. */
  public java.util.SortedSet<String> loggedRefs() {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    for (String k : listRefs(REF_LOG).keySet()) {
      int nul = k.lastIndexOf('\0');
      if (nul > REF_LOG.length()) {
        out.add(k.substring(REF_LOG.length(), nul));
      }
    }
    return out;
  }

  /** Forgets every ref log (the garbage collector may have removed the commits they name). */
  public void clearRefLogs() {
    List<RefUpdate> deletes = new ArrayList<>();
    for (String k : listRefs(REF_LOG).keySet()) {
      deletes.add(RefUpdate.delete(k));
    }
    if (!deletes.isEmpty()) {
      commit(Map.of(), deletes);
    }
  }

  private boolean logged(String name) {
    for (String p : loggedRefPrefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** Log keys sort by time of writing; within one millisecond (and if the clock steps back) by a counter. */
  private String refLogKey(String name) {
    long seq = refLogSequence.updateAndGet(prev -> Math.max(prev + 1, System.currentTimeMillis() << 12));
    return REF_LOG + name + "\0" + String.format("%016x", seq);
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
  }

  // ---- commit ----

  /**
   * Atomically writes {@code chunks} and applies {@code updates} in one RocksDB write batch, and returns once it
   * is durable (synced unless {@link StoreOptions#sync()} is false). Compare-and-swap updates are checked against
   * the refs as they are at write time (including commits grouped before this one); if any check fails nothing of
   * this commit is written and a {@link RefConflictException} naming the ref is thrown. Updates apply in list
   * order, so a later update to the same ref sees the earlier one. Same as {@code awaitDurable(write(...))}.
   */
  public void commit(Map<Hash, byte[]> chunks, List<RefUpdate> updates) {
    awaitDurable(write(chunks, updates));
  }

  /**
   * The first half of {@link #commit}: checks and applies the batch, appended to the redo log but not yet synced,
   * and returns the ticket to pass to {@link #awaitDurable} before anyone is told the commit happened. From the
   * moment this returns, readers of this process see the new refs (and may build on them: a later batch lands
   * later in the log, so whatever makes it durable makes this one durable first). A process crash loses nothing
   * written here (the log is in the OS); a machine crash may lose what no sync has covered yet, which nobody has
   * acknowledged. Splitting the two lets the caller release what it holds (a branch's commit order, row locks)
   * before the sync, so the next writer's work overlaps it.
   */
  public long write(Map<Hash, byte[]> chunks, List<RefUpdate> updates) {
    Written w = writeUncached(chunks, updates);
    cache(w);
    return w.ticket();
  }

  /**
   * A batch {@link #writeUncached} appended: the ticket for {@link #awaitDurable}, and its chunks for
   * {@link #cache}. {@code generation} is {@link #deletions} from before the write.
   */
  public record Written(long ticket, Map<Hash, byte[]> chunks, long generation) {
  }

  /**
   * {@link #write} without putting the chunks in the cache: the caller does that with {@link #cache} once it is
   * out of its own serial section (a branch's commit queue leader, whose rebasing and writing is the one serial
   * section of concurrent commits to a branch). Until then a reader finds the chunks in RocksDB.
   */
  public Written writeUncached(Map<Hash, byte[]> chunks, List<RefUpdate> updates) {
    Objects.requireNonNull(chunks, "chunks");
    Objects.requireNonNull(updates, "updates");
    if (chunks.isEmpty() && updates.isEmpty()) {
      return new Written(0, Map.of(), deletions);
    }
    // Only chunks that arrive with a ref change are young: they are reachable from the new values (or garbage by
    // the writer's intent). Chunks stored ahead of the ref that will name them (a push, a dangling commit whose
    // address a session keeps) go to RocksDB at once, where no drain can judge them before that ref exists.
    boolean young = nursery != null && !updates.isEmpty();
    if (nursery != null && !young && !chunks.isEmpty()) {
      nursery.keepEverythingSoFar(); // before the write: no drain deciding after it drops what these may name
    }
    GroupCommitter.Commit c = new GroupCommitter.Commit(new CommitRequest(chunks, List.copyOf(updates), young));
    long generation = deletions;
    committer.commit(c);
    long bytes = 0;
    for (byte[] chunk : chunks.values()) {
      bytes += chunk.length;
    }
    chunksCommitted.addAndGet(chunks.size());
    bytesCommitted.addAndGet(bytes);
    if (!young) {
      chunksToRocks.addAndGet(chunks.size());
      chunkBytesToRocks.addAndGet(bytes);
    }
    // young chunks are read from the nursery; a drain caches the ones it keeps
    return new Written(c.ticket, young ? Map.of() : chunks, generation);
  }

  /**
   * Puts a written batch's chunks in the cache: fresh nodes are the ones most likely to be read next (the new
   * tree's changed paths). A sweep since the write may have deleted one of them (it purges the cache only of what
   * is there), and a cached chunk that is gone from disk would make {@link #has} lie to a writer deciding what to
   * store: then they are taken out again, as in {@link #get}.
   */
  public void cache(Written w) {
    for (Map.Entry<Hash, byte[]> e : w.chunks().entrySet()) {
      cache.put(e.getKey(), e.getValue());
    }
    if (deletions != w.generation()) {
      for (Hash h : w.chunks().keySet()) {
        cache.remove(h);
      }
    }
  }

  /** Returns once the batch {@link #write} returned {@code ticket} for is durable; one sync serves many tickets. */
  public void awaitDurable(long ticket) {
    if (ticket > 0) {
      walSync.awaitDurable(ticket);
    }
  }

  /** Runs before each log sync; tests use it to hold a sync in flight. */
  private volatile Runnable beforeLogSync = () -> { };

  /** For tests: {@code hook} runs on the syncing thread before each log sync (e.g. to hold one in flight). */
  public void beforeLogSync(Runnable hook) {
    beforeLogSync = Objects.requireNonNull(hook, "hook");
  }

  private void syncLog() {
    beforeLogSync.run();
    readNative(() -> {
      writableLog().sync();
      return null;
    });
  }

  private record CommitRequest(Map<Hash, byte[]> chunks, List<RefUpdate> updates, boolean young) {}

  private static int chunkPayloadBytes(List<GroupCommitter.Commit> group) {
    long bytes = 0;
    for (GroupCommitter.Commit c : group) {
      for (byte[] chunk : ((CommitRequest) c.payload).chunks().values()) {
        bytes += chunk.length + LoggedBatch.CHUNK_OVERHEAD;
      }
    }
    return (int) Math.min(bytes, 1 << 20); // a larger change grows its buffer, or bypasses the log (StoreLog)
  }

  /** The group writer's batch, reused group after group (only one group is written at a time). */
  private LoggedBatch groupBatch;

  private LoggedBatch groupBatch(int chunkPayloadBytes) {
    LoggedBatch b = groupBatch;
    if (b != null && b.rocks() == rocks) {
      b.reset(chunkPayloadBytes);
      return b;
    }
    if (b != null) {
      b.close();
    }
    groupBatch = new LoggedBatch(rocks, chunkPayloadBytes);
    return groupBatch;
  }

  /** Runs on the group leader's thread; one group at a time. */
  private void writeGroup(List<GroupCommitter.Commit> group) {
    gcGate.readLock().lock();
    try {
      recoverFromFullDisk();
      writeGroupPaused(group);
    } finally {
      gcGate.readLock().unlock();
    }
  }

  private void writeGroupPaused(List<GroupCommitter.Commit> group) {
    WriteBarrier b = barrier;
    readNative(() -> {
      // Ref values as this group has left them so far: name -> value (null = deleted).
      Map<String, byte[]> groupRefs = new LinkedHashMap<>();
      List<CommitRequest> accepted = new ArrayList<>(group.size());
      LoggedBatch batch = groupBatch(chunkPayloadBytes(group));
      {
        for (GroupCommitter.Commit c : group) {
          CommitRequest req = (CommitRequest) c.payload;
          Map<String, byte[]> mine = new LinkedHashMap<>();
          RefConflictException conflict = checkAndApply(req.updates(), mine, groupRefs);
          if (conflict != null) {
            c.fail(conflict);
            continue;
          }
          Map<String, byte[]> logEntries = new LinkedHashMap<>();
          for (Map.Entry<String, byte[]> e : mine.entrySet()) {
            if (e.getValue() != null && logged(e.getKey())) {
              byte[] before = groupRefs.containsKey(e.getKey()) ? groupRefs.get(e.getKey()) : readRef(e.getKey());
              if (!Arrays.equals(before, e.getValue())) {
                logEntries.put(refLogKey(e.getKey()), e.getValue());
              }
            }
          }
          groupRefs.putAll(mine);
          for (Map.Entry<String, byte[]> e : logEntries.entrySet()) {
            batch.putRef(e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue());
          }
          for (Map.Entry<Hash, byte[]> e : req.chunks().entrySet()) {
            if (b != null) {
              b.recordWrite(e.getKey(), e.getValue().length);
            }
            if (nurseryDrain != null) {
              nurseryDrain.record(e.getKey()); // written again during a drain: a young copy of it must stay
            }
            if (req.young()) {
              batch.putYoungChunk(e.getKey(), e.getValue());
            } else {
              batch.putChunk(e.getKey().bytes(), e.getValue());
            }
          }
          for (Map.Entry<String, byte[]> e : mine.entrySet()) {
            byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
            if (e.getValue() == null) {
              batch.deleteRef(key);
            } else {
              batch.putRef(key, e.getValue());
            }
          }
          accepted.add(req);
        }
        if (!accepted.isEmpty()) {
          // unsynced: the log's order keeps batches in sequence, and WalSync makes them durable in one sync
          // while the next group is written
          writableLog().write(batch);
          long ticket = options.sync() ? walSync.written() : 0;
          for (GroupCommitter.Commit c : group) {
            if (!c.failed()) {
              c.ticket = ticket;
            }
          }
        }
      }
      boolean namesChanged = false;
      for (Map.Entry<String, byte[]> e : groupRefs.entrySet()) {
        byte[] before = refCache.put(e.getKey(), e.getValue() == null ? NO_REF : e.getValue().clone());
        // a ref not cached before may or may not have existed
        namesChanged |= before == null || (before == NO_REF) != (e.getValue() == null);
      }
      if (namesChanged) {
        refNames.namesChanged();
      }
      if (!groupRefs.isEmpty()) {
        refGroups.incrementAndGet();
      }
      // each writer caches its own chunks once its batch is in (cacheWritten), outside this serial section
      return null;
    });
  }

  /**
   * Checks {@code updates} in order against the current refs, recording their effects in {@code mine};
   * returns the first failed check, or null.
   */
  private RefConflictException checkAndApply(
      List<RefUpdate> updates, Map<String, byte[]> mine, Map<String, byte[]> groupRefs)
      throws RocksDBException {
    for (RefUpdate u : updates) {
      if (u.checkExpected()) {
        byte[] current;
        if (mine.containsKey(u.name())) {
          current = mine.get(u.name());
        } else if (groupRefs.containsKey(u.name())) {
          current = groupRefs.get(u.name());
        } else {
          current = readRef(u.name());
        }
        if (!Arrays.equals(current, u.expected())) {
          return new RefConflictException(u.name(), "ref '" + u.name() + "' was changed concurrently: expected "
              + describe(u.expected()) + " but found " + describe(current));
        }
      }
      mine.put(u.name(), u.newValue());
    }
    return null;
  }

  private static String describe(byte[] value) {
    if (value == null) {
      return "no ref";
    }
    if (value.length == Hash.LENGTH) {
      return Hash.fromBytes(value).toString();
    }
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < Math.min(value.length, 32); i++) {
      sb.append(String.format("%02x", value[i] & 0xff));
    }
    return value.length > 32 ? sb + "... (" + value.length + " bytes)" : sb.toString();
  }

  /**
   * Chunks handed to {@link #commit} and written so far (an operation count: a one-row update should write one
   * node per tree level plus the table and root objects, not more).
   */
  public long chunksCommitted() {
    return chunksCommitted.get();
  }

  /**
   * Point reads that reached RocksDB (an operation count): chunk reads and existence checks the chunk cache could
   * not answer, and ref reads, including the compare-and-swap check of each commit.
   */
  public long pointReads() {
    return pointReads.get();
  }

  /** Total size of the chunks counted by {@link #chunksCommitted} (what a write costs in encoding and hashing). */
  public long bytesCommitted() {
    return bytesCommitted.get();
  }

  /**
   * Redo-log records the open replayed into RocksDB (an operation count): those after the log's checkpoint, so
   * none after a clean close; 0 for a follower.
   */
  public long recordsReplayedAtOpen() {
    StoreLog l = log;
    return l == null ? 0 : l.recordsReplayed();
  }

  /** Syncs of the redo log so far; fewer than {@link #writeGroupsCommitted} when several groups shared one. */
  public long walSyncs() {
    return walSync.syncs();
  }

  /** Syncs of the redo log started while another one ran ({@link StoreOptions#syncsInFlight()} above one). */
  public long walSyncsOverlapped() {
    return walSync.overlapped();
  }

  /** Callers waiting for a log sync another thread runs (for tests that arrange a shared sync). */
  public int waitingForSync() {
    return walSync.waiting();
  }

  /** Number of group writes so far; fewer than commits when group commit batched some. */
  public long writeGroupsCommitted() {
    return committer.groupsWritten();
  }

  // ---- maintenance ----

  /** RocksDB's estimate of the bytes held by both column families (SST and blob files plus memtables). */
  public long approximateSizeBytes() {
    return readNative(() -> size(rocks.chunks) + size(rocks.refs));
  }

  private long size(ColumnFamilyHandle cf) throws RocksDBException {
    return rocks.db.getLongProperty(cf, "rocksdb.total-sst-files-size")
        + rocks.db.getLongProperty(cf, "rocksdb.total-blob-file-size")
        + rocks.db.getLongProperty(cf, "rocksdb.cur-size-all-mem-tables");
  }

  /**
   * Bytes RocksDB wrote to table files for the chunks column family since open: memtable flushes and every
   * compaction after them. Against the chunk bytes written, the write amplification of the store's LSM tree: an
   * operation count for regression checks (precision about 1 KB: RocksDB reports it in GB with six decimals).
   */
  public long rocksBytesWritten() {
    return readNative(() -> {
      String gb = rocks.db.getMapProperty(rocks.chunks, "rocksdb.cfstats").get("compaction.Sum.WriteGB");
      return gb == null ? 0L : Math.round(Double.parseDouble(gb) * (1L << 30));
    });
  }

  /** A RocksDB property of the chunks column family (e.g. {@code rocksdb.block-cache-capacity}), for tools. */
  public String chunkProperty(String name) {
    return readNative(() -> rocks.db.getProperty(rocks.chunks, name));
  }

  /** Flushes memtables to SST files (the redo log already makes data durable; this is for tools and tests). */
  public void flush() {
    readNative(() -> {
      try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
        rocks.db.flush(fo, List.of(rocks.chunks, rocks.refs));
      }
      return null;
    });
  }

  /** Compacts both column families fully (bottommost compression, dropped tombstones); slow, for tools. */
  public void compact() {
    readNative(() -> {
      rocks.db.compactRange(rocks.chunks);
      rocks.db.compactRange(rocks.refs);
      return null;
    });
  }

  // ---- garbage-collection support (used by dev.scion.storage.gc) ----

  /**
   * Starts recording every chunk written or existence-checked into a new barrier, until
   * {@link #endBarrier}. Only one barrier may be active; throws IllegalStateException otherwise.
   */
  public WriteBarrier beginBarrier() {
    gcGate.writeLock().lock();
    try {
      if (barrier != null) {
        throw new IllegalStateException("a garbage collection is already running on " + dir);
      }
      WriteBarrier b = new WriteBarrier();
      barrier = b;
      return b;
    } finally {
      gcGate.writeLock().unlock();
    }
  }

  /** Stops recording into {@code b} (which must be the active barrier). */
  public void endBarrier(WriteBarrier b) {
    gcGate.writeLock().lock();
    try {
      if (barrier == b) {
        barrier = null;
      }
    } finally {
      gcGate.writeLock().unlock();
    }
  }

  /**
   * Runs {@code action} while no commit, put or existence check can proceed, so refs and the barrier are
   * still. The action may read chunks and refs but must not write or wait for a writer.
   */
  public <T> T withWritesPaused(java.util.function.Supplier<T> action) {
    gcGate.writeLock().lock();
    try {
      return action.get();
    } finally {
      gcGate.writeLock().unlock();
    }
  }

  /**
   * Deletes those of {@code candidates} that the active barrier has not recorded, in one unsynced batch
   * written while writers are paused, and drops them from the cache. Returns how many were deleted. Losing
   * the batch in a crash only leaves garbage for the next collection.
   */
  public int deleteUnlessRecorded(java.util.Collection<Hash> candidates) {
    gcGate.writeLock().lock();
    try {
      deletions++; // before deleting: see get()
      WriteBarrier b = barrier;
      return readNative(() -> {
        int deleted = 0;
        try (WriteBatch batch = new WriteBatch()) {
          for (Hash h : candidates) {
            if (b != null && b.contains(h)) {
              continue;
            }
            batch.delete(rocks.chunks, h.bytes());
            deleted++;
          }
          if (deleted > 0) {
            rocks.db.write(rocks.unlogged, batch);
          }
        }
        for (Hash h : candidates) {
          if (b == null || !b.contains(h)) {
            cache.remove(h);
          }
        }
        return deleted;
      });
    } finally {
      gcGate.writeLock().unlock();
    }
  }

  /** The chunk under {@code h} read straight from RocksDB, bypassing (and not filling) the cache; or null. */
  public byte[] readUncached(Hash h) {
    byte[] cached = cache.get(h);
    if (cached != null) {
      return cached;
    }
    if (nursery != null) {
      byte[] young = nursery.get(h);
      if (young != null) {
        return young;
      }
    }
    return readNative(() -> rocks.db.get(rocks.chunks, rocks.scanRead, h.bytes()));
  }

  /**
   * Calls {@code action} with the address of every stored chunk, from a consistent snapshot taken at the
   * start. Does not fill the block cache.
   */
  public void forEachChunkAddress(java.util.function.Consumer<Hash> action) {
    readNative(() -> {
      try (RocksIterator it = rocks.db.newIterator(rocks.chunks, rocks.scanRead)) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          byte[] k = it.key();
          if (k.length == Hash.LENGTH) {
            action.accept(Hash.fromBytes(k));
          }
        }
        it.status();
      }
      return null;
    });
  }

  /**
   * Up to {@code limit} stored chunk addresses greater than {@code after} (all, from the smallest, if
   * null), in address order. Each call reads a fresh snapshot and holds no iterator afterwards, so a long
   * scan can be interleaved with writes and deletes.
   */
  public List<Hash> chunkAddressesAfter(Hash after, int limit) {
    return readNative(() -> {
      List<Hash> out = new ArrayList<>(Math.min(limit, 4096));
      try (RocksIterator it = rocks.db.newIterator(rocks.chunks, rocks.scanRead)) {
        if (after == null) {
          it.seekToFirst();
        } else {
          it.seek(after.bytes());
          if (it.isValid() && Arrays.equals(it.key(), after.bytes())) {
            it.next();
          }
        }
        for (; it.isValid() && out.size() < limit; it.next()) {
          byte[] k = it.key();
          if (k.length == Hash.LENGTH) {
            out.add(Hash.fromBytes(k));
          }
        }
        it.status();
      }
      return out;
    });
  }

  /** Number of stored chunks, counted exactly by a key scan (for tools and tests). */
  public long countChunks() {
    long[] n = {0};
    forEachChunkAddress(h -> n[0]++);
    return n[0];
  }

  /** Compacts the chunk column family so that deleted chunks leave the disk. */
  public void compactChunks() {
    readNative(() -> {
      rocks.db.compactRange(rocks.chunks);
      return null;
    });
  }

  // ---- the nursery (young chunks; see Nursery) ----

  /**
   * Lets drains drop the young chunks {@code l} does not name (without one, a drain writes every young chunk to
   * RocksDB). Has no effect on a store without a nursery.
   */
  public void attachNurseryLiveness(NurseryLiveness l) {
    if (nurseryDrain != null) {
      nurseryDrain.attach(l);
    }
  }

  /** Whether commits that move refs keep their chunks in the nursery. */
  public boolean hasNursery() {
    return nursery != null;
  }

  /** The young chunk under {@code h}, or null if it is not in the nursery (it may be in RocksDB). */
  public byte[] nurseryChunk(Hash h) {
    return nursery == null ? null : nursery.get(h);
  }

  /** The nursery itself, or null (tests that interleave a drain with a record's puts). */
  Nursery nursery() {
    return nursery;
  }

  /** Chunks in the nursery now (an operation count for tests). */
  public int nurseryChunks() {
    return nursery == null ? 0 : nursery.size();
  }

  /**
   * Starts recording existence checks for the drain in progress; called by a {@link NurseryLiveness} in the step in
   * which it lists its roots, with writes paused. The drain ends it.
   */
  public void beginNurseryBarrier() {
    if (nurseryDrain != null) {
      nurseryDrain.beginBarrier();
    }
  }

  /**
   * Like {@link #withWritesPaused}, but gives up (returns false without running {@code action}) if writers do not
   * pause within {@code millis}: a drain must not wait for a writer that waits for the drain (the log reusing a
   * segment), so when in doubt it keeps chunks instead.
   */
  public boolean tryWithWritesPaused(long millis, Runnable action) {
    boolean locked;
    try {
      locked = gcGate.writeLock().tryLock(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (!locked) {
      return false;
    }
    try {
      action.run();
      return true;
    } finally {
      gcGate.writeLock().unlock();
    }
  }

  /**
   * Makes every record appended so far durable. A drain calls it after listing its roots: the ref values it judged
   * liveness by must survive a power loss, or an older value, naming a chunk it dropped, could come back.
   */
  public void syncLogNow() {
    if (log != null) {
      syncLog();
    }
  }

  /**
   * Drains the nursery now and waits for it: every young chunk committed so far is written to RocksDB or, if the
   * attached liveness finds it unreachable, dropped. Garbage collection calls it first, and tests.
   */
  public void drainNursery() {
    drainNursery(false);
  }

  /**
   * As {@link #drainNursery()}; with {@code keepEverything} every young chunk is written, none judged (a garbage
   * collection, which judges them itself, and whose caller, a statement, the drain's fence would wait for).
   */
  public void drainNursery(boolean keepEverything) {
    if (drainer == null) {
      return;
    }
    readNative(() -> {
      writableLog().drainNursery(keepEverything);
      return null;
    });
    try {
      drainer.await();
    } catch (java.io.IOException e) {
      throw new StorageException("drain of " + dir + " failed: " + e.getMessage(), e);
    }
  }

  /** Chunks written to RocksDB (commits, puts and drains; not replays): what RocksDB flushes and compacts. */
  public long chunksToRocks() {
    return chunksToRocks.get();
  }

  /** Bytes of the chunks counted by {@link #chunksToRocks}. */
  public long chunkBytesToRocks() {
    return chunkBytesToRocks.get();
  }

  /** Young chunks drains dropped without writing them to RocksDB. */
  public long chunksDropped() {
    return nurseryDrain == null ? 0 : nurseryDrain.chunksDropped();
  }

  /** Bytes of the chunks counted by {@link #chunksDropped}. */
  public long bytesDropped() {
    return nurseryDrain == null ? 0 : nurseryDrain.bytesDropped();
  }

  /** Drains run so far, and how many of them kept every chunk (no liveness, or in doubt). */
  public long drains() {
    return nurseryDrain == null ? 0 : nurseryDrain.drains();
  }

  public long drainsKeptAll() {
    return nurseryDrain == null ? 0 : nurseryDrain.drainsKeptAll();
  }

  /** Whether a garbage collection is running (a drain then drops nothing). */
  boolean collectionRunning() {
    return barrier != null;
  }

  /** Starts a RocksDB flush without waiting for it (a drain ends with one; the log's checkpoint waits for it). */
  void startFlush() {
    readNative(() -> {
      try (FlushOptions fo = new FlushOptions().setWaitForFlush(false)) {
        rocks.db.flush(fo, List.of(rocks.chunks, rocks.refs));
      }
      return null;
    });
  }

  /**
   * Writes young chunks to RocksDB (unlogged: their records hold them), caches them, then lets the nursery go of
   * them; for a drain, which gives up (a StorageException) if writers stay paused for {@code pauseMillis}.
   */
  void writeYoung(List<Nursery.Entry> entries, long pauseMillis) {
    if (entries.isEmpty()) {
      return;
    }
    // Not lock(): a collection queued for the write side blocks new readers, and it may wait for a committer that
    // waits for this drain (the log reusing a segment). Then the drain fails and that committer, which holds the
    // read side already, runs it again keeping everything (NurseryDrainer.await).
    boolean locked;
    try {
      locked = gcGate.readLock().tryLock(pauseMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      locked = false;
    }
    if (!locked) {
      throw new StorageException("a drain of " + dir + " could not write while a collection paused writers");
    }
    try {
      WriteBarrier b = barrier;
      long bytes = 0;
      readNative(() -> {
        try (WriteBatch batch = new WriteBatch()) {
          for (Nursery.Entry e : entries) {
            batch.put(rocks.chunks, e.address().bytes(), e.bytes());
          }
          rocks.db.write(rocks.unlogged, batch);
        }
        return null;
      });
      for (Nursery.Entry e : entries) {
        if (b != null) {
          b.recordWrite(e.address(), e.bytes().length); // a running collection keeps what a drain writes
        }
        cache.put(e.address(), e.bytes());
        nursery.remove(e);
        bytes += e.bytes().length;
      }
      chunksToRocks.addAndGet(entries.size());
      chunkBytesToRocks.addAndGet(bytes);
    } finally {
      gcGate.readLock().unlock();
    }
  }

  /** Counts chunks a drain wrote to RocksDB outside {@link #writeYoung} (at close). */
  void countedToRocks(long chunks, long bytes) {
    chunksToRocks.addAndGet(chunks);
    chunkBytesToRocks.addAndGet(bytes);
  }

  /** The RocksDB handles in use (for tests that copy the database's files as a power loss would leave them). */
  RocksHandles rocksHandles() {
    return rocks;
  }

  /** The in-process chunk cache (for statistics). */
  public ChunkCache chunkCache() {
    return cache;
  }

  /** Closes the database and releases every native handle; waits for in-flight operations. */
  @Override
  public void close() {
    close(true);
  }

  /**
   * Closes like {@link #close}, except that a store with a nursery writes none of its young chunks to RocksDB and
   * gives its log no clean checkpoint: they stay in the redo log's records, which the next open replays, as after a
   * crash. For a database being dropped, which is opened again only if it is undropped: writing its young chunks
   * now would be work for nothing. A store without a nursery closes as {@link #close} does.
   */
  public void closeLeavingYoungChunksInLog() {
    close(nursery == null);
  }

  private void close(boolean writeYoungChunks) {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (drainer != null) {
        drainer.close(); // a drain waiting for this lock finds the store closed
      }
      if (log != null && !stoppedByFullDisk && writeYoungChunks) {
        try {
          // before the flush that the clean close's checkpoint trusts: the tables must hold every young chunk
          if (nurseryDrain != null) {
            nurseryDrain.writeAllAtClose(rocks);
          }
          log.closeClean(); // a cleanly closed store's tables hold everything: its next open replays nothing
        } catch (IOException | RocksDBException e) {
          closeLog(); // not checkpointed: the next open replays the log, which holds every young chunk
        }
      } else {
        closeLog();
      }
      if (groupBatch != null) {
        groupBatch.close();
        groupBatch = null;
      }
      rocks.close();
      cache.clear();
      if (followerDir != null) {
        deleteTree(followerDir);
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private void closeLog() {
    if (log != null) {
      try {
        log.close();
      } catch (IOException ignored) {
        // closing only releases file handles; everything synced stays synced
      }
    }
  }

  /** The redo log, or a StorageException for a follower, which reads only. */
  private StoreLog writableLog() {
    StoreLog l = log;
    if (l == null) {
      throw new StorageException("store " + dir + " is open for reading only (its owner is another process)");
    }
    return l;
  }

  private interface NativeCall<T> {
    T run() throws RocksDBException, IOException;
  }

  /** Runs a call that touches native handles, refusing once closed (a closed handle would crash the JVM). */
  private <T> T readNative(NativeCall<T> call) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new StorageException("store " + dir + " is closed");
      }
      return call.run();
    } catch (RocksDBException e) {
      if (isNoSpace(e)) {
        stoppedByFullDisk = true;
        throw new StorageFullException("disk full under " + dir + ": " + e.getMessage(), e);
      }
      throw new StorageException("RocksDB failure in " + dir + ": " + e.getMessage(), e);
    } catch (IOException e) {
      if (e.getCause() instanceof RocksDBException r && isNoSpace(r)
          || String.valueOf(e.getMessage()).contains("No space left on device")) {
        stoppedByFullDisk = true;
        throw new StorageFullException("disk full under " + dir + ": " + e.getMessage(), e);
      }
      throw new StorageException("redo log failure in " + dir + ": " + e.getMessage(), e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** ENOSPC, whether from a foreground write or a failed flush that stopped writes (a background error). */
  private static boolean isNoSpace(RocksDBException e) {
    org.rocksdb.Status st = e.getStatus();
    if (st != null && st.getSubCode() == org.rocksdb.Status.SubCode.NoSpace) {
      return true;
    }
    return String.valueOf(e.getMessage()).contains("No space left on device");
  }

  /** Free space a reopen needs before it is tried: room for the log replay's flush and the next writes. */
  private static final long REOPEN_FREE_BYTES = 16L << 20;

  /**
   * After a write failed for lack of space: if the disk has room again, closes and reopens RocksDB, which
   * clears its stopped state. Reopening replays the log, so everything acknowledged stays; the failed write
   * was never acknowledged. While there is still no room the caller gets StorageFullException again. Called
   * with the read side of {@link #gcGate} held (taken before {@link #lifecycle}, as everywhere).
   */
  private void recoverFromFullDisk() {
    if (!stoppedByFullDisk) {
      return;
    }
    lifecycle.writeLock().lock();
    try {
      if (!stoppedByFullDisk || closed) {
        return;
      }
      long free;
      try {
        free = Files.getFileStore(dir).getUsableSpace();
      } catch (IOException e) {
        throw new StorageException("cannot check free space under " + dir + ": " + e.getMessage(), e);
      }
      if (free < REOPEN_FREE_BYTES) {
        throw new StorageFullException("disk full under " + dir + ": " + free + " bytes free", null);
      }
      closeLog();
      rocks.close();
      try {
        rocks = RocksHandles.open(dir, options);
        log = openLog(dir, rocks, logSizing, logFiles, drainer); // replays what the flushes left only in the log
        if (nursery != null) {
          nursery.clear(); // its chunks are all in records after the checkpoint, which the open just replayed
        }
      } catch (RocksDBException | StorageException e) {
        closed = true; // the old handles are gone: refuse everything rather than touch them
        throw new StorageException("could not reopen " + dir + " after the disk was full: " + e.getMessage(), e);
      }
      stoppedByFullDisk = false;
    } finally {
      lifecycle.writeLock().unlock();
    }
  }
}
