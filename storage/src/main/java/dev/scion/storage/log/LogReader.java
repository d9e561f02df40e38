package dev.scion.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a redo log back: the replay at open. Each segment's records run from its start for as long as they
 * carry the generation of its first record, consecutive sequence numbers and a matching CRC; the first record
 * that fails any check ends the segment, so a torn write or the stale tail of an earlier generation is never
 * taken for a record. Segments are then ordered by generation and the replay is the longest run of them, ending
 * at the newest, in which each segment's first sequence number follows the last one of the segment before.
 */
public final class LogReader {
  /** Where a log ended: its newest generation (0 for none) and the sequence number of the next record. */
  public record End(long generation, long nextSequence) {}

  private record Segment(Path file, long generation, long firstSequence, long lastSequence) {}

  private LogReader() {}

  /** Calls {@code apply} with the payload of every record of the log in {@code dir}, oldest first. */
  public static End replay(Path dir, Consumer<byte[]> apply) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new End(0, 1);
    }
    List<Segment> segments = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (SegmentFiles.index(f.getFileName().toString()) >= 0) {
          Segment s = scan(f, null);
          if (s != null) {
            segments.add(s);
          }
        }
      }
    }
    if (segments.isEmpty()) {
      return new End(0, 1);
    }
    segments.sort(Comparator.comparingLong(Segment::generation));
    int first = segments.size() - 1;
    while (first > 0 && segments.get(first - 1).lastSequence() + 1 == segments.get(first).firstSequence()) {
      first--;
    }
    for (Segment s : segments.subList(first, segments.size())) {
      scan(s.file(), apply);
    }
    Segment newest = segments.get(segments.size() - 1);
    return new End(newest.generation(), newest.lastSequence() + 1);
  }

  /** Reads one segment's records, passing their payloads to {@code apply} if not null; null if it has none. */
  private static Segment scan(Path file, Consumer<byte[]> apply) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer header = ByteBuffer.allocate(LogRecord.HEADER_BYTES);
      long position = 0;
      long generation = 0;
      long first = 0;
      long expected = 0;
      while (position + LogRecord.HEADER_BYTES <= size) {
        header.clear();
        SegmentFiles.readFully(ch, header, position);
        int crc = header.getInt(0);
        long gen = header.getLong(4);
        long seq = header.getLong(12);
        int length = header.getInt(20);
        boolean fits = gen > 0 && length >= 0 && length <= size - position - LogRecord.HEADER_BYTES;
        if (!fits || (generation != 0 && (gen != generation || seq != expected))) {
          break;
        }
        ByteBuffer record = ByteBuffer.allocate(LogRecord.HEADER_BYTES + length);
        record.put(header.array());
        SegmentFiles.readFully(ch, record, position + LogRecord.HEADER_BYTES);
        if (LogRecord.crc(record.array(), record.capacity()) != crc) {
          break;
        }
        if (generation == 0) {
          generation = gen;
          first = seq;
        }
        if (apply != null) {
          apply.accept(java.util.Arrays.copyOfRange(record.array(), LogRecord.HEADER_BYTES, record.capacity()));
        }
        expected = seq + 1;
        position += record.capacity();
      }
      return generation == 0 ? null : new Segment(file, generation, first, expected - 1);
    }
  }
}
