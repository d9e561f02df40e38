package dev.scion.sql.routine;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.function.Supplier;

/**
 * Whether the running statement is inside a stored function or a trigger, where MySQL forbids ending the
 * transaction: a procedure such a routine calls may not run DDL (implicit commit) or COMMIT either, and fails with
 * 1422 when it tries. A function's or trigger's own body is refused earlier, when it is parsed.
 */
public final class CommitForbidden {
    /** How many functions and triggers are running on this thread (a session runs on one thread at a time). */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private CommitForbidden() {
    }

    static <T> T during(Supplier<T> routine) {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return routine.get();
        } finally {
            depth[0]--;
        }
    }

    /** Whether a function or trigger is running on this thread. */
    static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    /** Fails with 1422 when a function or trigger is running. */
    public static void check() {
        if (DEPTH.get()[0] > 0) {
            throw new SqlError(ErrorCode.COMMIT_NOT_ALLOWED_IN_SF_OR_TRG,
                    "Explicit or implicit commit is not allowed in stored function or trigger.");
        }
    }
}
