package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import dev.scion.storage.log.LogFiles;
import dev.scion.storage.log.LogReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rocksdb.RocksDBException;

/**
 * What a follower sees beyond the tables the owning process has flushed: the owner's redo log, replayed into
 * memory once at open (RocksDB's secondary instance only catches up from its own write-ahead log, which the owner
 * no longer writes). Records are replayed in order, so each ref ends with its latest logged value. Built once,
 * then only read: safe to share between threads.
 *
 * <p>The tables and the log are read at different moments, while the owner goes on writing; a record leaves the
 * log only when the owner overwrites its segment, and only once the record is in a table. So if no segment was
 * overwritten between a look at the log taken before the follower caught up with the tables and the end of
 * its read of the log, every record the read missed was in a table before the catch-up. If one was, the
 * follower catches up again and reads again ({@link #read}).
 */
final class FollowerOverlay implements LoggedBatch.Target {
  private final Map<Hash, byte[]> chunks = new HashMap<>();
  /** Ref name to its logged value; an empty Optional for a ref the log deleted. */
  private final TreeMap<String, Optional<byte[]>> refs = new TreeMap<>();

  private FollowerOverlay() {}

  /** Times the log is read at most before the follower gives up on an owner that keeps overwriting it. */
  static final int ATTEMPTS = 5;

  /** The generation each segment file of the owner's log starts with now (see {@link #read}). */
  static Map<Path, Long> segments(Path storeDir) throws IOException {
    return LogReader.segmentGenerations(storeDir.resolve(StoreLog.DIR), LogFiles.SYSTEM);
  }

  /**
   * Reads the redo log of the store in {@code storeDir} (a torn last record is simply not there yet), which
   * {@code rocks} has just caught up with; {@code before} is what {@link #segments} said before that catch-up.
   * {@code afterCatchUp} runs before each read (for tests).
   */
  static FollowerOverlay read(Path storeDir, RocksHandles rocks, Map<Path, Long> before, Runnable afterCatchUp)
      throws IOException, RocksDBException {
    Map<Path, Long> seen = before;
    for (int attempt = 1; ; attempt++) {
      afterCatchUp.run();
      FollowerOverlay overlay = new FollowerOverlay();
      LogReader.replayAll(storeDir.resolve(StoreLog.DIR), LogFiles.SYSTEM, payload -> {
        try {
          LoggedBatch.replay(payload, overlay);
        } catch (RocksDBException e) {
          throw new IllegalStateException(e); // the overlay's target methods do not touch RocksDB
        }
      });
      Map<Path, Long> after = segments(storeDir);
      if (seen.entrySet().stream().allMatch(e -> e.getValue().equals(after.get(e.getKey())))) {
        return overlay;
      }
      if (attempt == ATTEMPTS) {
        throw new StorageException("the owner of " + storeDir + " overwrote its redo log " + ATTEMPTS
            + " times while it was read; try again");
      }
      seen = after; // taken before the next catch-up
      rocks.db.tryCatchUpWithPrimary();
    }
  }

  @Override
  public void putChunk(byte[] address, byte[] chunk) {
    chunks.put(Hash.fromBytes(address), chunk);
  }

  @Override
  public void putRef(byte[] name, byte[] value) {
    refs.put(new String(name, StandardCharsets.UTF_8), Optional.of(value));
  }

  @Override
  public void deleteRef(byte[] name) {
    refs.put(new String(name, StandardCharsets.UTF_8), Optional.empty());
  }

  /** The logged chunk under {@code h}, or null if the log has none. */
  byte[] chunk(Hash h) {
    return chunks.get(h);
  }

  /** The logged state of ref {@code name}: null if the log does not mention it. */
  Optional<byte[]> ref(String name) {
    return refs.get(name);
  }

  /** Applies the logged refs starting with {@code prefix} to {@code fromTables}, the refs read from the tables. */
  void overlayRefs(String prefix, SortedMap<String, byte[]> fromTables) {
    for (Map.Entry<String, Optional<byte[]>> e : refs.tailMap(prefix).entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        break;
      }
      if (e.getValue().isPresent()) {
        fromTables.put(e.getKey(), e.getValue().get().clone());
      } else {
        fromTables.remove(e.getKey());
      }
    }
  }
}
