package dev.scion.sql.parser;

import java.util.function.Supplier;

/**
 * Whether prefix NOT ranks with {@code !} (sql_mode HIGH_NOT_PRECEDENCE) or below the comparisons (MySQL's
 * default) while the current thread parses. As with {@link PipesAsConcat}, the mode is the session's but the text
 * is parsed in places that never see the session, so the statement runner scopes it to the thread.
 */
public final class HighNotPrecedence {
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private HighNotPrecedence() {
    }

    /** Whether the statement being parsed on this thread runs under HIGH_NOT_PRECEDENCE. */
    public static boolean active() {
        return ACTIVE.get();
    }

    /** Runs {@code body} with NOT ranked high when {@code on}; the previous reading is restored. */
    public static <T> T during(boolean on, Supplier<T> body) {
        boolean before = ACTIVE.get();
        if (before == on) {
            return body.get();
        }
        ACTIVE.set(on);
        try {
            return body.get();
        } finally {
            ACTIVE.set(before);
        }
    }
}
