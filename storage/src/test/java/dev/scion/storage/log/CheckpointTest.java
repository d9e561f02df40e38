package dev.scion.storage.log;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's checkpoint: an open replays only the records the database may not hold. */
class CheckpointTest {
  @TempDir
  Path dir;

  /** 4 segments of 8 KiB growing to 16 KiB. */
  private static final RedoLog.Sizing RING = new RedoLog.Sizing(4, 8 << 10, 16 << 10);

  /** A database whose flushes finish at once: every wait and every poll finds them done. */
  private static final class InstantFlushes implements RedoLog.Checkpoints {
    int started;

    @Override
    public void startFlush() {
      started++;
    }

    @Override
    public void awaitFlushes() {}

    @Override
    public boolean flushesDone() {
      return true;
    }
  }

  private Path logDir() {
    return dir.resolve("log");
  }

  /** An open as the store does it: the replay (collected into {@code into}), then the log opened for writing. */
  private RedoLog open(List<String> into) throws IOException {
    LogReader.End end = replay(into);
    return RedoLog.open(logDir(), RING, end, new InstantFlushes(), LogFiles.SYSTEM);
  }

  private LogReader.End replay(List<String> into) throws IOException {
    return LogReader.replay(logDir(), LogFiles.SYSTEM, p -> into.add(new String(p, StandardCharsets.UTF_8)));
  }

  private static byte[] record(int i) {
    return ("record " + i + " " + "y".repeat(200)).getBytes(StandardCharsets.UTF_8);
  }

  private static String text(int i) {
    return new String(record(i), StandardCharsets.UTF_8);
  }

  @Test
  void anOpenAfterACleanCloseReplaysNothingAndTheSequenceGoesOn() throws IOException {
    try (RedoLog log = open(new ArrayList<>())) {
      for (int i = 1; i <= 10; i++) {
        log.append(record(i));
      }
      log.sync();
      log.checkpointAll();
    }
    List<String> replayed = new ArrayList<>();
    LogReader.End end = replay(replayed);
    assertEquals(List.of(), replayed);
    assertEquals(0, end.records());
    assertTrue(end.fromCheckpoint());
    assertEquals(11, end.nextSequence());
    try (RedoLog log = RedoLog.open(logDir(), RING, end, new InstantFlushes(), LogFiles.SYSTEM)) {
      log.append(record(11));
      log.append(record(12));
      log.sync();
    } // no checkpoint: as after a crash
    replayed.clear();
    end = replay(replayed);
    assertEquals(List.of(text(11), text(12)), replayed, "only what came after the checkpoint");
    assertEquals(13, end.nextSequence());
    List<String> all = new ArrayList<>();
    LogReader.replayAll(logDir(), LogFiles.SYSTEM, p -> all.add(new String(p, StandardCharsets.UTF_8)));
    assertEquals(12, all.size(), "the records before it are still on disk");
  }

  @Test
  void whileWritingTheCheckpointFollowsTheFinishedFlushes() throws IOException {
    int written = 0;
    long firstGeneration;
    try (RedoLog log = open(new ArrayList<>())) {
      firstGeneration = log.generation();
      while (log.generation() < firstGeneration + 9) {
        log.append(record(++written));
      }
      log.sync();
    } // a crash: no clean checkpoint
    List<String> replayed = new ArrayList<>();
    LogReader.End end = replay(replayed);
    assertTrue(end.fromCheckpoint());
    assertEquals(written + 1, end.nextSequence());
    assertFalse(replayed.isEmpty());
    // a flush starts every second segment change and is found finished at the next change: what is replayed is
    // at most the last three segments' records, and always a suffix of what was written
    assertTrue(replayed.size() < written / 2, replayed.size() + " of " + written);
    for (int k = 0; k < replayed.size(); k++) {
      assertEquals(text(written - replayed.size() + 1 + k), replayed.get(k));
    }
  }

  @Test
  void aTornCheckpointLeavesThePreviousOne() throws IOException {
    try (RedoLog log = open(new ArrayList<>())) {
      log.append(record(1));
      log.checkpointAll(); // slot 0 (counter 2: the open wrote the first checkpoint)
      log.append(record(2));
      log.checkpointAll(); // slot 1
      log.append(record(3));
      log.sync();
    }
    List<String> replayed = new ArrayList<>();
    replay(replayed);
    assertEquals(List.of(text(3)), replayed);
    // the newest slot's write was torn: its CRC no longer matches, so the one before it counts
    int newestSlot = 1;
    try (FileChannel ch = FileChannel.open(logDir().resolve(CheckpointFile.NAME), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {0x55, 0x55}), newestSlot * 4096L + 30);
    }
    replayed.clear();
    replay(replayed);
    assertEquals(List.of(text(2), text(3)), replayed);
  }

  @Test
  void aBrokenChainAfterTheCheckpointFallsBackToTheWholeLog() throws IOException {
    try (RedoLog log = open(new ArrayList<>())) {
      log.append(record(1));
      log.checkpointAll();
      log.append(record(2));
    }
    // a newer segment whose first record does not follow: the log is not what the writer leaves behind
    try (FileChannel ch = FileChannel.open(logDir().resolve("segment-3"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      ch.write(new LogRecord(1000, 77, "stray".getBytes(StandardCharsets.UTF_8)).encode(), 0);
    }
    List<String> replayed = new ArrayList<>();
    LogReader.End end = replay(replayed);
    assertFalse(end.fromCheckpoint());
    assertEquals(List.of("stray"), replayed, "as the whole-log replay has it: the newest chain");
  }

  @Test
  void aLogWithoutACheckpointIsReplayedWholeAndGetsOne() throws IOException {
    try (RedoLog log = open(new ArrayList<>())) {
      log.append(record(1));
      log.append(record(2));
    }
    java.nio.file.Files.delete(logDir().resolve(CheckpointFile.NAME)); // as a log written before checkpoints
    List<String> replayed = new ArrayList<>();
    LogReader.End end = replay(replayed);
    assertFalse(end.fromCheckpoint());
    assertEquals(List.of(text(1), text(2)), replayed);
    try (RedoLog log = RedoLog.open(logDir(), RING, end, new InstantFlushes(), LogFiles.SYSTEM)) {
      log.sync();
    }
    replayed.clear();
    assertEquals(0, replay(replayed).records(), "the open recorded that the database holds both");
  }
}
