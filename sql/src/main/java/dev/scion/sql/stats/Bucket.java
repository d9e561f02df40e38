package dev.scion.sql.stats;

import java.util.List;

/**
 * One histogram bucket of an index: the rows of one leaf of the index's tree, so bucket edges move only where the
 * data changes. Values are printed as a client sees them, several columns joined by commas.
 *
 * @param rowCount rows in the bucket
 * @param distinctCount distinct values of the index columns among them
 * @param nullCount rows with NULL in any index column
 * @param upperBound the last (largest) value in the bucket
 * @param upperBoundCount rows equal to the upper bound
 * @param mostCommon the most frequent values that occur more than once, most frequent first
 * @param mostCommonCounts how often each of them occurs
 */
public record Bucket(long rowCount, long distinctCount, long nullCount, String upperBound, long upperBoundCount,
        List<String> mostCommon, List<Long> mostCommonCounts) {
    public Bucket {
        mostCommon = List.copyOf(mostCommon);
        mostCommonCounts = List.copyOf(mostCommonCounts);
    }
}
