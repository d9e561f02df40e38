package dev.scion.storage.chunk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Leader/follower group commit: while one thread (the leader) performs a synced write, later callers queue
 * up; when it finishes, one of them becomes the next leader and writes the whole queue at once. A synced
 * write costs the same whether it carries one commit or fifty, so throughput grows with concurrency.
 *
 * <p>Only one group is written at a time, so the writer also serialises ref compare-and-swap checks.
 */
final class GroupCommitter {
  /** Writes one group; marks individual commits failed with {@link Commit#fail}, or throws to fail all. */
  interface GroupWriter {
    void write(List<Commit> group);
  }

  /** One caller's commit and, once done, its outcome. */
  static final class Commit {
    final Object payload;
    /** Set by the writer for a commit it wrote: what the caller waits on to know the commit durable. */
    long ticket;
    private boolean done;
    private RuntimeException failure;

    Commit(Object payload) {
      this.payload = payload;
    }

    void fail(RuntimeException e) {
      if (failure == null) {
        failure = e;
      }
    }

    boolean failed() {
      return failure != null;
    }
  }

  private final GroupWriter writer;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition leaderDone = lock.newCondition();
  private final ArrayDeque<Commit> queue = new ArrayDeque<>();
  private boolean leaderActive;
  private long groupsWritten;
  private long commitsWritten;

  GroupCommitter(GroupWriter writer) {
    this.writer = writer;
  }

  /** Blocks until {@code c} has been written (possibly by another thread); throws its failure if any. */
  void commit(Commit c) {
    List<Commit> group;
    lock.lock();
    try {
      queue.add(c);
      // Uninterruptible: once queued, a commit may be in someone else's batch; abandoning it would lie.
      while (leaderActive && !c.done) {
        leaderDone.awaitUninterruptibly();
      }
      if (c.done) {
        rethrow(c);
        return;
      }
      leaderActive = true;
      group = new ArrayList<>(queue);
      queue.clear();
    } finally {
      lock.unlock();
    }
    boolean completed = false;
    try {
      writer.write(group);
      completed = true;
    } catch (RuntimeException e) {
      for (Commit g : group) {
        g.fail(e);
      }
    } finally {
      lock.lock();
      try {
        for (Commit g : group) {
          if (!completed) {
            // An Error escaped the write: nobody may believe their commit is durable.
            g.fail(new StorageException("commit group failed before it was written"));
          }
          g.done = true;
        }
        groupsWritten++;
        commitsWritten += group.size();
        leaderActive = false;
        leaderDone.signalAll();
      } finally {
        lock.unlock();
      }
    }
    rethrow(c);
  }

  private static void rethrow(Commit c) {
    if (c.failure != null) {
      throw c.failure;
    }
  }

  /** Commits waiting for the next group (for tests that arrange a group deterministically). */
  int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Number of writes performed so far (each carrying one or more commits). */
  long groupsWritten() {
    lock.lock();
    try {
      return groupsWritten;
    } finally {
      lock.unlock();
    }
  }

  long commitsWritten() {
    lock.lock();
    try {
      return commitsWritten;
    } finally {
      lock.unlock();
    }
  }
}
