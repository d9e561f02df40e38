package dev.scion.versioning.merge;

import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches columns by name where their tags disagree. Tags are derived from table and column name, so two sides
 * normally agree; a tag set by hand ({@code dolt_update_column_tag}) on one side would otherwise make its column
 * look dropped and re-added. A column of one side whose tag the reference schema does not know takes the tag of
 * the reference column with its name, when that column's tag is unknown to the side (a real rename keeps its tag,
 * so it is never mistaken for this).
 */
final class TagAlignment {
    private TagAlignment() {
    }

    /** {@code side} with its tags aligned to {@code reference}'s (the same object when nothing changes). */
    static TableValue align(TableSchema reference, TableValue side) {
        TableSchema aligned = align(reference, side.schema());
        return aligned == side.schema() ? side
                : new TableValue(aligned, side.rows(), side.indexes(), side.autoIncrement());
    }

    static TableSchema align(TableSchema reference, TableSchema side) {
        Set<Long> referenceTags = new HashSet<>();
        reference.columns().forEach(c -> referenceTags.add(c.tag()));
        Set<Long> sideTags = new HashSet<>();
        side.columns().forEach(c -> sideTags.add(c.tag()));
        List<Column> columns = new ArrayList<>(side.columns());
        boolean changed = false;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (referenceTags.contains(c.tag())) {
                continue;
            }
            for (Column r : reference.columns()) {
                if (r.name().equalsIgnoreCase(c.name()) && !sideTags.contains(r.tag())) {
                    columns.set(i, c.withTag(r.tag()));
                    sideTags.add(r.tag());
                    changed = true;
                    break;
                }
            }
        }
        return !changed ? side : new TableSchema(columns, side.primaryKey(), side.indexes(), side.checks(),
                side.foreignKeys(), side.collation(), side.collatedPrimaryKey(), side.comment());
    }
}
