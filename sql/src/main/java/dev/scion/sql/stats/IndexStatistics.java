package dev.scion.sql.stats;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The statistics of one index of a table: its columns and their types as SQL text, and its histogram.
 *
 * @param table the table's name
 * @param index "primary" for the primary key, else the index's name (lower case, as Dolt shows it)
 * @param columns the index columns, lower case
 * @param types each column's type as SHOW CREATE TABLE prints it
 * @param buckets the histogram, in key order
 * @param prefixDistinct distinct values of the first 1, 2, ... index columns over the whole index (SHOW INDEX's
 *     Cardinality for each column of the index)
 * @param createdAt when the statistics were collected
 */
public record IndexStatistics(String table, String index, List<String> columns, List<String> types,
        List<Bucket> buckets, List<Long> prefixDistinct, LocalDateTime createdAt) {
    public IndexStatistics {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        buckets = List.copyOf(buckets);
        prefixDistinct = List.copyOf(prefixDistinct);
    }

    public long rowCount() {
        return buckets.stream().mapToLong(Bucket::rowCount).sum();
    }

    public long distinctCount() {
        return buckets.stream().mapToLong(Bucket::distinctCount).sum();
    }
}
