package dev.scion.sql.catalog;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

/**
 * Which indexes are SPATIAL. The schema keeps no flag for it: MySQL 8 makes every plain index over one NOT NULL
 * geometry column an R-tree whether or not SPATIAL was written (WL#11808: no prefix, UNIQUE or FULLTEXT index
 * may cover such a column), so the index's shape says it, for tables stored before and after this rule alike.
 */
public final class SpatialIndexes {
    private SpatialIndexes() {
    }

    public static boolean isSpatial(TableSchema schema, IndexDef ix) {
        if (ix.unique() || ix.fulltext() || ix.columns().size() != 1 || ix.prefixLength(0) > 0) {
            return false;
        }
        Column c = schema.column(ix.columns().get(0)).orElse(null);
        return c != null && !c.hidden() && !c.nullable() && c.type().kind().isSpatial();
    }

    /** The index's keyword in SHOW CREATE TABLE: {@code SPATIAL KEY} or {@link IndexDef#keyword()}. */
    public static String keyword(TableSchema schema, IndexDef ix) {
        return isSpatial(schema, ix) ? "SPATIAL KEY" : ix.keyword();
    }

    /** The index type SHOW INDEX and information_schema.STATISTICS show: SPATIAL, FULLTEXT or BTREE. */
    public static String type(TableSchema schema, IndexDef ix) {
        return isSpatial(schema, ix) ? "SPATIAL" : ix.fulltext() ? "FULLTEXT" : "BTREE";
    }
}
