package dev.scion.cli.support;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where output goes and whether it may be coloured: colour only when stdout is a terminal, never with
 * NO_COLOR set or TERM=dumb (git's habits). Output is UTF-8 regardless of the platform default.
 */
public final class Terminal {
    private static final String RESET = "\u001b[m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean colour;
    private final boolean interactive;

    public Terminal(PrintStream out, PrintStream err, boolean colour, boolean interactive) {
        this.out = out;
        this.err = err;
        this.colour = colour;
        this.interactive = interactive;
    }

    /** The caller's terminal: the process's standard streams, or the buffers of a command run inside the server. */
    public static Terminal system() {
        Invocation hosted = Invocation.current();
        if (hosted.terminal() != null) {
            return hosted.terminal();
        }
        boolean tty = System.console() != null;
        String term = System.getenv("TERM");
        boolean colour = tty && System.getenv("NO_COLOR") == null && term != null && !term.equals("dumb");
        return new Terminal(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8), new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err),
                true, StandardCharsets.UTF_8), colour, tty);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Whether output is coloured (a terminal, TERM set and not dumb, NO_COLOR unset). */
    public boolean colour() {
        return colour;
    }

    /** True when a person is watching (progress bars, pager-free prompts). */
    public boolean interactive() {
        return interactive;
    }

    public String green(String s) {
        return paint("\u001b[32m", s);
    }

    public String red(String s) {
        return paint("\u001b[31m", s);
    }

    public String yellow(String s) {
        return paint("\u001b[33m", s);
    }

    public String cyan(String s) {
        return paint("\u001b[36m", s);
    }

    public String bold(String s) {
        return paint("\u001b[1m", s);
    }

    private String paint(String code, String s) {
        return colour ? code + s + RESET : s;
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
