package dev.scion.storage.chunk;

import dev.scion.storage.Hash;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Child process of {@link CrashRecoveryTest}: commits forever, printing "ACK i" after each commit returns,
 * until it is killed.
 */
public final class CrashWriter {
  private CrashWriter() {}

  /** The chunk of commit i (deterministic, so the parent can recompute it). */
  static byte[] chunk(int i) {
    Random r = new Random(i);
    byte[] c = new byte[100 + r.nextInt(8000)];
    r.nextBytes(c);
    return c;
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults())) {
      byte[] previous = null;
      for (int i = 0; ; i++) {
        byte[] c = chunk(i);
        Hash h = Hash.of(c);
        store.commit(Map.of(h, c), List.of(
            RefUpdate.set("crash/" + i, h.bytes()),
            RefUpdate.cas("crash/head", previous, h.bytes())));
        previous = h.bytes();
        System.out.println("ACK " + i);
        System.out.flush();
      }
    }
  }
}
