package dev.scion.server.lifecycle;

import java.util.concurrent.TimeUnit;

/**
 * Counts the statements running on behalf of clients so that a shutdown can stop admitting new ones and wait,
 * within a bound, for the running ones to finish instead of cutting them off.
 */
public final class StatementGate {
    private int running;
    private boolean closing;

    /** Admits a statement; false once the server is shutting down. */
    public synchronized boolean enter() {
        if (closing) {
            return false;
        }
        running++;
        return true;
    }

    public synchronized void exit() {
        running--;
        if (running == 0) {
            notifyAll();
        }
    }

    public synchronized boolean isClosing() {
        return closing;
    }

    public synchronized int running() {
        return running;
    }

    /** Stops admitting and waits up to {@code timeout} for running statements; true if none is left. */
    public synchronized boolean closeAndAwait(long timeout, TimeUnit unit) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
