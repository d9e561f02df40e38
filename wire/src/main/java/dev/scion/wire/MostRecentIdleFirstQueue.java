package dev.scion.wire;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The work queue of the statement worker pool: hands each task to the thread that became idle <em>last</em>, and
 * keeps tasks that find every thread busy in an unbounded FIFO.
 *
 * <p>{@link java.util.concurrent.LinkedBlockingQueue} wakes the thread that has waited longest, so a pool of 64
 * workers serving one busy connection runs each statement on the next of all 64 threads in turn: every statement
 * starts on a thread whose stack, thread-local buffers and CPU cache lines are the coldest in the pool. Handing the
 * task to the most recently idle thread keeps one connection's statements on one or two threads, and lets the
 * others time out.
 *
 * <p>Made for a {@link java.util.concurrent.ThreadPoolExecutor} with no core threads: {@link #offer(Runnable)}
 * succeeds only when a thread is idle, so the pool starts a new thread (up to its maximum) when none is; once the
 * pool is at its maximum it rejects the task, and its {@link #whenAllBusy rejection handler} queues it here.
 */
final class MostRecentIdleFirstQueue extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {
    /** A thread parked in {@link #poll(long, TimeUnit)}; {@code task} is set under the lock by the hand-off. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile Runnable task;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** Idle threads, most recently idle first. */
    private final ArrayDeque<Waiter> idle = new ArrayDeque<>();

    /**
     * Hands {@code task} to the most recently idle thread; false when no thread is idle (the pool then starts one,
     * or rejects the task at its maximum, see {@link #whenAllBusy}).
     */
    @Override
    public boolean offer(Runnable task) {
        Objects.requireNonNull(task, "task");
        Waiter w;
        lock.lock();
        try {
            w = idle.pollFirst();
            if (w == null) {
                return false;
            }
            w.task = task;
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(w.thread);
        return true;
    }

    /** Hands {@code task} to an idle thread, or queues it for the next thread that finishes. */
    @Override
    public void put(Runnable task) {
        Objects.requireNonNull(task, "task");
        Waiter w;
        lock.lock();
        try {
            w = idle.pollFirst();
            if (w == null) {
                tasks.addLast(task);
                return;
            }
            w.task = task;
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(w.thread);
    }

    @Override
    public boolean offer(Runnable task, long timeout, TimeUnit unit) {
        return offer(task);
    }

    /**
     * The pool's rejection handler: a task rejected because every thread is busy waits here for the first one to
     * finish; after shutdown the rejection stands.
     */
    RejectedExecutionHandler whenAllBusy() {
        return (task, pool) -> {
            if (pool.isShutdown()) {
                throw new RejectedExecutionException("worker pool is shut down");
            }
            put(task);
        };
    }

    @Override
    public Runnable take() throws InterruptedException {
        return await(0L, false);
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
        return await(unit.toNanos(timeout), true);
    }

    private Runnable await(long nanos, boolean timed) throws InterruptedException {
        Waiter w = new Waiter();
        lock.lock();
        try {
            Runnable queued = tasks.pollFirst();
            if (queued != null) {
                return queued;
            }
            if (timed && nanos <= 0) {
                return null;
            }
            idle.addFirst(w);
        } finally {
            lock.unlock();
        }
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        boolean interrupted = false;
        while (w.task == null) {
            if (Thread.interrupted()) {
                interrupted = true;
                break;
            }
            if (timed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
            } else {
                LockSupport.park(this);
            }
        }
        if (w.task == null) {
            lock.lock();
            try {
                // a hand-off may have picked this waiter after the loop gave up: then the task is ours to run
                if (w.task == null) {
                    idle.remove(w);
                }
            } finally {
                lock.unlock();
            }
        }
        Runnable task = w.task;
        if (interrupted) {
            if (task == null) {
                throw new InterruptedException();
            }
            Thread.currentThread().interrupt(); // run the task we were given; the pool sees the interrupt next
        }
        return task;
    }

    @Override
    public Runnable poll() {
        lock.lock();
        try {
            return tasks.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Runnable peek() {
        lock.lock();
        try {
            return tasks.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    /** A snapshot of the waiting tasks (the pool uses it only while shutting down). */
    @Override
    public Iterator<Runnable> iterator() {
        lock.lock();
        try {
            return new ArrayList<>(tasks).iterator();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean remove(Object o) {
        lock.lock();
        try {
            return tasks.remove(o);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int drainTo(Collection<? super Runnable> into) {
        return drainTo(into, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super Runnable> into, int max) {
        lock.lock();
        try {
            int n = 0;
            while (n < max && !tasks.isEmpty()) {
                into.add(tasks.pollFirst());
                n++;
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Threads waiting for a task (for tests). */
    int idleThreads() {
        lock.lock();
        try {
            return idle.size();
        } finally {
            lock.unlock();
        }
    }
}
