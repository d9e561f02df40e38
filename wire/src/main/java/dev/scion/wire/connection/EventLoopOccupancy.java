package dev.scion.wire.connection;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorChooserFactory;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Places each new connection on the event loop that holds the fewest, and counts the connections per loop. A
 * connection alone on its loop can run every brief command there, a one-row write or a COMMIT that waits for its
 * sync included: holding up its loop holds up no one else. That saves the write both thread hand-offs (the worker
 * pool's wake-up and the loop's wake-up for the reply), which cost more kernel time than the statement itself on a
 * small machine.
 *
 * <p>The count is taken when the group chooses the loop (a burst of connections accepted together spreads out) and
 * given back when the channel closes ({@link #release}). Netty asks the chooser only to register new channels.
 */
public final class EventLoopOccupancy implements EventExecutorChooserFactory {
    private volatile EventExecutor[] loops = new EventExecutor[0];
    private volatile AtomicIntegerArray connections = new AtomicIntegerArray(0);
    /** Where the next search starts, so that loops tied for fewest are used in turn. */
    private final AtomicInteger start = new AtomicInteger();

    @Override
    public EventExecutorChooser newChooser(EventExecutor[] executors) {
        loops = executors.clone();
        connections = new AtomicIntegerArray(executors.length);
        return this::join;
    }

    /** Chooses the least occupied loop for a new connection and counts the connection there. */
    private EventExecutor join() {
        EventExecutor[] all = loops;
        AtomicIntegerArray counts = connections;
        int n = all.length;
        int from = Math.floorMod(start.getAndIncrement(), n);
        while (true) {
            int best = from;
            for (int k = 1; k < n; k++) {
                int i = (from + k) % n;
                if (counts.get(i) < counts.get(best)) {
                    best = i;
                }
            }
            int seen = counts.get(best);
            if (counts.compareAndSet(best, seen, seen + 1)) {
                return all[best];
            }
        }
    }

    /** A connection placed by this chooser on {@code loop} closed. */
    public void release(EventLoop loop) {
        int i = indexOf(loop);
        if (i >= 0) {
            connections.decrementAndGet(i);
        }
    }

    /** Whether {@code loop} serves one connection only (false for a loop this chooser did not place). */
    public boolean alone(EventLoop loop) {
        int i = indexOf(loop);
        return i >= 0 && connections.get(i) == 1;
    }

    /** Connections on each loop, in the group's order (for tests). */
    public int[] counts() {
        AtomicIntegerArray c = connections;
        int[] out = new int[c.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.get(i);
        }
        return out;
    }

    private int indexOf(EventLoop loop) {
        EventExecutor[] all = loops;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == loop) {
                return i;
            }
        }
        return -1;
    }
}
