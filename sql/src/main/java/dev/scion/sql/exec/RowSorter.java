package dev.scion.sql.exec;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts rows by sort keys, stably (rows with equal keys keep their input order). When the first key is a column of
 * strings compared as binary (no collation, no JSON), each row's first characters (six when they are all Latin-1,
 * else three) and its position are packed into one long and the longs sorted as primitives; only runs whose
 * prefixes tie are sorted again by the full comparison. sysbench's {@code ORDER BY c} over 100 rows of random
 * digits so compares a few rows by text instead of some 600 pairs through the generic value comparison.
 */
final class RowSorter {
    /** Rows are numbered in the low 16 bits of each packed long. */
    private static final int MAX_PACKED_ROWS = 1 << 16;
    private static final int PREFIX_SHIFT = 16;
    private static final long PREFIX_MASK = (1L << 48) - 1;

    private RowSorter() {
    }

    static void sort(List<Object[]> rows, List<SortOp.Key> keys) {
        Comparator<Object[]> full = SortOp.comparator(keys);
        if (keys.isEmpty() || rows.size() < 2 || rows.size() > MAX_PACKED_ROWS) {
            rows.sort(full);
            return;
        }
        SortOp.Key first = keys.get(0);
        if (first.json() || first.collation() != null) {
            rows.sort(full);
            return;
        }
        int n = rows.size();
        boolean narrow = true;
        for (Object[] row : rows) {
            Object v = row[first.field()];
            if (v instanceof String s) {
                narrow &= latin1Prefix(s);
            } else if (v != null) {
                rows.sort(full); // numbers, dates, ...: the generic comparison
                return;
            }
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            Object v = rows.get(i)[first.field()];
            // NULL first ascending, last descending: a tie with "" that the full comparison settles
            long prefix = v == null ? 0 : narrow ? prefix((String) v, 6, 8) : prefix((String) v, 3, 16);
            if (first.descending()) {
                prefix = ~prefix & PREFIX_MASK;
            }
            // the top bit flipped so that signed order is the prefix's unsigned order
            packed[i] = ((prefix << PREFIX_SHIFT) | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(packed);
        Object[][] sorted = new Object[n][];
        for (int i = 0; i < n; i++) {
            sorted[i] = rows.get((int) (packed[i] & (MAX_PACKED_ROWS - 1)));
        }
        // runs of equal prefixes are still in input order: sorting each by the full comparison keeps the sort stable
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || (packed[i] >>> PREFIX_SHIFT) != (packed[start] >>> PREFIX_SHIFT)) {
                if (i - start > 1) {
                    Arrays.sort(sorted, start, i, full);
                }
                start = i;
            }
        }
        for (int i = 0; i < n; i++) {
            rows.set(i, sorted[i]);
        }
    }

    /** Whether the first six characters of {@code s} each fit in 8 bits. */
    private static boolean latin1Prefix(String s) {
        for (int i = 0; i < 6 && i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first {@code chars} UTF-16 units of {@code s}, {@code bits} each (every row of a sort packed alike), missing
     * ones as 0: ordered as {@link String#compareTo} orders the strings wherever two prefixes differ ("ab" and "ab\0"
     * tie, and the full comparison decides). Six Latin-1 characters when every row's fit, else three of 16 bits.
     */
    private static long prefix(String s, int chars, int bits) {
        long p = 0;
        for (int i = 0; i < chars; i++) {
            p = (p << bits) | (i < s.length() ? s.charAt(i) : 0);
        }
        return p;
    }
}
