package dev.scion.sql.parser;

import java.util.function.Supplier;

/**
 * The sql_mode flags that change how statement text parses, each in force on the current thread while it parses.
 * A mode belongs to the session running the statement, but the text is parsed in many places that never see the
 * session (the statement itself, PREPARE, EXPLAIN, CALL, nested statements, views), so the statement runner scopes
 * each mode to the thread for the statement's duration and the generated parser asks here.
 */
public enum ParseMode {
    /** {@code ||} reads as string concatenation instead of OR. */
    PIPES_AS_CONCAT,
    /** Prefix NOT ranks with {@code !}, so {@code NOT a BETWEEN b AND c} is {@code (NOT a) BETWEEN b AND c}. */
    HIGH_NOT_PRECEDENCE;

    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Whether the statement being parsed on this thread runs under this mode. */
    public boolean active() {
        return active.get();
    }

    /** Runs {@code body} with this mode on or off; the previous setting is restored. */
    public <T> T during(boolean on, Supplier<T> body) {
        boolean before = active.get();
        if (before == on) {
            return body.get();
        }
        active.set(on);
        try {
            return body.get();
        } finally {
            active.set(before);
        }
    }
}
