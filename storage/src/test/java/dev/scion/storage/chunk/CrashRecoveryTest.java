package dev.scion.storage.chunk;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a process that is committing; every acknowledged commit must survive. */
class CrashRecoveryTest {
  @TempDir
  Path dir;

  @Test
  void acknowledgedCommitsSurviveKillDashNine() throws Exception {
    Path db = dir.resolve("db");
    Path stderr = dir.resolve("child.err");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, CrashWriter.class.getName(), db.toString());
    pb.redirectError(stderr.toFile());
    Process child = pb.start();
    int lastAck = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (lastAck < 300 && (line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          lastAck = Integer.parseInt(line.substring(4));
        }
        if (lastAck == 0) {
          // the running child holds the database: another process's open must fail cleanly
          StorageException e = assertThrows(StorageException.class, () -> RocksChunkStore.open(db, StoreOptions.defaults()));
          assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
        }
      }
      assertTrue(lastAck >= 300, "child stopped early: " + Files.readString(stderr));
      child.destroyForcibly(); // SIGKILL, mid-commit
      child.waitFor();
    } finally {
      child.destroyForcibly();
    }

    try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults())) {
      for (int i = 0; i <= lastAck; i++) {
        byte[] c = CrashWriter.chunk(i);
        Hash h = Hash.of(c);
        assertArrayEquals(c, store.get(h), "chunk of acknowledged commit " + i);
        assertArrayEquals(h.bytes(), store.readRef("crash/" + i), "ref of acknowledged commit " + i);
      }
      // the head is the last acknowledged commit or a later one that was written but not yet acknowledged
      byte[] head = store.readRef("crash/head");
      int headIndex = -1;
      for (int i = lastAck; i < lastAck + 10_000 && headIndex < 0; i++) {
        if (Arrays.equals(Hash.of(CrashWriter.chunk(i)).bytes(), head)) {
          headIndex = i;
        }
      }
      assertTrue(headIndex >= lastAck, "head must not go back before acknowledged commit " + lastAck);
      assertNotNull(store.readRef("crash/" + headIndex));
    }
  }
}
