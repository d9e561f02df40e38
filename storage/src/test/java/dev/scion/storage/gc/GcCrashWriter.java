package dev.scion.storage.gc;

import static dev.scion.storage.gc.GcFixtures.*;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.RefUpdate;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Child process of {@link GcCrashTest}: commits table edits forever on one thread, printing "ACK root"
 * after each commit returns, while another thread collects garbage in a loop printing "GC n", until it
 * is killed.
 */
public final class GcCrashWriter {
  static final String REF = "refs/heads/main";

  private GcCrashWriter() {}

  public static void main(String[] args) {
    try (RocksChunkStore store = RocksChunkStore.open(Path.of(args[0]), StoreOptions.defaults())) {
      Thread collector = new Thread(() -> {
        GarbageCollector gc = new GarbageCollector(store, WalkerRegistry.withStorageKinds());
        for (int n = 0; ; n++) {
          gc.collect(RootSources.refs(store, "refs/", ChunkKind.PROLLY_NODE));
          System.out.println("GC " + n);
          System.out.flush();
        }
      }, "collector");
      collector.setDaemon(true);
      Random r = new Random(5);
      byte[] before = null;
      for (int txn = 0; ; txn++) {
        ChunkBuffer buf = new ChunkBuffer(store);
        ProllyMap map = before == null ? ProllyMap.empty(buf) : ProllyMap.load(buf, Hash.fromBytes(before));
        MapEdits edits = new MapEdits();
        for (int i = 0; i < 20; i++) {
          edits.put(key(r.nextInt(3_000)), VALUE.encodeValue(randomRow(r, 15), buf));
        }
        Hash root = map.edit(edits, buf).root();
        store.commit(buf.pending(), List.of(RefUpdate.cas(REF, before, root.bytes())));
        before = root.bytes();
        System.out.println("ACK " + root);
        System.out.flush();
        if (txn == 20) {
          collector.start(); // once there is some history to collect
        }
      }
    }
  }
}
