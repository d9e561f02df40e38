package dev.scion.sql.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scion.sql.expr.json.JsonText;
import dev.scion.sql.session.Session;
import dev.scion.sql.stats.Bucket;
import dev.scion.sql.stats.IndexStatistics;
import dev.scion.sql.stats.StatisticsStore;
import dev.scion.versioning.ops.DoltTables;

import java.util.ArrayList;
import java.util.List;

/**
 * information_schema.COLUMN_STATISTICS as Dolt fills it: one row per index with statistics (MySQL has a row per
 * column histogram made by ANALYZE TABLE ... UPDATE HISTOGRAM; Dolt's histograms are per index, so COLUMN_NAME is
 * the index's columns joined by commas). HISTOGRAM is Dolt's document: {"statistic": {..., "buckets": [...]}}.
 * Statistics are collected on read while collection is on, as for dolt_statistics.
 */
final class ColumnStatistics {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ColumnStatistics() {
    }

    static List<Object[]> rows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (String name : session.engine().dataDirectory().names()) {
            if (!session.access().hasAnyOnDatabase(name)) {
                continue;
            }
            DatabaseState db = session.findDatabase(name).orElse(null);
            if (db == null) {
                continue;
            }
            List<IndexStatistics> all = StatisticsStore.of(db.repo()).of(db.buffer(), db.workingRoot(), db.repo(),
                    t -> !Views.isViewTable(t) && DoltTables.schema(t).isEmpty()
                            && session.access().hasAnyOnTable(name, t));
            for (IndexStatistics s : all) {
                rows.add(new Object[] {db.name(), s.table(), String.join(",", s.columns()),
                    JsonText.print(histogram(db.name(), s))});
            }
        }
        return rows;
    }

    static ObjectNode histogram(String database, IndexStatistics s) {
        ObjectNode stat = NODES.objectNode();
        stat.put("qualifier", database + "." + s.table() + "." + s.index());
        ArrayNode columns = stat.putArray("columns");
        s.columns().forEach(columns::add);
        ArrayNode types = stat.putArray("types");
        s.types().forEach(types::add);
        stat.put("row_count", s.rowCount());
        stat.put("distinct_count", s.distinctCount());
        stat.put("null_count", s.buckets().stream().mapToLong(Bucket::nullCount).sum());
        stat.put("created_at", s.createdAt().toString());
        ArrayNode buckets = stat.putArray("buckets");
        for (Bucket b : s.buckets()) {
            ObjectNode j = buckets.addObject();
            j.put("row_count", b.rowCount());
            j.put("distinct_count", b.distinctCount());
            j.put("null_count", b.nullCount());
            j.put("upper_bound", b.upperBound());
            j.put("bound_count", b.upperBoundCount());
            ArrayNode mcvs = j.putArray("mcvs");
            b.mostCommon().forEach(mcvs::add);
            ArrayNode counts = j.putArray("mcv_counts");
            b.mostCommonCounts().forEach(counts::add);
        }
        ObjectNode root = NODES.objectNode();
        root.set("statistic", stat);
        return root;
    }
}
