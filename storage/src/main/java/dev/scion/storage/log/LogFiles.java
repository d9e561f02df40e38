package dev.scion.storage.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The file operations a redo log performs, and nothing else: positional reads and writes go through the
 * {@link FileChannel}s this hands out. Production uses {@link #SYSTEM}; the power-loss tests substitute a layer
 * that keeps only what a completed sync covered, which is why the log never touches files any other way.
 */
public interface LogFiles {
  /** Opens {@code file} for reading and writing, creating it empty if it does not exist. */
  FileChannel openForWriting(Path file) throws IOException;

  /** Opens an existing {@code file} for reading. */
  FileChannel openForReading(Path file) throws IOException;

  boolean exists(Path file);

  long size(Path file) throws IOException;

  /** The files in {@code dir}; empty if it does not exist. */
  List<Path> list(Path dir) throws IOException;

  /** Creates {@code dir} (and missing parents) and makes its entry in its parent durable. */
  void createDirectory(Path dir) throws IOException;

  /** Makes a new entry of {@code dir} durable (its files' data needs their own sync). */
  void syncDirectory(Path dir) throws IOException;

  /** The real file system. */
  LogFiles SYSTEM = new LogFiles() {
    @Override
    public FileChannel openForWriting(Path file) throws IOException {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public FileChannel openForReading(Path file) throws IOException {
      return FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public boolean exists(Path file) {
      return Files.exists(file);
    }

    @Override
    public long size(Path file) throws IOException {
      return Files.size(file);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> files = Files.list(dir)) {
        return files.toList();
      }
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
      Files.createDirectories(dir);
      syncDirectory(dir.getParent());
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      }
    }
  };
}
