package dev.scion.sql.trigger;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.SchemaFragments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The triggers of a database: {@link SchemaFragments} of type {@code trigger} whose fragment is the CREATE TRIGGER
 * statement, as Dolt stores them, so triggers are versioned, branched and merged with the data.
 */
public final class Triggers {
    static final String TYPE = "trigger";

    private Triggers() {
    }

    public static Optional<String> definition(DatabaseState db, String name) {
        return SchemaFragments.definition(db, TYPE, name);
    }

    /** Every trigger of the database, parsed, in name order. */
    public static List<TriggerDefinition> all(DatabaseState db) {
        List<TriggerDefinition> out = new ArrayList<>();
        for (Map.Entry<String, String> e : SchemaFragments.all(db, TYPE).entrySet()) {
            out.add(TriggerDefinition.parse(e.getValue(), db.name()).definition());
        }
        return out;
    }

    /** The triggers whose subject is {@code table} (matched case-insensitively). */
    public static List<TriggerDefinition> forTable(DatabaseState db, String table) {
        if (db.workingRoot().resolveName(SchemaFragments.TABLE).isEmpty()) {
            return List.of(); // no views or triggers at all: the common case costs one name lookup
        }
        List<TriggerDefinition> out = new ArrayList<>();
        for (TriggerDefinition t : all(db)) {
            if (t.table().equalsIgnoreCase(table)) {
                out.add(t);
            }
        }
        return out;
    }

    static void put(DatabaseState db, String name, String createText) {
        SchemaFragments.put(db, TYPE, name, createText);
    }

    static boolean remove(DatabaseState db, String name) {
        return SchemaFragments.remove(db, TYPE, name);
    }

    /** Drops the triggers of a dropped table, as MySQL does. */
    public static void dropForTable(DatabaseState db, String table) {
        for (TriggerDefinition t : forTable(db, table)) {
            remove(db, t.name());
        }
    }
}
