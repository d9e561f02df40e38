package dev.scion.cli.support;

import sun.misc.Signal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * SIGTERM and SIGINT as events the server waits for, instead of the JVM's default of running shutdown hooks and
 * exiting with 143/130: the server then stops in order on its main thread and exits 0, as a daemon asked to stop
 * should.
 */
public final class TermSignals {
    private final BlockingQueue<String> received = new ArrayBlockingQueue<>(4);

    private TermSignals() {
    }

    public static TermSignals install() {
        TermSignals s = new TermSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), sig -> s.received.offer(sig.getName()));
            } catch (IllegalArgumentException e) {
                // the platform lacks this signal (or the JVM reserves it): the default handling stays
            }
        }
        return s;
    }

    /** Blocks until a signal arrives; returns its name (TERM, INT). */
    public String await() throws InterruptedException {
        return received.take();
    }
}
