package dev.scion.storage.gc;

import static dev.scion.storage.gc.GcFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a process that commits while it collects garbage: the table at the ref must be whole on reopen. */
class GcCrashTest {
  @TempDir
  Path dir;

  @Test
  void killDuringCollectionLeavesTheCommittedTableWhole() throws Exception {
    Path db = dir.resolve("db");
    Path stderr = dir.resolve("child.err");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, GcCrashWriter.class.getName(), db.toString());
    pb.redirectError(stderr.toFile());
    Process child = pb.start();
    List<Hash> acked = new ArrayList<>();
    int collections = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((collections < 5 || acked.size() < 200) && (line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acked.add(Hash.parse(line.substring(4)));
        } else if (line.startsWith("GC ")) {
          collections++;
        }
      }
      assertTrue(collections >= 5, "child stopped early: " + Files.readString(stderr));
      child.destroyForcibly(); // SIGKILL, most likely mid-commit and mid-collection
      child.waitFor();
    } finally {
      child.destroyForcibly();
    }

    try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults())) {
      Hash head = Hash.fromBytes(store.readRef(GcCrashWriter.REF));
      Hash lastAck = acked.get(acked.size() - 1);
      // The head is the last acknowledged root, or a later commit that was written but not acknowledged.
      assertTrue(head.equals(lastAck) || !acked.contains(head), "head went back to an older root");
      RecordingReader reader = new RecordingReader(store);
      assertFalse(readAll(reader, head).isEmpty());
      GcResult after = new GarbageCollector(store, WalkerRegistry.withStorageKinds())
          .collect(RootSources.refs(store, "refs/", ChunkKind.PROLLY_NODE));
      assertEquals(0, after.missingChunks());
      assertEquals(reader.read.size(), store.countChunks());
    }
  }
}
