package dev.scion.sql.catalog;

import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;

/**
 * TABLE_ROWS of information_schema.TABLES and Rows of SHOW TABLE STATUS. MySQL shows InnoDB's estimate there; a
 * prolly tree keeps its entry count in the root node, so Scion shows the exact count for one chunk read.
 */
public final class TableRowCount {
    private TableRowCount() {
    }

    public static long of(DatabaseState db, TableValue table) {
        return ProllyMap.load(db.buffer(), table.rows()).count();
    }
}
