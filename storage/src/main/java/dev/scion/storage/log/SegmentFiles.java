package dev.scion.storage.log;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Naming of a redo log's segment files and positional reads and writes on them. */
final class SegmentFiles {
  private static final String PREFIX = "segment-";

  private SegmentFiles() {}

  static Path path(Path dir, int index) {
    return dir.resolve(PREFIX + index);
  }

  /** The ring index of a file name, or -1 if it is not a segment. */
  static int index(String fileName) {
    if (!fileName.startsWith(PREFIX)) {
      return -1;
    }
    try {
      return Integer.parseInt(fileName.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long at = position;
    while (buf.hasRemaining()) {
      at += ch.write(buf, at);
    }
  }

  static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long at = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, at);
      if (n < 0) {
        throw new EOFException();
      }
      at += n;
    }
  }
}
