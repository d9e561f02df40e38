package dev.scion.it.slt;

import java.util.List;

/**
 * One record of a sqllogictest file: a statement, a query, or a control line ({@code hash-threshold}, {@code halt}).
 * {@code line} is the 1-based line where the record starts in its file, and names the record in reports and in the
 * expected-failures list.
 */
sealed interface SltRecord {
    int line();

    /** {@code statement ok} / {@code statement error}. */
    record Statement(int line, boolean expectError, String sql) implements SltRecord { }

    /**
     * {@code query <types> <sort> [label]}: {@code expected} are the lines after {@code ----}, either the values one
     * per line or a single {@code N values hashing to MD5} line.
     */
    record Query(int line, String types, SortMode sort, String label, String sql, List<String> expected)
            implements SltRecord { }

    record HashThreshold(int line, int threshold) implements SltRecord { }

    record Halt(int line) implements SltRecord { }

    enum SortMode { NOSORT, ROWSORT, VALUESORT }
}
