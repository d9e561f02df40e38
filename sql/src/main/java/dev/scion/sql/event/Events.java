package dev.scion.sql.event;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.SchemaFragments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events of a database: {@link SchemaFragments} of type {@code event} whose fragment is the event's CREATE
 * EVENT statement with its times resolved (as Dolt keeps them in {@code dolt_schemas}), so events are versioned,
 * branched and merged with the data.
 */
public final class Events {
    static final String TYPE = "event";

    private Events() {
    }

    public static Optional<EventDefinition> get(DatabaseState db, String name) {
        return SchemaFragments.definition(db, TYPE, name).map(EventReader::read);
    }

    /** Every event of the database, in name order. */
    public static List<EventDefinition> all(DatabaseState db) {
        if (db.workingRoot().resolveName(SchemaFragments.TABLE).isEmpty()) {
            return List.of();
        }
        List<EventDefinition> out = new ArrayList<>();
        for (Map.Entry<String, String> e : SchemaFragments.all(db, TYPE).entrySet()) {
            out.add(EventReader.read(e.getValue()));
        }
        return out;
    }

    static void put(DatabaseState db, EventDefinition event) {
        SchemaFragments.put(db, TYPE, event.name(), event.createText());
    }

    static boolean remove(DatabaseState db, String name) {
        return SchemaFragments.remove(db, TYPE, name);
    }
}
