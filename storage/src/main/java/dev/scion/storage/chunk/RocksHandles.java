package dev.scion.storage.chunk;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Every native RocksDB object one store needs, opened together and closed together in reverse order of
 * creation (RocksJava objects own C++ memory that the GC never frees).
 */
final class RocksHandles implements AutoCloseable {
  static final String CHUNKS_CF = "chunks";
  static final String REFS_CF = "refs";

  static {
    RocksDB.loadLibrary();
  }

  private final Deque<AutoCloseable> owned;
  final RocksDB db;
  final ColumnFamilyHandle chunks;
  final ColumnFamilyHandle refs;
  /**
   * For every write: RocksDB's own write-ahead log is off, since the store's redo log ({@link StoreLog}) makes
   * writes durable.
   */
  final WriteOptions unlogged;
  final ReadOptions read;
  /** For whole-store scans (garbage collection): do not evict hot blocks for a one-off pass. */
  final ReadOptions scanRead;

  private RocksHandles(Deque<AutoCloseable> owned, RocksDB db, ColumnFamilyHandle chunks,
      ColumnFamilyHandle refs, WriteOptions unlogged, ReadOptions read, ReadOptions scanRead) {
    this.owned = owned;
    this.db = db;
    this.chunks = chunks;
    this.refs = refs;
    this.unlogged = unlogged;
    this.read = read;
    this.scanRead = scanRead;
  }

  /** Opens (creating if needed) the database in {@code dir}; on failure nothing is left open. */
  static RocksHandles open(Path dir, StoreOptions options) throws RocksDBException {
    return open(dir, options, null);
  }

  /**
   * Opens the database in {@code dir} as a RocksDB secondary instance, caught up with the primary that
   * another process holds open: reads only. {@code followerDir} is where the secondary keeps its own logs.
   */
  static RocksHandles openFollower(Path dir, StoreOptions options, Path followerDir) throws RocksDBException {
    RocksHandles h = open(dir, options, followerDir);
    h.db.tryCatchUpWithPrimary();
    return h;
  }

  private static RocksHandles open(Path dir, StoreOptions options, Path followerDir) throws RocksDBException {
    try {
      return open(dir, options, CompressionType.ZSTD_COMPRESSION, followerDir);
    } catch (RocksDBException e) {
      // A build of the native library without ZSTD rejects the option: fall back to LZ4 everywhere.
      String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (msg.contains("compression") && msg.contains("not")) {
        return open(dir, options, CompressionType.LZ4_COMPRESSION, followerDir);
      }
      throw e;
    }
  }

  private static RocksHandles open(Path dir, StoreOptions options, CompressionType bottommost, Path followerDir)
      throws RocksDBException {
    Deque<AutoCloseable> owned = new ArrayDeque<>();
    try {
      LRUCache blockCache = own(owned, new LRUCache(Math.max(options.blockCacheBytes(), 1L << 20)));
      BloomFilter bloom = own(owned, new BloomFilter(10));

      // Chunk keys are random hashes: point lookups only, no prefix extractor; filters and index blocks
      // live in the block cache so memory stays bounded as the store grows.
      BlockBasedTableConfig chunkTable = new BlockBasedTableConfig()
          .setBlockCache(blockCache)
          .setFilterPolicy(bloom)
          .setCacheIndexAndFilterBlocks(true)
          .setPinL0FilterAndIndexBlocksInCache(true)
          .setWholeKeyFiltering(true)
          .setFormatVersion(5)
          .setBlockSize(16 * 1024);
      ColumnFamilyOptions chunkCf = own(owned, new ColumnFamilyOptions()
          .setTableFormatConfig(chunkTable)
          // Keep filters on the bottommost level too: existence checks of absent chunks (pulls, GC
          // barriers, has()) are common and must not read data blocks to find nothing.
          .setOptimizeFiltersForHits(false)
          .setLevelCompactionDynamicLevelBytes(true)
          // L0 files here are small: a drain of the chunk nursery flushes a few MB at a time, where RocksDB's
          // defaults expect 64 MB memtables. With the default 256 MB base, a store smaller than that compacts L0
          // straight into its bottommost level, and since chunk keys are random hashes every L0 compaction then
          // rewrites (and ZSTD-recompresses) the whole store: write amplification growing with the store's size
          // (docs/performance.md, round 27). A 16 MB base level keeps a small LZ4 level between them;
          // files double per level below it so that a large store does not hold thousands of 4 MB files.
          .setMaxBytesForLevelBase(16L << 20)
          .setTargetFileSizeBase(4L << 20)
          .setTargetFileSizeMultiplier(2)
          .setCompressionType(CompressionType.LZ4_COMPRESSION)
          .setBottommostCompressionType(bottommost)
          // Chunks above 64 KiB (huge rows, blob trees) go to blob files instead of bloating SST blocks.
          .setEnableBlobFiles(true)
          .setMinBlobSize(64 * 1024)
          .setBlobCompressionType(CompressionType.LZ4_COMPRESSION)
          .setEnableBlobGarbageCollection(true));

      BlockBasedTableConfig refTable = new BlockBasedTableConfig()
          .setBlockCache(blockCache)
          .setFilterPolicy(bloom)
          .setCacheIndexAndFilterBlocks(true);
      ColumnFamilyOptions refCf = own(owned, new ColumnFamilyOptions()
          .setTableFormatConfig(refTable)
          .setCompressionType(CompressionType.LZ4_COMPRESSION));
      ColumnFamilyOptions defaultCf = own(owned, new ColumnFamilyOptions());

      DBOptions dbOptions = own(owned, new DBOptions()
          .setCreateIfMissing(true)
          .setCreateMissingColumnFamilies(true)
          .setMaxBackgroundJobs(2)
          .setBytesPerSync(1L << 20)
          .setKeepLogFileNum(3)
          .setInfoLogLevel(InfoLogLevel.WARN_LEVEL));

      List<ColumnFamilyDescriptor> descriptors = List.of(
          new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, defaultCf),
          new ColumnFamilyDescriptor(CHUNKS_CF.getBytes(java.nio.charset.StandardCharsets.UTF_8), chunkCf),
          new ColumnFamilyDescriptor(REFS_CF.getBytes(java.nio.charset.StandardCharsets.UTF_8), refCf));
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db;
      if (followerDir == null) {
        db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      } else {
        // a secondary instance keeps every file open, so a compaction in the primary cannot pull one away
        dbOptions.setMaxOpenFiles(-1);
        db = RocksDB.openAsSecondary(dbOptions, dir.toString(), followerDir.toString(), descriptors, handles);
      }
      owned.push(db);
      // Handles must close before the DB: pushed after it, so they pop first.
      for (ColumnFamilyHandle h : handles) {
        owned.push(h);
      }
      WriteOptions unlogged = own(owned, new WriteOptions().setDisableWAL(true));
      ReadOptions read = own(owned, new ReadOptions());
      ReadOptions scanRead = own(owned, new ReadOptions().setFillCache(false));
      return new RocksHandles(owned, db, handles.get(1), handles.get(2), unlogged, read, scanRead);
    } catch (RocksDBException | RuntimeException e) {
      closeAll(owned);
      throw e;
    }
  }

  private static <T extends AutoCloseable> T own(Deque<AutoCloseable> owned, T handle) {
    owned.push(handle);
    return handle;
  }

  private static void closeAll(Deque<AutoCloseable> owned) {
    while (!owned.isEmpty()) {
      AutoCloseable h = owned.pop();
      try {
        h.close();
      } catch (Exception ignored) {
        // Closing native handles does not fail in practice; keep releasing the rest.
      }
    }
  }

  @Override
  public void close() {
    closeAll(owned);
  }
}
