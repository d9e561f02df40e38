package dev.scion.cli.support;

/** A user-facing failure: the message goes to stderr as is and the process exits with {@code exitCode}. */
public class CliError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliError(String message) {
        this(message, 1);
    }

    public CliError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
