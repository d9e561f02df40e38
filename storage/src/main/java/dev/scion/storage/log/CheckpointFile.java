package dev.scion.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The file {@code checkpoint} in the log's directory: the latest {@link Checkpoint}, written in place into one of
 * two slots, alternately, and synced, so that a write torn by a power loss leaves the other slot (the previous
 * checkpoint, still true) readable. Each slot is a page of its own, so tearing one never touches the other.
 *
 * <pre>
 *   crc32c     4 bytes  over the next 36
 *   counter    8 bytes  one more than the previous checkpoint's; the larger valid one wins
 *   sequence   8 bytes
 *   generation 8 bytes
 *   file       4 bytes
 *   offset     8 bytes
 * </pre>
 *
 * Big-endian. A slot of zeros (a new file) is refused: written slots count from 1.
 */
final class CheckpointFile implements AutoCloseable {
  static final String NAME = "checkpoint";
  private static final int SLOT_BYTES = 4096;
  private static final int RECORD_BYTES = 40;

  private final FileChannel channel;
  private long counter;

  private CheckpointFile(FileChannel channel, long counter) {
    this.channel = channel;
    this.counter = counter;
  }

  /** The latest checkpoint written in {@code dir}, or null if there is none readable. */
  static Checkpoint read(Path dir, LogFiles files) throws IOException {
    Path p = dir.resolve(NAME);
    if (!files.exists(p)) {
      return null;
    }
    try (FileChannel ch = files.openForReading(p)) {
      Slot newest = newest(ch);
      return newest == null ? null : newest.checkpoint();
    }
  }

  /**
   * Opens the checkpoint file of {@code dir} for writing, creating it (two slots of written zeros, synced with
   * its directory entry) if it is missing or was cut short.
   */
  static CheckpointFile open(Path dir, LogFiles files) throws IOException {
    Path p = dir.resolve(NAME);
    boolean created = !files.exists(p);
    FileChannel ch = files.openForWriting(p);
    try {
      long size = ch.size();
      if (size < 2L * SLOT_BYTES) {
        SegmentFiles.writeFully(ch, ByteBuffer.allocate((int) (2L * SLOT_BYTES - size)), size);
        ch.force(true);
      }
      if (created) {
        files.syncDirectory(dir);
      }
      Slot newest = newest(ch);
      return new CheckpointFile(ch, newest == null ? 0 : newest.counter());
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Replaces the checkpoint with {@code c}, durably once this returns. */
  void write(Checkpoint c) throws IOException {
    long next = counter + 1;
    ByteBuffer b = ByteBuffer.allocate(RECORD_BYTES);
    b.putInt(0).putLong(next).putLong(c.sequence()).putLong(c.generation()).putInt(c.file()).putLong(c.offset());
    b.putInt(0, crc(b.array()));
    b.flip();
    SegmentFiles.writeFully(channel, b, (next % 2) * SLOT_BYTES);
    channel.force(false);
    counter = next;
  }

  private record Slot(long counter, Checkpoint checkpoint) {}

  private static Slot newest(FileChannel ch) throws IOException {
    Slot best = null;
    for (int slot = 0; slot < 2; slot++) {
      if (ch.size() < (long) slot * SLOT_BYTES + RECORD_BYTES) {
        continue;
      }
      ByteBuffer b = ByteBuffer.allocate(RECORD_BYTES);
      SegmentFiles.readFully(ch, b, (long) slot * SLOT_BYTES);
      long counter = b.getLong(4);
      if (counter <= 0 || b.getInt(0) != crc(b.array()) || (best != null && best.counter() >= counter)) {
        continue;
      }
      best = new Slot(counter, new Checkpoint(b.getLong(12), b.getLong(20), b.getInt(28), b.getLong(32)));
    }
    return best;
  }

  private static int crc(byte[] record) {
    CRC32C c = new CRC32C();
    c.update(record, 4, RECORD_BYTES - 4);
    return (int) c.getValue();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
