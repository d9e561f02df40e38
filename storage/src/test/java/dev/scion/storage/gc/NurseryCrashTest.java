package dev.scion.storage.gc;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.testing.KilledWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a process whose drains drop young garbage every few dozen commits, at random points (before, during
 * and after drains; several kills pile up on one store): every acknowledged commit survives and no ref reaches a
 * missing chunk.
 */
class NurseryCrashTest {
  @TempDir
  Path dir;

  @Test
  void killsAtAnyPointOfTheDrainsLoseNothingAcknowledged() throws Exception {
    Path db = dir.resolve("db");
    Random random = new Random();
    long dropped = 0;
    int acked = -1;
    for (int trial = 0; trial < 4; trial++) {
      int acks = 150 + random.nextInt(400);
      long[] droppedSeen = {0};
      int lastAck = runAndKill(db, acks, droppedSeen);
      dropped += droppedSeen[0];
      try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults())) {
        Map<String, byte[]> refs = store.listRefs("");
        assertNotNull(refs.get("head"));
        // every ref's chain is whole
        for (Map.Entry<String, byte[]> e : refs.entrySet()) {
          Hash h = Hash.fromBytes(e.getValue());
          while (h != null) {
            byte[] c = store.get(h);
            assertNotNull(c, "chunk " + h + " reached from " + e.getKey() + " is missing");
            Hash child = Hash.fromBytes(java.util.Arrays.copyOf(c, Hash.LENGTH));
            h = child.equals(Hash.fromBytes(new byte[Hash.LENGTH])) ? null : child;
          }
        }
        // each run restarts at commit 0 with head's CAS from null: only the latest run's acknowledged anchors count
        for (int i = 0; i <= lastAck; i += 10) {
          assertNotNull(refs.get("anchor/" + i), "anchor of acknowledged commit " + i);
        }
      }
      // the next run starts afresh: clear head so its first CAS holds
      try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults())) {
        store.commit(Map.of(), List.of(dev.scion.storage.chunk.RefUpdate.delete("head")));
      }
      acked = lastAck;
    }
    assertTrue(acked > 0);
    assertTrue(dropped > 0, "the drains dropped garbage before the kills");
  }

  private int runAndKill(Path db, int acks, long[] dropped) throws Exception {
    return KilledWriter.runUntilAcked(dir, NurseryCrashWriter.class, List.of(db.toString()), acks, (line, ack) -> {
      if (line.startsWith("DROPPED ")) {
        dropped[0] = Long.parseLong(line.substring(8));
      }
    });
  }
}
