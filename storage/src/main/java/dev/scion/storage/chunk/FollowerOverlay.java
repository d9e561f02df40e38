package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import dev.scion.storage.log.LogReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a follower sees beyond the tables the owning process has flushed: the owner's redo log, replayed into
 * memory once at open (RocksDB's secondary instance only catches up from its own write-ahead log, which the owner
 * no longer writes). Records are replayed in order, so each ref ends with its latest logged value. Built once,
 * then only read: safe to share between threads.
 */
final class FollowerOverlay implements LoggedBatch.Target {
  private final Map<Hash, byte[]> chunks = new HashMap<>();
  /** Ref name to its logged value; an empty Optional for a ref the log deleted. */
  private final TreeMap<String, Optional<byte[]>> refs = new TreeMap<>();

  private FollowerOverlay() {}

  /** Reads the redo log of the store in {@code storeDir} (a torn last record is simply not there yet). */
  static FollowerOverlay read(Path storeDir) throws IOException {
    FollowerOverlay overlay = new FollowerOverlay();
    LogReader.replay(storeDir.resolve(StoreLog.DIR), payload -> {
      try {
        LoggedBatch.replay(payload, overlay);
      } catch (org.rocksdb.RocksDBException e) {
        throw new IllegalStateException(e); // the overlay's target methods do not touch RocksDB
      }
    });
    return overlay;
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
