package dev.scion.storage.chunk;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the drains of a {@link Nursery}, one at a time and in order, on a thread of its own, off the commit path.
 * The redo log asks for a drain where it used to start a RocksDB flush (at a segment change), and may overwrite a
 * segment only once every drain asked for so far has succeeded (each drain ends by starting a flush; see
 * {@link StoreLog}). A drain that fails leaves its chunks in the nursery; the log's next wait retries it keeping
 * every chunk.
 */
final class NurseryDrainer implements AutoCloseable {
  /** One drain: every young chunk of generation {@code generation} or before leaves the nursery. */
  interface Drain {
    void drain(long generation, boolean keepAll);
  }

  private final Nursery nursery;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "scion-nursery-drain");
    t.setDaemon(true);
    return t;
  });
  private volatile Drain drain;
  private final Object lock = new Object();
  /** The newest generation a drain was asked for, and the newest whose drain (and every one before) succeeded. */
  private long requested;
  private long completed;
  private int running;
  private RuntimeException lastFailure;

  NurseryDrainer(Nursery nursery) {
    this.nursery = nursery;
  }

  Nursery nursery() {
    return nursery;
  }

  /** Set by the store once it exists (the log is opened, and may replay, before). */
  void drainWith(Drain d) {
    this.drain = d;
  }

  /** Ends the nursery's current generation and starts its drain. Called under the log's write lock. */
  void freezeAndStart() {
    freezeAndStart(false);
  }

  /** As above; with {@code keepAll} the drain writes every young chunk without judging any. */
  void freezeAndStart(boolean keepAll) {
    long g = nursery.freeze();
    synchronized (lock) {
      requested = Math.max(requested, g);
      running++;
    }
    try {
      executor.execute(() -> run(g, keepAll));
    } catch (RejectedExecutionException e) {
      synchronized (lock) {
        running--;
        lock.notifyAll();
      }
    }
  }

  private void run(long g, boolean keepAll) {
    RuntimeException failure = null;
    try {
      Drain d = drain;
      if (d == null) {
        throw new IllegalStateException("no drain attached");
      }
      d.drain(g, keepAll);
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      synchronized (lock) {
        running--;
        if (failure == null) {
          completed = Math.max(completed, g); // a drain of g also drains every older generation
        } else {
          lastFailure = failure;
        }
        lock.notifyAll();
      }
    }
  }

  /** Whether every drain asked for so far has succeeded, without waiting. */
  boolean done() {
    synchronized (lock) {
      return running == 0 && completed >= requested;
    }
  }

  /**
   * Waits for every drain asked for so far; if one failed, drains again keeping every chunk, and reports a second
   * failure (the log then refuses the write that needed the segment: nothing is acknowledged without its chunks).
   */
  void await() throws IOException {
    long target;
    synchronized (lock) {
      while (running > 0) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while the nursery drained");
        }
      }
      if (completed >= requested) {
        return;
      }
      target = requested;
      running++;
    }
    run(target, true);
    synchronized (lock) {
      if (completed < target) {
        throw new IOException("could not write young chunks to the database: " + lastFailure, lastFailure);
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
