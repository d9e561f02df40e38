package dev.scion.sql.catalog;

import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/** A table's keys as one entry per key column: PRIMARY first, then each index in order. */
public final class IndexRows {
    /**
     * One key column: index name, uniqueness, 1-based position, column, whether the column takes NULL, and the
     * index type as SHOW INDEX prints it (BTREE, FULLTEXT or SPATIAL), and the key part's prefix length (Sub_part) or null.
     */
    /**
     * @param column     the key column, null for a functional key part
     * @param expression a functional key part's expression (MySQL's EXPRESSION column), else null
     */
    public record KeyColumn(String index, boolean unique, int seq, String column, boolean nullable, String type,
                            Long subPart, String expression) {
    }

    private IndexRows() {
    }

    public static List<KeyColumn> of(TableSchema schema) {
        List<KeyColumn> out = new ArrayList<>();
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            out.add(key(schema, "PRIMARY", true, i + 1, schema.primaryKey().get(i), "BTREE", 0));
        }
        for (IndexDef ix : schema.indexes()) {
            for (int i = 0; i < ix.columns().size(); i++) {
                out.add(key(schema, ix.name(), ix.unique(), i + 1, ix.columns().get(i),
                        SpatialIndexes.type(schema, ix), ix.prefixLength(i)));
            }
        }
        return out;
    }

    private static KeyColumn key(TableSchema schema, String index, boolean unique, int seq, String column,
                                 String type, int prefix) {
        boolean nullable = schema.column(column).map(c -> c.nullable()).orElse(false);
        Long subPart = prefix > 0 ? (Long) (long) prefix : null;
        return schema.column(column).filter(dev.scion.versioning.schema.Column::hidden)
                .map(c -> new KeyColumn(index, unique, seq, null, nullable, type, subPart,
                        dev.scion.sql.ddl.CreateTableText.expression(c.generatedSql())))
                .orElseGet(() -> new KeyColumn(index, unique, seq, column, nullable, type, subPart, null));
    }
}
