package dev.scion.cli.support;

import dev.scion.versioning.remote.TransferListener;

import java.io.PrintStream;

/**
 * A transfer's progress line on stderr (chunks, bytes, rate), redrawn in place, and only when a person is
 * watching; scripts and pipes see none of it.
 */
public final class TransferProgress implements TransferListener {
    private final PrintStream err;
    private final boolean enabled;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long chunks;
    private long bytes;

    public TransferProgress(Terminal term, String label) {
        this.err = term.err();
        this.enabled = term.interactive();
        this.label = label;
    }

    @Override
    public void progress(long chunks, long bytes) {
        this.chunks = chunks;
        this.bytes = bytes;
        long now = System.nanoTime();
        if (enabled && now - lastDraw > 100_000_000L) {
            lastDraw = now;
            draw(now);
        }
    }

    /** Ends the line with the totals (only on a terminal). */
    public void finish() {
        if (enabled && chunks > 0) {
            draw(System.nanoTime());
            err.println(", done.");
            err.flush();
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double mib = bytes / (1024.0 * 1024.0);
        err.printf("\r%s: %d chunks, %.2f MiB | %.2f MiB/s", label, chunks, mib, mib / seconds);
        err.flush();
    }
}
