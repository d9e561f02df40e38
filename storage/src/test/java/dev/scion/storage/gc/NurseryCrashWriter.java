package dev.scion.storage.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.log.RedoLog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Child process of {@link NurseryCrashTest}: commits forever into a store with a nursery and a tiny redo log (so
 * drains run every few dozen commits), printing "ACK i" after each commit returns and "DROPPED n" now and then,
 * until it is killed. Commit i writes node i, which names the newest anchor (every tenth node, kept by a ref of its
 * own) as its child, plus an unreferenced chunk, and moves {@code head} to node i: so almost every chunk becomes
 * garbage a commit later, while the anchors' chain stays live.
 */
public final class NurseryCrashWriter {
  static final ChunkKind NODE = new ChunkKind("test.node");
  static final RedoLog.Sizing SIZING = new RedoLog.Sizing(4, 16 << 10, 32 << 10);

  private NurseryCrashWriter() {}

  /** Node i: the address of its child (20 zero bytes for none) then a payload. */
  static byte[] node(int i, Hash child) {
    Random r = new Random(i);
    byte[] c = new byte[Hash.LENGTH + 200 + r.nextInt(1500)];
    r.nextBytes(c);
    System.arraycopy(child == null ? new byte[Hash.LENGTH] : child.bytes(), 0, c, 0, Hash.LENGTH);
    return c;
  }

  static WalkerRegistry walkers() {
    return WalkerRegistry.withStorageKinds().register(NODE, (address, chunk, out) -> {
      Hash child = Hash.fromBytes(java.util.Arrays.copyOf(chunk, Hash.LENGTH));
      if (!child.equals(Hash.fromBytes(new byte[Hash.LENGTH]))) {
        out.child(child, NODE);
      }
    });
  }

  static NurseryMarker liveness(RocksChunkStore store) {
    return new NurseryMarker(RootSources.refs(store, "", NODE), walkers(), ReaderFence.NONE, () -> true, 1_000);
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    try (RocksChunkStore store = RocksChunkStore.open(dir, StoreOptions.defaults().withNursery(true), SIZING)) {
      store.attachNurseryLiveness(liveness(store));
      Hash anchor = null;
      byte[] previous = null;
      for (int i = 0; ; i++) {
        byte[] n = node(i, anchor);
        Hash h = Hash.of(n);
        byte[] noise = new byte[300];
        new Random(-i).nextBytes(noise);
        Map<Hash, byte[]> chunks = new HashMap<>();
        chunks.put(h, n);
        chunks.put(Hash.of(noise), noise);
        List<RefUpdate> updates = new java.util.ArrayList<>(List.of(RefUpdate.cas("head", previous, h.bytes())));
        if (i % 10 == 0) {
          updates.add(RefUpdate.set("anchor/" + i, h.bytes()));
          anchor = h;
        }
        store.commit(chunks, updates);
        previous = h.bytes();
        System.out.println("ACK " + i);
        if (i % 50 == 0) {
          System.out.println("DROPPED " + store.chunksDropped());
        }
        System.out.flush();
      }
    }
  }
}
