package dev.scion.versioning.gc;

import dev.scion.storage.gc.ReaderFence;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The operations running in this process (SQL statements, remotes API requests), each tagged with the
 * garbage-collection fence current when it started: the {@link ReaderFence} of every database's collector.
 * An operation may read a ref (say the branch's working set, to merge a commit into it) and keep following
 * that value after the ref moved on; a collection that listed its roots meanwhile never saw the value, so it
 * waits for such operations before it deletes anything.
 *
 * <p>Process-wide rather than per database because a statement does not know in advance which databases it
 * will touch. A collection only waits for the statements in flight when it lists its roots, which is short;
 * an operation blocked on a collection or a transfer marks itself {@linkplain #whileBlocked blocked} so two
 * of them cannot wait for each other.
 *
 * <p>Operations are keyed by thread: one runs on one thread from {@link #enter} to close, and a nested enter on
 * the same thread joins the outer operation.
 */
public final class OperationTracker implements ReaderFence {
    private static final OperationTracker PROCESS = new OperationTracker(Duration.ofSeconds(60));

    private final Object lock = new Object();
    private final Map<Thread, Running> running = new HashMap<>();
    private final long boundNanos;
    private long fence;
    private int waiters;

    private static final class Running {
        final long fence;
        int depth = 1;
        boolean blocked;

        Running(long fence) {
            this.fence = fence;
        }
    }

    /** A tracker that gives up waiting after {@code bound}. */
    public OperationTracker(Duration bound) {
        this.boundNanos = bound.toNanos();
    }

    /** The tracker every statement and remotes request of this process enters. */
    public static OperationTracker process() {
        return PROCESS;
    }

    /** A running operation; closing it ends it. */
    public final class Operation implements AutoCloseable {
        private final Thread thread;
        private boolean closed;

        private Operation(Thread thread) {
            this.thread = thread;
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                Running r = running.get(thread);
                if (r != null && --r.depth == 0) {
                    running.remove(thread);
                    if (waiters > 0) {
                        lock.notifyAll();
                    }
                }
            }
        }
    }

    /** Starts an operation on the calling thread (or joins the one already running there). */
    public Operation enter() {
        Thread t = Thread.currentThread();
        synchronized (lock) {
            Running r = running.get(t);
            if (r == null) {
                running.put(t, new Running(fence));
            } else {
                r.depth++;
            }
        }
        return new Operation(t);
    }

    /**
     * Runs {@code wait}, a wait for a collection or a transfer to finish, with the caller's operation counted
     * as blocked: a collection does not wait for it. The caller must not use ref values it read before.
     */
    public void whileBlocked(Runnable wait) {
        Thread t = Thread.currentThread();
        Running r;
        synchronized (lock) {
            r = running.get(t);
            if (r != null) {
                r.blocked = true;
                if (waiters > 0) {
                    lock.notifyAll();
                }
            }
        }
        try {
            wait.run();
        } finally {
            if (r != null) {
                synchronized (lock) {
                    r.blocked = false;
                }
            }
        }
    }

    @Override
    public long raise() {
        synchronized (lock) {
            return ++fence;
        }
    }

    @Override
    public boolean awaitReadersBefore(long fenceNumber) {
        return awaitReadersBefore(fenceNumber, boundNanos);
    }

    @Override
    public boolean awaitReadersBefore(long fenceNumber, long bound) {
        Thread self = Thread.currentThread();
        long deadline = System.nanoTime() + Math.min(bound, boundNanos);
        synchronized (lock) {
            waiters++;
            try {
                while (olderThan(fenceNumber, self) > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                waiters--;
            }
        }
    }

    /** How many operations (other than the caller's) started before {@code fenceNumber} and are not blocked. */
    public int olderThan(long fenceNumber, Thread except) {
        synchronized (lock) {
            int n = 0;
            for (Map.Entry<Thread, Running> e : running.entrySet()) {
                Running r = e.getValue();
                if (e.getKey() != except && !r.blocked && r.fence < fenceNumber) {
                    n++;
                }
            }
            return n;
        }
    }
}
