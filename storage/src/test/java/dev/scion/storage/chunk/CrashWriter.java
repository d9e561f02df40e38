package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import dev.scion.storage.log.RedoLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Child process of {@link CrashRecoveryTest}: commits forever, printing "ACK i" after each commit returns,
 * until it is killed. Arguments: the store directory, then optionally the redo log's segment count, first and
 * full segment size; with those, some commits also carry a chunk too large for one log record
 * ({@link #carriesBigChunk}).
 */
public final class CrashWriter {
  private CrashWriter() {}

  static final int BIG_EVERY = 25;

  /** The chunk of commit i (deterministic, so the parent can recompute it). */
  static byte[] chunk(int i) {
    Random r = new Random(i);
    byte[] c = new byte[100 + r.nextInt(8000)];
    r.nextBytes(c);
    return c;
  }

  /**
   * Whether commit i carries a chunk too large for a log record: every {@link #BIG_EVERY}th of the first 100
   * only, since each such commit flushes RocksDB, and the commits after them must wrap the log without that help.
   */
  static boolean carriesBigChunk(int i) {
    return i % BIG_EVERY == 0 && i <= 100;
  }

  /** The extra chunk of commit i when it carries one: {@code bytes} long. */
  static byte[] bigChunk(int i, int bytes) {
    Random r = new Random(-i);
    byte[] c = new byte[bytes];
    r.nextBytes(c);
    return c;
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    RedoLog.Sizing sizing = args.length > 1
        ? new RedoLog.Sizing(Integer.parseInt(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]))
        : RedoLog.Sizing.defaults();
    boolean big = args.length > 1;
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults(), sizing)) {
      byte[] previous = null;
      for (int i = 0; ; i++) {
        byte[] c = chunk(i);
        Hash h = Hash.of(c);
        Map<Hash, byte[]> chunks = new java.util.HashMap<>(Map.of(h, c));
        if (big && carriesBigChunk(i)) {
          byte[] b = bigChunk(i, (int) sizing.maxPayloadBytes() + 1);
          chunks.put(Hash.of(b), b);
        }
        store.commit(chunks, List.of(
            RefUpdate.set("crash/" + i, h.bytes()),
            RefUpdate.cas("crash/head", previous, h.bytes())));
        previous = h.bytes();
        System.out.println("ACK " + i);
        System.out.flush();
      }
    }
  }
}
