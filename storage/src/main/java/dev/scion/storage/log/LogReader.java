package dev.scion.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a redo log back: the replay at open. Each segment's records run from its start for as long as they
 * carry the generation of its first record, consecutive sequence numbers and a matching CRC; the first record
 * that fails any check ends the segment, so a torn write or the stale tail of an earlier generation is never
 * taken for a record.
 *
 * <p>{@link #replay} starts at the log's {@link Checkpoint}: only the records after it are read and applied,
 * from the position the checkpoint names on, through the segments of later generations as long as each one's
 * first sequence number follows the last one before it. Without a checkpoint, or when that chain is broken
 * (something the writer never leaves behind), it falls back to {@link #replayAll}: segments ordered by
 * generation, and the replay is the longest run of them, ending at the newest, in which each segment's first
 * sequence number follows the last one of the segment before.
 */
public final class LogReader {
  /**
   * Where a log ended: its newest generation (0 for none) and the sequence number of the next record; how many
   * records were passed on, and whether the replay started at a checkpoint.
   */
  public record End(long generation, long nextSequence, long records, boolean fromCheckpoint) {}

  /** Records {@code firstSequence..lastSequence} of {@code generation}, starting at byte {@code offset}. */
  private record Segment(Path file, long offset, long generation, long firstSequence, long lastSequence) {}

  /** One record read from a segment (its whole image) and where the next one would start. */
  private record Read(long generation, long sequence, byte[] image, long next) {
    byte[] payload() {
      return java.util.Arrays.copyOfRange(image, LogRecord.HEADER_BYTES, image.length);
    }
  }

  /** The first record of a segment file. */
  private record Head(Path file, Read first) {}

  private LogReader() {}

  /** Calls {@code apply} with the payload of every record after the log's checkpoint, oldest first. */
  public static End replay(Path dir, LogFiles files, Consumer<byte[]> apply) throws IOException {
    Checkpoint checkpoint = CheckpointFile.read(dir, files);
    if (checkpoint != null) {
      List<Segment> plan = new ArrayList<>();
      long newest = planFrom(checkpoint, dir, files, plan);
      if (newest > 0) {
        long records = applyAll(files, plan, apply);
        long next = plan.isEmpty() ? checkpoint.sequence() + 1 : plan.get(plan.size() - 1).lastSequence() + 1;
        return new End(newest, next, records, true);
      }
    }
    return replayAll(dir, files, apply);
  }

  /**
   * Calls {@code apply} with the payload of every record of the log in {@code dir} that is still on disk,
   * oldest first, whatever the checkpoint says (a follower needs what the owner has not flushed yet).
   */
  public static End replayAll(Path dir, LogFiles files, Consumer<byte[]> apply) throws IOException {
    List<Segment> segments = new ArrayList<>();
    for (Path f : segmentFiles(dir, files)) {
      Segment s = scan(files, f, 0, 0, 0, null);
      if (s != null) {
        segments.add(s);
      }
    }
    if (segments.isEmpty()) {
      return new End(0, 1, 0, false);
    }
    segments.sort(Comparator.comparingLong(Segment::generation));
    int first = segments.size() - 1;
    while (first > 0 && segments.get(first - 1).lastSequence() + 1 == segments.get(first).firstSequence()) {
      first--;
    }
    long records = applyAll(files, segments.subList(first, segments.size()), apply);
    Segment newest = segments.get(segments.size() - 1);
    return new End(newest.generation(), newest.lastSequence() + 1, records, false);
  }

  /**
   * The generation of the first record of each segment file that has a valid one: a file whose entry changed
   * has been overwritten, and the records it held are gone from the log.
   */
  public static Map<Path, Long> segmentGenerations(Path dir, LogFiles files) throws IOException {
    Map<Path, Long> out = new HashMap<>();
    for (Path f : segmentFiles(dir, files)) {
      Read head = first(files, f);
      if (head != null) {
        out.put(f.getFileName(), head.generation());
      }
    }
    return out;
  }

  /**
   * Fills {@code plan} with the segments holding the records after {@code checkpoint}, in order, and returns the
   * newest generation the log has seen; 0 if the records after the checkpoint do not form one chain.
   */
  private static long planFrom(Checkpoint checkpoint, Path dir, LogFiles files, List<Segment> plan)
      throws IOException {
    long newest = checkpoint.generation();
    Path atCheckpoint = null;
    List<Head> later = new ArrayList<>();
    for (Path f : segmentFiles(dir, files)) {
      Read head = first(files, f);
      if (head == null) {
        continue;
      }
      newest = Math.max(newest, head.generation());
      if (head.generation() == checkpoint.generation()) {
        atCheckpoint = f;
      } else if (head.generation() > checkpoint.generation()) {
        later.add(new Head(f, head));
      }
    }
    long last = checkpoint.sequence();
    if (atCheckpoint != null) {
      Segment tail = scan(files, atCheckpoint, checkpoint.offset(), checkpoint.generation(), last + 1, null);
      if (tail != null) {
        plan.add(tail);
        last = tail.lastSequence();
      }
    }
    later.sort(Comparator.comparingLong(h -> h.first().generation()));
    for (Head head : later) {
      if (head.first().sequence() != last + 1) {
        return 0;
      }
      Segment s = scan(files, head.file(), 0, head.first().generation(), head.first().sequence(), null);
      plan.add(s);
      last = s.lastSequence();
    }
    return newest;
  }

  private static long applyAll(LogFiles files, List<Segment> segments, Consumer<byte[]> apply) throws IOException {
    long[] records = {0};
    Consumer<byte[]> counting = payload -> {
      records[0]++;
      apply.accept(payload);
    };
    for (Segment s : segments) {
      scan(files, s.file(), s.offset(), s.generation(), s.firstSequence(), counting);
    }
    return records[0];
  }

  private static List<Path> segmentFiles(Path dir, LogFiles files) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path f : files.list(dir)) {
      if (SegmentFiles.index(f.getFileName().toString()) >= 0) {
        out.add(f);
      }
    }
    return out;
  }

  private static Read first(LogFiles files, Path file) throws IOException {
    try (FileChannel ch = files.openForReading(file)) {
      return read(ch, 0);
    }
  }

  /**
   * Reads the records of one segment from byte {@code offset}, passing their payloads to {@code apply} if not
   * null; the first must have {@code generation} and {@code firstSequence} unless these are 0. Null if none.
   */
  private static Segment scan(LogFiles files, Path file, long offset, long generation, long firstSequence,
      Consumer<byte[]> apply) throws IOException {
    try (FileChannel ch = files.openForReading(file)) {
      long position = offset;
      long gen = generation;
      long expected = firstSequence;
      long first = 0;
      Read r;
      while ((r = read(ch, position)) != null
          && (gen == 0 || r.generation() == gen) && (expected == 0 || r.sequence() == expected)) {
        if (first == 0) {
          first = r.sequence();
          gen = r.generation();
        }
        if (apply != null) {
          apply.accept(r.payload());
        }
        expected = r.sequence() + 1;
        position = r.next();
      }
      return first == 0 ? null : new Segment(file, offset, gen, first, expected - 1);
    }
  }

  /** The record at {@code position}, or null if none with a plausible header and a matching CRC is there. */
  private static Read read(FileChannel ch, long position) throws IOException {
    long size = ch.size();
    if (position + LogRecord.HEADER_BYTES > size) {
      return null;
    }
    ByteBuffer header = ByteBuffer.allocate(LogRecord.HEADER_BYTES);
    SegmentFiles.readFully(ch, header, position);
    int crc = header.getInt(0);
    long gen = header.getLong(4);
    long seq = header.getLong(12);
    int length = header.getInt(20);
    if (gen <= 0 || seq <= 0 || length < 0 || length > size - position - LogRecord.HEADER_BYTES) {
      return null;
    }
    ByteBuffer record = ByteBuffer.allocate(LogRecord.HEADER_BYTES + length);
    record.put(header.array());
    SegmentFiles.readFully(ch, record, position + LogRecord.HEADER_BYTES);
    if (LogRecord.crc(record.array(), record.capacity()) != crc) {
      return null;
    }
    return new Read(gen, seq, record.array(), position + record.capacity());
  }
}
