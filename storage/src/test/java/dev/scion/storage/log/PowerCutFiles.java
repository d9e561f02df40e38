package dev.scion.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A disk for the redo log that can lose power. Files live in memory in two states: what a reader sees now (the
 * page cache) and what the disk holds (as of each file's last completed sync; a file exists on the disk only
 * once the directory holding it was synced after it was created). After {@link #arm}ed number of writes and
 * syncs the power goes: the operation that would have been next, and every one after it, fails with an
 * IOException, and {@link #writeDisk} writes out what the disk then holds, in one of the {@link Loss} modes.
 * Thread-safe: every operation holds the one lock, so a sync covers exactly the writes that returned before it.
 */
public final class PowerCutFiles implements LogFiles {
  /** What the disk keeps of the writes that no completed sync covered. */
  public enum Loss {
    /** Nothing: only the bytes of completed syncs. */
    SYNCED_ONLY,
    /** Besides those, a prefix of the last page written (a write torn by the power loss). */
    TORN_LAST_PAGE,
    /** Besides those, each unsynced page at random (the kernel's writeback), and the last one torn. */
    WRITEBACK_AND_TORN
  }

  static final int PAGE = 4096;

  private static final class SimFile {
    byte[] data = new byte[0];
    /** The content as of the last sync; null if never synced. */
    byte[] durable;
    /** Whether the file's directory entry is on the disk. */
    boolean entryDurable;
    final TreeSet<Integer> dirtyPages = new TreeSet<>();
  }

  private final Map<Path, SimFile> files = new HashMap<>();
  private final Set<Path> directories = new HashSet<>();
  private long operations;
  private long cutAt = Long.MAX_VALUE;
  private Runnable atCut = () -> { };
  private boolean cut;
  /** The file and page of the last write, while no sync has covered it. */
  private Path lastWrittenFile;
  private int lastWrittenPage = -1;

  /**
   * The power goes instead of the {@code afterOperations}-th write or sync from now (1 or more); {@code atCut} runs at that
   * moment, on the thread that tried the operation (to capture the state of everything else at the same time).
   */
  public synchronized void arm(long afterOperations, Runnable atCut) {
    this.cutAt = operations + afterOperations - 1;
    this.atCut = atCut;
  }

  /** The power goes now, if it has not yet. */
  public synchronized void cutNow() {
    if (!cut) {
      cut = true;
      atCut.run();
    }
  }

  public synchronized boolean isCut() {
    return cut;
  }

  /** Writes and syncs performed so far. */
  public synchronized long operations() {
    return operations;
  }

  /**
   * Writes the files as the disk holds them after the power loss: every file under {@code from} goes to the same
   * place under {@code to}.
   */
  public synchronized void writeDisk(Path from, Path to, Loss loss, Random random) throws IOException {
    for (Map.Entry<Path, SimFile> e : files.entrySet()) {
      SimFile f = e.getValue();
      if (!f.entryDurable) {
        continue;
      }
      byte[] image = f.durable == null ? new byte[0] : f.durable.clone();
      if (loss == Loss.WRITEBACK_AND_TORN) {
        for (int page : f.dirtyPages) {
          if (random.nextBoolean()) {
            copyPage(f.data, image, page, PAGE);
          }
        }
      }
      if (loss != Loss.SYNCED_ONLY && e.getKey().equals(lastWrittenFile) && f.dirtyPages.contains(lastWrittenPage)) {
        copyPage(f.data, image, lastWrittenPage, 1 + random.nextInt(PAGE - 1));
      }
      Path target = to.resolve(from.relativize(e.getKey()));
      Files.createDirectories(target.getParent());
      Files.write(target, image);
    }
  }

  /** Copies the first {@code bytes} of {@code page} of what was written over the disk's image (never growing it). */
  private static void copyPage(byte[] written, byte[] image, int page, int bytes) {
    int start = page * PAGE;
    int end = Math.min(Math.min(start + bytes, image.length), written.length);
    if (start < end) {
      System.arraycopy(written, start, image, start, end - start);
    }
  }

  /** Counts a write or sync; throws if the power is gone or goes now. */
  private void operation() throws PowerLost {
    if (cut) {
      throw new PowerLost();
    }
    if (operations++ >= cutAt) {
      cut = true;
      atCut.run();
      throw new PowerLost();
    }
  }

  /** What every operation throws once the power is gone. */
  private static final class PowerLost extends IOException {
    PowerLost() {
      super("power lost (simulated)");
    }
  }

  private void refuseIfCut() throws IOException {
    if (cut) {
      throw new PowerLost();
    }
  }

  @Override
  public synchronized FileChannel openForWriting(Path file) throws IOException {
    refuseIfCut();
    if (!directories.contains(file.getParent())) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    files.computeIfAbsent(file, p -> new SimFile());
    return new Channel(files.get(file), file);
  }

  @Override
  public synchronized FileChannel openForReading(Path file) throws IOException {
    refuseIfCut();
    SimFile f = files.get(file);
    if (f == null) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    return new Channel(f, file);
  }

  @Override
  public synchronized boolean exists(Path file) {
    return files.containsKey(file) || directories.contains(file);
  }

  @Override
  public synchronized long size(Path file) throws IOException {
    SimFile f = files.get(file);
    if (f == null) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    return f.data.length;
  }

  @Override
  public synchronized List<Path> list(Path dir) {
    List<Path> out = new ArrayList<>();
    for (Path p : files.keySet()) {
      if (dir.equals(p.getParent())) {
        out.add(p);
      }
    }
    return out;
  }

  @Override
  public synchronized void createDirectory(Path dir) throws IOException {
    operation();
    directories.add(dir); // created and its entry synced in one step, as the real one does
  }

  @Override
  public synchronized void syncDirectory(Path dir) throws IOException {
    operation();
    for (Map.Entry<Path, SimFile> e : files.entrySet()) {
      if (dir.equals(e.getKey().getParent())) {
        e.getValue().entryDurable = true;
      }
    }
  }

  /** Positional reads and writes, size and sync: all the log uses. */
  private final class Channel extends FileChannel {
    private final SimFile file;
    private final Path path;

    Channel(SimFile file, Path path) {
      this.file = file;
      this.path = path;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      synchronized (PowerCutFiles.this) {
        refuseIfCut();
        if (position >= file.data.length) {
          return -1;
        }
        int n = (int) Math.min(dst.remaining(), file.data.length - position);
        dst.put(file.data, (int) position, n);
        return n;
      }
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      synchronized (PowerCutFiles.this) {
        operation();
        int n = src.remaining();
        long end = position + n;
        if (end > file.data.length) {
          file.data = Arrays.copyOf(file.data, (int) end);
        }
        src.get(file.data, (int) position, n);
        for (int page = (int) (position / PAGE); page <= (end - 1) / PAGE; page++) {
          file.dirtyPages.add(page);
        }
        lastWrittenFile = path;
        lastWrittenPage = (int) ((end - 1) / PAGE);
        return n;
      }
    }

    @Override
    public long size() throws IOException {
      synchronized (PowerCutFiles.this) {
        refuseIfCut();
        return file.data.length;
      }
    }

    @Override
    public void force(boolean metaData) throws IOException {
      synchronized (PowerCutFiles.this) {
        operation();
        file.durable = file.data.clone();
        file.dirtyPages.clear();
        if (path.equals(lastWrittenFile)) {
          lastWrittenFile = null;
        }
      }
    }

    @Override
    protected void implCloseChannel() {}

    @Override
    public int read(ByteBuffer dst) {
      throw new UnsupportedOperationException("the log reads at positions");
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
      throw new UnsupportedOperationException("the log reads at positions");
    }

    @Override
    public int write(ByteBuffer src) {
      throw new UnsupportedOperationException("the log writes at positions");
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
      throw new UnsupportedOperationException("the log writes at positions");
    }

    @Override
    public long position() {
      throw new UnsupportedOperationException("the log keeps its own positions");
    }

    @Override
    public FileChannel position(long newPosition) {
      throw new UnsupportedOperationException("the log keeps its own positions");
    }

    @Override
    public FileChannel truncate(long size) {
      throw new UnsupportedOperationException("the log never truncates");
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
      throw new UnsupportedOperationException();
    }
  }
}
