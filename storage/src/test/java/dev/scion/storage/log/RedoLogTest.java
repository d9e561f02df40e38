package dev.scion.storage.log;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedoLogTest {
  @TempDir
  Path dir;

  /** Small segments so that a few records fill one: 2 of 8 KiB growing to 16 KiB. */
  private static final RedoLog.Sizing SMALL = new RedoLog.Sizing(2, 8 << 10, 16 << 10);

  /** Counts the log's requests and checks that no segment is overwritten before the flush that covers it. */
  private static final class RecordingCheckpoints implements RedoLog.Checkpoints {
    final List<String> calls = new ArrayList<>();

    @Override
    public void startFlush() {
      calls.add("start");
    }

    @Override
    public void awaitFlushes() {
      calls.add("await");
    }

    @Override
    public boolean flushesDone() {
      return false; // only the waits record checkpoints here
    }
  }

  private Path logDir() {
    return dir.resolve("log");
  }

  private static byte[] payload(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Every record still on disk, whatever the checkpoint says (these tests have no database behind the log). */
  private List<String> replayed() throws IOException {
    List<String> out = new ArrayList<>();
    LogReader.replayAll(logDir(), LogFiles.SYSTEM, p -> out.add(new String(p, StandardCharsets.UTF_8)));
    return out;
  }

  private RedoLog openAfterReplay(RedoLog.Sizing sizing, RedoLog.Checkpoints checkpoints) throws IOException {
    LogReader.End end = LogReader.replay(logDir(), LogFiles.SYSTEM, p -> { });
    return RedoLog.open(logDir(), sizing, end, checkpoints, LogFiles.SYSTEM);
  }

  private static String record(int i) {
    return "record " + i + " " + "x".repeat(i % 50);
  }

  @Test
  void recordsReplayInOrderAfterReopen() throws IOException {
    try (RedoLog log = openAfterReplay(SMALL, new RecordingCheckpoints())) {
      for (int i = 0; i < 5; i++) {
        log.append(payload(record(i)));
      }
      log.sync();
    }
    assertEquals(List.of(record(0), record(1), record(2), record(3), record(4)), replayed());
    LogReader.End end = LogReader.replayAll(logDir(), LogFiles.SYSTEM, p -> { });
    assertEquals(6, end.nextSequence());
  }

  @Test
  void anEmptyOrMissingLogReplaysNothing() throws IOException {
    assertEquals(List.of(), replayed());
    try (RedoLog log = openAfterReplay(SMALL, new RecordingCheckpoints())) {
      log.sync();
    }
    assertEquals(List.of(), replayed());
    assertEquals(8 << 10, Files.size(firstSegment()), "the first segment is preallocated at the first size");
    assertEquals(8 << 10, Files.size(SegmentFiles.path(logDir(), 0)),
        "the next one, in the background, also at the first size: nothing filled a segment yet");
    for (int reopen = 0; reopen < 6; reopen++) {
      try (RedoLog log = openAfterReplay(SMALL, new RecordingCheckpoints())) {
        log.sync();
      }
    }
    try (var files = segments()) {
      assertEquals(List.of(8L << 10), files.map(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).distinct().toList(), "reopening a log that is never filled does not grow it");
    }
  }

  @Test
  void aTornLastRecordIsDropped() throws IOException {
    long tailStart;
    try (RedoLog log = openAfterReplay(SMALL, new RecordingCheckpoints())) {
      log.append(payload(record(1)));
      log.append(payload(record(2)));
      tailStart = LogRecord.HEADER_BYTES * 2L + record(1).length() + record(2).length();
      log.append(payload(record(3)));
    }
    // the last record's final bytes never reached the disk: zeros where its end should be
    overwrite(firstSegment(), tailStart + LogRecord.HEADER_BYTES + record(3).length() - 4, new byte[4]);
    assertEquals(List.of(record(1), record(2)), replayed());
  }

  @Test
  void aCrcFailureEndsTheReplayThere() throws IOException {
    try (RedoLog log = openAfterReplay(SMALL, new RecordingCheckpoints())) {
      for (int i = 1; i <= 4; i++) {
        log.append(payload(record(i)));
      }
    }
    // flip one payload byte of the second record: it and everything after it are out
    long second = LogRecord.HEADER_BYTES + record(1).length();
    overwrite(firstSegment(), second + LogRecord.HEADER_BYTES + 2, payload("?"));
    assertEquals(List.of(record(1)), replayed());
  }

  @Test
  void wrapAroundOverwritesOnlyAfterTheFlushAndStaleRecordsAreNotReplayed() throws IOException {
    RecordingCheckpoints checkpoints = new RecordingCheckpoints();
    List<String> written = new ArrayList<>();
    long firstGeneration;
    try (RedoLog log = openAfterReplay(SMALL, checkpoints)) {
      firstGeneration = log.generation();
      for (int i = 0; log.generation() < firstGeneration + 5; i++) {
        log.append(payload(record(i)));
        written.add(record(i));
      }
    }
    // five segment changes on a ring of two: each started a flush of the segment left, and from the second on
    // the segment about to be overwritten was first waited for
    assertEquals(List.of("start", "await", "start", "await", "start", "await", "start", "await", "start"),
        checkpoints.calls);
    // the replay is the newest records, a suffix of what was written, in order; the reused segment's stale
    // records of an older generation (behind the new ones) are not among them
    List<String> replayed = replayed();
    assertFalse(replayed.isEmpty());
    assertEquals(written.subList(written.size() - replayed.size(), written.size()), replayed);
    assertTrue(replayed.size() < written.size() / 2, "older segments were overwritten");
    try (var files = segments()) {
      assertTrue(files.allMatch(f -> f.toFile().length() == 16 << 10), "both segments grew to the full size");
    }
  }

  @Test
  void withFourSegmentsTheDatabaseFlushesEverySecondSegmentAndIsWaitedForOnlyBeforeAReuse() throws IOException {
    RecordingCheckpoints checkpoints = new RecordingCheckpoints();
    try (RedoLog log = openAfterReplay(new RedoLog.Sizing(4, 8 << 10, 16 << 10), checkpoints)) {
      long first = log.generation();
      for (int i = 0; log.generation() < first + 8; i++) {
        log.append(payload(record(i)));
      }
    }
    // a flush when the second segment is left; from the first reuse on, each reuse waits for the flush started
    // two segments earlier (which covers the reused one) and then starts the next
    assertEquals(List.of("start", "await", "start", "await", "start", "await", "start"), checkpoints.calls);
  }

  @Test
  void afterARestartATornRecordsSuccessorOnDiskIsNeverTakenForANewRecord() throws IOException {
    RedoLog.Sizing ring = new RedoLog.Sizing(3, 8 << 10, 16 << 10); // each restart moves to the next file
    try (RedoLog log = openAfterReplay(ring, new RecordingCheckpoints())) {
      log.append(payload("first"));
      log.append(payload("lost-2")); // torn below
      log.append(payload("lost-3")); // reached the disk, but after a torn record: never acknowledged
    }
    long second = LogRecord.HEADER_BYTES + "first".length();
    overwrite(firstSegment(), second, new byte[4]); // the second record's CRC is gone
    assertEquals(List.of("first"), replayed());
    // the restarted writer uses a new generation, so a record of the same length as the torn one cannot make the
    // old third record look like its successor
    try (RedoLog log = openAfterReplay(ring, new RecordingCheckpoints())) {
      log.append(payload("again2"));
    }
    assertEquals(List.of("first", "again2"), replayed());
    try (RedoLog log = openAfterReplay(ring, new RecordingCheckpoints())) {
      log.append(payload("third"));
    }
    assertEquals(List.of("first", "again2", "third"), replayed());
  }

  @Test
  void aSegmentOfAnUnrelatedGenerationIsNotJoinedToTheChain() throws IOException {
    try (RedoLog log = openAfterReplay(SMALL, new RecordingCheckpoints())) {
      for (int i = 0; i < 3; i++) {
        log.append(payload(record(i)));
      }
    }
    Path segment = firstSegment();
    // a stray file with a valid record whose sequence does not follow: it is newest, so it alone is replayed
    try (FileChannel ch = FileChannel.open(logDir().resolve("segment-9"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      ch.write(new LogRecord(1000, 77, payload("stray")).encode(), 0);
    }
    assertEquals(List.of("stray"), replayed());
    Files.delete(logDir().resolve("segment-9"));
    assertEquals(List.of(record(0), record(1), record(2)), replayed());
    assertTrue(Files.exists(segment));
  }

  @Test
  void aPayloadAboveTheLimitIsRefused() throws IOException {
    try (RedoLog log = openAfterReplay(SMALL, new RecordingCheckpoints())) {
      assertThrows(IllegalArgumentException.class, () -> log.append(new byte[(int) SMALL.maxPayloadBytes() + 1]));
      log.append(new byte[(int) SMALL.maxPayloadBytes()]);
    }
    assertEquals(1, replayed().size());
  }

  private java.util.stream.Stream<Path> segments() throws IOException {
    return Files.list(logDir()).filter(p -> SegmentFiles.index(p.getFileName().toString()) >= 0);
  }

  /** The segment a new log writes first: a fresh log's generation is one above a ring's worth, in file 1. */
  private Path firstSegment() {
    return SegmentFiles.path(logDir(), 1);
  }

  private static void overwrite(Path file, long position, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(bytes), position);
    }
  }
}
