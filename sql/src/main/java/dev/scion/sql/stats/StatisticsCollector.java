package dev.scion.sql.stats;

import dev.scion.sql.expr.Values;
import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.table.IndexCodec;
import dev.scion.versioning.table.RowCodec;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads a table's primary key and secondary indexes once each and builds their histograms. A bucket is one leaf
 * of the index's prolly tree (Dolt does the same), so collecting costs one ordered scan per index and a bucket
 * stays the same when rows in other leaves change. Keyless tables get statistics for their secondary indexes
 * only: their rows have no key order to describe.
 */
public final class StatisticsCollector {
    /** How many most-common values a bucket keeps (Dolt's dolt_statistics has four columns for them). */
    static final int MOST_COMMON = 4;

    private StatisticsCollector() {
    }

    public static List<IndexStatistics> collect(ChunkReader reader, String table, TableValue value) {
        TableSchema schema = value.schema();
        RowCodec codec = new RowCodec(schema);
        LocalDateTime now = LocalDateTime.now().withNano(0);
        List<IndexStatistics> out = new ArrayList<>();
        ProllyMap rows = ProllyMap.load(reader, value.rows());
        if (!schema.isKeyless()) {
            int[] keyCols = codec.keyColumns();
            PrefixCounter prefixes = new PrefixCounter(keyCols.length);
            List<Bucket> buckets = buckets(rows, prefixes,
                    entry -> pick(codec.decode(entry.key, entry.value), keyCols));
            out.add(new IndexStatistics(table, "primary", names(schema, keyCols), types(schema, keyCols), buckets,
                    prefixes.counts(), now));
        }
        for (IndexDef ix : schema.indexes()) {
            Hash tree = value.indexes().get(ix.name().toLowerCase(Locale.ROOT));
            if (tree == null) {
                continue;
            }
            IndexCodec ic = codec.indexCodec(ix);
            int[] cols = ic.indexColumns();
            // ENUM/SET ordinals and collated keys (sort keys, prefixes) are not the values a client sees
            boolean choice = ix.collatedKeys() || Arrays.stream(cols).anyMatch(c -> isChoice(schema.columns().get(c)));
            PrefixCounter prefixes = new PrefixCounter(cols.length);
            List<Bucket> buckets = buckets(ProllyMap.load(reader, tree), prefixes, entry -> {
                if (choice) {
                    // ENUM and SET are stored as ordinals in index keys; the row has the values a client sees
                    byte[] rowKey = ic.rowKey(entry.key);
                    return pick(codec.decode(rowKey, rows.get(rowKey)), cols);
                }
                return Arrays.copyOf(ic.descriptor().decodeKey(entry.key), cols.length);
            });
            out.add(new IndexStatistics(table, ix.name().toLowerCase(Locale.ROOT), names(schema, cols),
                    types(schema, cols), buckets, prefixes.counts(), now));
        }
        return out;
    }

    private record Entry(byte[] key, byte[] value) {
    }

    private interface IndexValues {
        Object[] of(Entry entry);
    }

    /** Walks the tree in key order, closing a bucket at the end of each leaf. */
    private static List<Bucket> buckets(ProllyMap map, PrefixCounter prefixes, IndexValues values) {
        long[] leaves = map.leafCounts();
        List<Bucket> out = new ArrayList<>();
        try (ProllyCursor c = map.cursor()) {
            for (long size : leaves) {
                if (size == 0) {
                    continue;
                }
                BucketBuilder b = new BucketBuilder();
                for (long i = 0; i < size && c.next(); i++) {
                    Object[] v = values.of(new Entry(c.key(), c.value()));
                    b.add(v);
                    prefixes.add(v);
                }
                out.add(b.build());
            }
        }
        return out;
    }

    /** Distinct values of each leading prefix of the index columns, over the whole (sorted) index. */
    private static final class PrefixCounter {
        private final long[] distinct;
        private Object[] previous;

        PrefixCounter(int columns) {
            distinct = new long[columns];
        }

        void add(Object[] v) {
            // the first column that differs from the previous entry starts a new value for it and every longer prefix
            int from = 0;
            if (previous != null) {
                while (from < v.length && java.util.Objects.deepEquals(previous[from], v[from])) {
                    from++;
                }
            }
            for (int i = from; i < v.length; i++) {
                distinct[i]++;
            }
            previous = v;
        }

        List<Long> counts() {
            return Arrays.stream(distinct).boxed().toList();
        }
    }

    /** Counts runs of equal values (entries come sorted, so equal values are adjacent). */
    private static final class BucketBuilder {
        private record Run(Object[] value, long count) {
        }

        private final List<Run> common = new ArrayList<>();
        private long rows;
        private long distinct;
        private long nulls;
        private Object[] current;
        private long currentCount;

        void add(Object[] v) {
            rows++;
            if (Arrays.stream(v).anyMatch(x -> x == null)) {
                nulls++;
            }
            if (current != null && Arrays.deepEquals(current, v)) {
                currentCount++;
                return;
            }
            closeRun();
            current = v;
            currentCount = 1;
            distinct++;
        }

        private void closeRun() {
            if (current != null && currentCount > 1) {
                common.add(new Run(current, currentCount));
            }
        }

        Bucket build() {
            Object[] last = current;
            long lastCount = currentCount;
            closeRun();
            List<Run> top = common.stream().sorted(Comparator.comparingLong(Run::count).reversed())
                    .limit(MOST_COMMON).toList();
            return new Bucket(rows, distinct, nulls, text(last), lastCount,
                    top.stream().map(r -> text(r.value())).toList(), top.stream().map(Run::count).toList());
        }
    }

    /** Values as a client prints them, joined by commas (Dolt's spelling of multi-column bounds). */
    static String text(Object[] values) {
        if (values == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(values[i] == null ? "NULL" : Values.toStringValue(values[i]));
        }
        return sb.toString();
    }

    private static Object[] pick(Object[] row, int[] columns) {
        Object[] v = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            v[i] = row[columns[i]];
        }
        return v;
    }

    private static boolean isChoice(Column c) {
        return c.type().kind() == TypeKind.ENUM || c.type().kind() == TypeKind.SET;
    }

    private static List<String> names(TableSchema schema, int[] columns) {
        return Arrays.stream(columns).mapToObj(i -> schema.columns().get(i).name().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> types(TableSchema schema, int[] columns) {
        return Arrays.stream(columns).mapToObj(i -> schema.columns().get(i).type().sqlName()).toList();
    }
}
