package dev.scion.server.lifecycle;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the statements running on behalf of clients so that a shutdown can stop admitting new ones and wait,
 * within a bound, for the running ones to finish instead of cutting them off.
 *
 * <p>Every statement of every session passes through here twice, so the count and the closing flag share one
 * atomic word instead of a monitor: a global lock here was a point where concurrent point selects queued up.
 */
public final class StatementGate {
    /** Set in {@link #state} once the server is shutting down; the other bits count the running statements. */
    private static final int CLOSING = 1 << 30;

    private final AtomicInteger state = new AtomicInteger();
    private final Object drained = new Object();

    /** Admits a statement; false once the server is shutting down. */
    public boolean enter() {
        while (true) {
            int s = state.get();
            if ((s & CLOSING) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    public void exit() {
        int s = state.decrementAndGet();
        if (s == CLOSING) {
            // the last running statement of a shutdown: wake the waiter
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    public boolean isClosing() {
        return (state.get() & CLOSING) != 0;
    }

    public int running() {
        return state.get() & ~CLOSING;
    }

    /** Stops admitting and waits up to {@code timeout} for running statements; true if none is left. */
    public boolean closeAndAwait(long timeout, TimeUnit unit) throws InterruptedException {
        state.getAndUpdate(s -> s | CLOSING);
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (drained) {
            while (running() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // exit() notifies under the same monitor, so no wake-up is lost; the short bound only re-checks the deadline
                TimeUnit.NANOSECONDS.timedWait(drained, Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
            }
        }
        return true;
    }
}
