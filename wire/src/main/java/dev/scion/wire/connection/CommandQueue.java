package dev.scion.wire.connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one connection's tasks on the shared worker pool, one at a time and in submission order, so a slow
 * statement ties up a worker thread but never the event loop or another connection. After a few tasks in a
 * row the queue gives its worker back to the pool and re-enters at the end of the pool's queue.
 *
 * <p>{@link #size} counts the tasks queued or running. A task that has done all its work may leave that count before
 * it returns ({@link #settleRunningTask}), so that what comes after it need not wait for the worker to return.
 */
final class CommandQueue {

    private static final Logger LOG = LoggerFactory.getLogger(CommandQueue.class);
    private static final int TASKS_PER_TURN = 16;

    private final Executor executor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    /** The turn of the task running now; written by the draining worker before it runs the task. */
    private volatile Turn running;

    /**
     * One run of a task. It leaves the queue's count exactly once: early, when the task settles it, or when the task
     * returns. Whoever settles it first learns how many tasks were left then, and the draining worker needs that
     * figure either way: with none left, a later submit has started (or will start) a new drain.
     */
    private final class Turn {
        private boolean settled;
        private int left;

        synchronized int settle() {
            if (!settled) {
                settled = true;
                left = size.decrementAndGet();
            }
            return left;
        }
    }

    CommandQueue(Executor executor) {
        this.executor = executor;
    }

    void submit(Runnable task) {
        tasks.add(task);
        if (size.getAndIncrement() == 0) {
            schedule();
        }
    }

    int size() {
        return size.get();
    }

    /**
     * For the running task only: an action that takes it out of {@link #size} before it returns. The task must do
     * nothing more with the connection's state once the action may have run, because the next command can then run
     * elsewhere (the event loop, or another worker).
     */
    Runnable settleRunningTask() {
        Turn turn = running;
        return turn::settle;
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the server is shutting down: still run what is queued (session clean-up) here
            drain();
        }
    }

    private void drain() {
        int budget = TASKS_PER_TURN;
        while (true) {
            Runnable task = tasks.poll();
            Turn turn = new Turn();
            running = turn;
            try {
                task.run();
            } catch (Throwable t) {
                LOG.error("connection task failed", t);
            }
            if (turn.settle() == 0) {
                return;
            }
            if (--budget == 0) {
                schedule();
                return;
            }
        }
    }
}
