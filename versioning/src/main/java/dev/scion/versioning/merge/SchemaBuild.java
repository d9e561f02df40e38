package dev.scion.versioning.merge;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.List;

/**
 * The one place versioning code builds a {@link TableSchema} from parts, so that when the schema grows new
 * members (constraints, defaults) only this needs to learn to carry them over from {@code template}.
 */
public final class SchemaBuild {
    private SchemaBuild() {
    }

    public static TableSchema of(TableSchema template, List<Column> columns, List<String> primaryKey,
                                 List<IndexDef> indexes) {
        return new TableSchema(columns, primaryKey, indexes);
    }
}
