package dev.scion.sql.parser;

import java.util.function.Supplier;

/**
 * Whether {@code ||} reads as string concatenation (sql_mode PIPES_AS_CONCAT) or as OR (MySQL's default) while the
 * current thread parses. The mode belongs to the session running the statement, but the text is parsed in many
 * places that never see the session (the statement itself, PREPARE, EXPLAIN, CALL, nested statements), so the
 * statement runner scopes it to the thread for the statement's duration and the generated parser asks here.
 */
public final class PipesAsConcat {
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private PipesAsConcat() {
    }

    /** Whether the statement being parsed on this thread runs under PIPES_AS_CONCAT. */
    public static boolean active() {
        return ACTIVE.get();
    }

    /** Runs {@code body} with {@code ||} read as concatenation when {@code on}; the previous reading is restored. */
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
