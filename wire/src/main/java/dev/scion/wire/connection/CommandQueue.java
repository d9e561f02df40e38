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
 */
final class CommandQueue {

    private static final Logger LOG = LoggerFactory.getLogger(CommandQueue.class);
    private static final int TASKS_PER_TURN = 16;

    private final Executor executor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

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
            try {
                task.run();
            } catch (Throwable t) {
                LOG.error("connection task failed", t);
            }
            if (size.decrementAndGet() == 0) {
                return;
            }
            if (--budget == 0) {
                schedule();
                return;
            }
        }
    }
}
