package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.Views;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.sql.stats.Bucket;
import dev.scion.sql.stats.IndexStatistics;
import dev.scion.sql.stats.StatisticsStore;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * dolt_statistics: one row per histogram bucket of every index of every table of the revision (primary key first,
 * then the secondary indexes in schema order). Columns as Dolt names them; the mcv columns hold the bucket's most
 * common values and mcvCounts their counts, comma-separated.
 */
final class DoltStatisticsTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_statistics";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder().add("database_name", Columns.text(f, 64))
                .add("table_name", Columns.text(f, 64)).add("index_name", Columns.text(f, 64))
                .add("row_count", Columns.bigint(f)).add("distinct_count", Columns.bigint(f))
                .add("null_count", Columns.bigint(f)).add("columns", Columns.text(f, 1024))
                .add("types", Columns.text(f, 1024)).add("upper_bound", Columns.text(f, 65535))
                .add("upper_bound_cnt", Columns.bigint(f)).add("created_at", Columns.datetime(f));
        for (int i = 1; i <= 4; i++) {
            b.add("mcv" + i, Columns.text(f, 65535));
        }
        return b.add("mcvCounts", Columns.text(f, 1024)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        List<IndexStatistics> all = StatisticsStore.of(db.repo()).of(db.buffer(), db.workingRoot(), db.repo(),
                DoltStatisticsTable::hasStatistics);
        List<Object[]> rows = new ArrayList<>();
        for (IndexStatistics s : all) {
            for (Bucket bucket : s.buckets()) {
                Object[] row = new Object[16];
                row[0] = db.databaseName();
                row[1] = s.table();
                row[2] = s.index();
                row[3] = bucket.rowCount();
                row[4] = bucket.distinctCount();
                row[5] = bucket.nullCount();
                row[6] = String.join(",", s.columns());
                row[7] = String.join(",", s.types());
                row[8] = bucket.upperBound();
                row[9] = bucket.upperBoundCount();
                row[10] = s.createdAt();
                for (int i = 0; i < 4; i++) {
                    row[11 + i] = i < bucket.mostCommon().size() ? bucket.mostCommon().get(i) : "";
                }
                row[15] = String.join(",", bucket.mostCommonCounts().stream().map(String::valueOf).toList());
                rows.add(row);
            }
        }
        return RowStream.of(rows);
    }

    /** User tables only: not the stored views, nor Dolt's own versioned tables (dolt_ignore, dolt_docs, ...). */
    static boolean hasStatistics(String table) {
        return !Views.isViewTable(table) && dev.scion.versioning.ops.DoltTables.schema(table).isEmpty();
    }
}
