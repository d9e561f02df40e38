package dev.scion.storage.chunk;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.log.RedoLog;
import dev.scion.storage.testing.KilledWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a process that is committing; every acknowledged commit must survive. */
class CrashRecoveryTest {
  @TempDir
  Path dir;

  @Test
  void acknowledgedCommitsSurviveKillDashNine() throws Exception {
    killWriterAndCheck(300, null);
  }

  /**
   * A redo log of four segments of 64 KiB at most, so the ring is overwritten many times before the kill
   * (each overwrite only after RocksDB flushed the segment's records), and a few early commits have a chunk
   * too large for a log record (written to RocksDB and flushed before its commit's refs are logged).
   */
  @Test
  void acknowledgedCommitsSurviveKillDashNineAfterTheLogWrappedAround() throws Exception {
    RedoLog.Sizing sizing = new RedoLog.Sizing(4, 16 << 10, 64 << 10);
    Path db = killWriterAndCheck(600, sizing);
    try (RocksChunkStore store = RocksChunkStore.open(db, StoreOptions.defaults(), sizing)) {
      for (int i = 0; CrashWriter.carriesBigChunk(i); i += CrashWriter.BIG_EVERY) {
        byte[] big = CrashWriter.bigChunk(i, (int) sizing.maxPayloadBytes() + 1);
        assertArrayEquals(big, store.get(Hash.of(big)), "large chunk of acknowledged commit " + i);
      }
    }
    try (var segments = Files.list(db.resolve(StoreLog.DIR))) {
      // (the reopens above with default sizes grew the segment they started to write to 16 MiB)
      List<Path> files = segments.filter(f -> f.getFileName().toString().startsWith("segment-")).toList();
      assertEquals(4, files.size());
      assertTrue(files.stream().allMatch(f -> f.toFile().length() >= 64 << 10),
          "every segment reached the full size, so the ring wrapped: " + files);
    }
  }

  /** Runs {@link CrashWriter}, kills it after {@code acks} acknowledged commits, checks them; the store's dir. */
  private Path killWriterAndCheck(int acks, RedoLog.Sizing sizing) throws Exception {
    Path db = dir.resolve("db");
    List<String> args = new ArrayList<>(List.of(db.toString()));
    if (sizing != null) {
      args.addAll(List.of(String.valueOf(sizing.segments()), String.valueOf(sizing.firstSegmentBytes()),
          String.valueOf(sizing.segmentBytes())));
    }
    int lastAck = KilledWriter.runUntilAcked(dir, CrashWriter.class, args, acks, (line, ack) -> {
      if (line.startsWith("ACK ") && ack == 0) {
        // the running child holds the database: another process's open must fail cleanly
        StorageException e = assertThrows(StorageException.class, () -> RocksChunkStore.open(db, StoreOptions.defaults()));
        assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
      }
    });

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
    return db;
  }
}
