package dev.scion.sql.plan;

import java.util.function.Supplier;

/**
 * Marks a plan whose first columns are table rows a write will put back or look up by key (UPDATE's and DELETE's row
 * queries, locking reads): those columns must come out as stored, TIMESTAMP values in UTC, whatever the session's
 * time zone; the rest of the query (its WHERE, SET expressions) reads TIMESTAMP columns in the session's zone as any
 * query does. {@link #asStored} plans a read that is all stored values, such as a foreign-key check comparing a
 * row's stored key with the rows of another table. Read by {@link QueryPlanner} and {@link PlanCacheScope}.
 */
public final class StoredRowReads {
    /** Every column as stored and no conversion anywhere. */
    static final int ALL = -1;
    private static final ThreadLocal<Integer> COLUMNS = ThreadLocal.withInitial(() -> 0);

    private StoredRowReads() {
    }

    /** Plans with the first {@code columns} output columns as stored. */
    public static <T> T firstColumns(int columns, Supplier<T> plan) {
        return with(columns, plan);
    }

    /** Plans a read of stored values only. */
    public static <T> T asStored(Supplier<T> plan) {
        return with(ALL, plan);
    }

    private static <T> T with(int columns, Supplier<T> plan) {
        int before = COLUMNS.get();
        COLUMNS.set(columns);
        try {
            return plan.get();
        } finally {
            COLUMNS.set(before);
        }
    }

    /** 0 for an ordinary query, the number of leading stored columns, or {@link #ALL}. */
    static int current() {
        return COLUMNS.get();
    }
}
