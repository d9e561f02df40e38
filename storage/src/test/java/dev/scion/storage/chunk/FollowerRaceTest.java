package dev.scion.storage.chunk;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.log.LogFiles;
import dev.scion.storage.log.LogReader;
import dev.scion.storage.log.RedoLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower opened beside a writing owner: the owner overwrites the segment holding a commit between the
 * follower's catch-up with the tables and its read of the log, which the follower must notice and repair.
 */
class FollowerRaceTest {
  @TempDir
  Path dir;

  /** A ring of 4 segments of 16 KiB: five commits of 3,000 bytes fill a segment, twenty the ring. */
  private static final RedoLog.Sizing RING = new RedoLog.Sizing(4, 16 << 10, 16 << 10);

  private static byte[] commit(RocksChunkStore store, String ref, int i) {
    byte[] c = new byte[3000];
    new java.util.Random(i).nextBytes(c);
    store.commit(Map.of(Hash.of(c), c), List.of(RefUpdate.set(ref, Hash.of(c).bytes())));
    return c;
  }

  private static boolean logHolds(Path db, byte[] chunk) {
    List<byte[]> payloads = new ArrayList<>();
    try {
      LogReader.replayAll(db.resolve(StoreLog.DIR), LogFiles.SYSTEM, payloads::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] address = Hash.of(chunk).bytes();
    return payloads.stream().anyMatch(p -> indexOf(p, address) >= 0);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aSegmentOverwrittenBetweenCatchUpAndLogReadIsNoticedAndReadAgain() {
    Path db = dir.resolve("db");
    try (RocksChunkStore owner = RocksChunkStore.open(db, StoreOptions.defaults(), RING)) {
      byte[] a = commit(owner, "refs/heads/a", 1);
      assertTrue(logHolds(db, a), "the commit is only in the log and the owner's memtable");
      int[] reads = {0};
      byte[][] last = {null};
      Runnable afterCatchUp = () -> {
        if (reads[0]++ == 0) {
          // the follower's tables are as of before this: the owner now wraps its whole ring, flushing the commit
          // and then overwriting the segment that held it
          for (int i = 2; i < 60; i++) {
            last[0] = commit(owner, "refs/heads/b", i);
          }
          assertFalse(logHolds(db, a), "the commit's segment was overwritten");
        }
      };
      try (RocksChunkStore follower = RocksChunkStore.openFollower(db, StoreOptions.defaults(), afterCatchUp)) {
        assertArrayEquals(a, follower.get(Hash.of(a)));
        assertArrayEquals(Hash.of(a).bytes(), follower.readRef("refs/heads/a"));
        assertArrayEquals(Hash.of(last[0]).bytes(), follower.readRef("refs/heads/b"));
        assertEquals(2, reads[0], "the overwrite was noticed and the log read again after a second catch-up");
      }
    }
  }

  @Test
  void aFollowerOfAQuietOwnerReadsTheLogOnce() {
    Path db = dir.resolve("db");
    try (RocksChunkStore owner = RocksChunkStore.open(db, StoreOptions.defaults(), RING)) {
      byte[] a = commit(owner, "refs/heads/a", 1);
      int[] reads = {0};
      try (RocksChunkStore follower = RocksChunkStore.openFollower(db, StoreOptions.defaults(),
          () -> reads[0]++)) {
        assertEquals(1, reads[0]);
        assertArrayEquals(a, follower.get(Hash.of(a)));
      }
    }
  }
}
