package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

/**
 * The values of a cached plan's parameters ({@code ?} in the plan) while one execution of the plan is turned into
 * operators: what the planner derives from them then (primary-key ranges, index ranges, point keys) is this
 * execution's. Compiled expressions do not read them here: they read the execution's values from the
 * {@code ExecContext} when evaluated, so they can be compiled once per cached plan. Thread-confined: a statement is
 * built on the thread that runs it.
 */
public final class BoundParameters {
    private static final ThreadLocal<Object[]> CURRENT = new ThreadLocal<>();

    private BoundParameters() {
    }

    /** Runs {@code build} with {@code values} bound to parameters 0, 1, ...; restores the previous binding after. */
    public static <T> T with(Object[] values, java.util.function.Supplier<T> build) {
        Object[] previous = CURRENT.get();
        CURRENT.set(values);
        try {
            return build.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The values bound now, or null outside a cached plan's build. */
    public static Object[] current() {
        return CURRENT.get();
    }

    /** The value bound to parameter {@code index}; an unbound parameter is an internal error. */
    public static Object value(int index) {
        Object[] values = CURRENT.get();
        if (values == null || index >= values.length) {
            throw new SqlError(ErrorCode.UNKNOWN_ERROR, "unbound parameter ?" + index);
        }
        return values[index];
    }
}
