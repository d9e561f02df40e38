package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.versioning.diff.RootDiffer;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables that differ between two roots, with renames found: a table only the "from" root has and one only
 * the "to" root has are one renamed table when their primary-key column tags agree (tags come from the table and
 * column names a column was created under and survive RENAME TABLE), as Dolt pairs them. Keyless tables pair
 * when all their column tags agree.
 */
final class TableChanges {
    /** One changed table: {@code fromName} is null for an added table, {@code toName} for a dropped one. */
    record Change(String fromName, String toName) {
        boolean renamed() {
            return fromName != null && toName != null && !fromName.equals(toName);
        }

        String name() {
            return toName != null ? toName : fromName;
        }

        /** Whether {@code table} names this change on either side. */
        boolean names(String table) {
            return table.equalsIgnoreCase(fromName) || table.equalsIgnoreCase(toName);
        }

        String diffType() {
            return fromName == null ? "added" : toName == null ? "dropped" : renamed() ? "renamed" : "modified";
        }
    }

    private TableChanges() {
    }

    static List<Change> between(DatabaseState db, RootValue from, RootValue to) {
        List<TableDelta> deltas = new RootDiffer(db.repo(), db.buffer()).diff(from, to);
        List<Change> out = new ArrayList<>();
        List<TableDelta> dropped = new ArrayList<>();
        for (TableDelta d : deltas) {
            if (d.kind() == TableDelta.Kind.DROPPED) {
                dropped.add(d);
            }
        }
        for (TableDelta d : deltas) {
            switch (d.kind()) {
                case MODIFIED -> out.add(new Change(d.name(), d.name()));
                case DROPPED -> {
                    if (dropped.contains(d)) {
                        out.add(new Change(d.name(), null));
                    }
                }
                case ADDED -> {
                    TableSchema added = db.repo().readTable(db.buffer(), d.to()).schema();
                    TableDelta match = null;
                    for (TableDelta x : dropped) {
                        if (sameIdentity(db.repo().readTable(db.buffer(), x.from()).schema(), added)) {
                            match = x;
                            break;
                        }
                    }
                    if (match != null) {
                        dropped.remove(match);
                        out.add(new Change(match.name(), d.name()));
                    } else {
                        out.add(new Change(null, d.name()));
                    }
                }
            }
        }
        // a dropped table listed before its renamed twin was found is taken out above; keep the rest in order
        out.removeIf(c -> c.toName() == null && !dropped.stream().anyMatch(x -> x.name().equals(c.fromName())));
        return out;
    }

    private static boolean sameIdentity(TableSchema a, TableSchema b) {
        List<Long> ka = keyTags(a);
        List<Long> kb = keyTags(b);
        return ka.equals(kb);
    }

    private static List<Long> keyTags(TableSchema s) {
        List<Long> tags = new ArrayList<>();
        if (s.primaryKey().isEmpty()) {
            s.columns().forEach(c -> tags.add(c.tag()));
        } else {
            for (int i : s.primaryKeyIndexes()) {
                tags.add(s.columns().get(i).tag());
            }
        }
        return tags;
    }
}
