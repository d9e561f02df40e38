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
 * branched and merged with the data. The sql_mode of the session that created or last altered the event, which
 * its body runs under and SHOW CREATE EVENT shows, is kept in the fragment's {@code extra} JSON as {@code "SqlMode"}.
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

    /** Stores the event, keeping the sql_mode recorded with it. */
    static void put(DatabaseState db, EventDefinition event) {
        SchemaFragments.put(db, TYPE, event.name(), event.createText());
    }

    /** Stores the event with the sql_mode it is to run under. */
    static void put(DatabaseState db, EventDefinition event, String sqlMode) {
        SchemaFragments.put(db, TYPE, event.name(), event.createText(),
                "{\"SqlMode\": \"" + sqlMode.replace("\"", "") + "\"}");
    }

    /** The sql_mode recorded with the event {@code name}; empty when it has none (stored before modes were kept). */
    static Optional<String> sqlMode(DatabaseState db, String name) {
        for (SchemaFragments.Fragment f : SchemaFragments.fragments(db, TYPE)) {
            if (f.name().equalsIgnoreCase(name) && f.extra() != null) {
                java.util.regex.Matcher m = SQL_MODE.matcher(f.extra());
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern SQL_MODE =
            java.util.regex.Pattern.compile("\"SqlMode\"\\s*:\\s*\"([A-Za-z_,]*)\"");

    static boolean remove(DatabaseState db, String name) {
        return SchemaFragments.remove(db, TYPE, name);
    }
}
