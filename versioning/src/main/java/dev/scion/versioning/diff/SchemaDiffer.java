package dev.scion.versioning.diff;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Column differences by tag (so a rename is a rename), primary key and index differences by name. */
public final class SchemaDiffer {
    private SchemaDiffer() {
    }

    public static List<SchemaChange> diff(TableSchema from, TableSchema to) {
        List<SchemaChange> out = new ArrayList<>();
        for (Column f : from.columns()) {
            Column t = byTag(to, f.tag());
            if (t == null) {
                out.add(new SchemaChange(SchemaChange.Kind.COLUMN_DROPPED, f, null, null, null));
            } else if (!t.name().equals(f.name())) {
                out.add(new SchemaChange(SchemaChange.Kind.COLUMN_RENAMED, f, t, null, null));
            } else if (!t.equals(f)) {
                out.add(new SchemaChange(SchemaChange.Kind.COLUMN_MODIFIED, f, t, null, null));
            }
        }
        for (Column t : to.columns()) {
            if (byTag(from, t.tag()) == null) {
                out.add(new SchemaChange(SchemaChange.Kind.COLUMN_ADDED, null, t, null, null));
            }
        }
        if (!lower(from.primaryKey()).equals(lower(to.primaryKey()))) {
            out.add(new SchemaChange(SchemaChange.Kind.PRIMARY_KEY_CHANGED, null, null, null, null));
        }
        for (IndexDef f : from.indexes()) {
            IndexDef t = byName(to, f.name());
            if (t == null || !t.equals(f)) {
                out.add(new SchemaChange(SchemaChange.Kind.INDEX_DROPPED, null, null, f, null));
            }
        }
        for (IndexDef t : to.indexes()) {
            IndexDef f = byName(from, t.name());
            if (f == null || !t.equals(f)) {
                out.add(new SchemaChange(SchemaChange.Kind.INDEX_ADDED, null, null, null, t));
            }
        }
        return out;
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    static Column byTag(TableSchema s, long tag) {
        return s.columns().stream().filter(c -> c.tag() == tag).findFirst().orElse(null);
    }

    private static IndexDef byName(TableSchema s, String name) {
        return s.indexes().stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
