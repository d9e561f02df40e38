package dev.scion.cli.support;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr, redrawn in place; silent unless a person is watching, so scripts and
 * pipes get clean output.
 */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean enabled;
    private final long total;
    private final String label;
    private int lastPercent = -1;

    public Progress(Terminal term, String label, long total) {
        this.err = term.err();
        this.enabled = term.interactive() && total > 0;
        this.total = total;
        this.label = label;
    }

    public void update(long done, long rows) {
        if (!enabled) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
                + rows + " rows");
        err.flush();
    }

    public void finish() {
        if (enabled && lastPercent >= 0) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 30) + "\r");
            err.flush();
        }
    }
}
