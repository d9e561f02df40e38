package dev.scion.sql.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * View definitions: {@link SchemaFragments} of type {@code view}, whose fragment is the CREATE VIEW statement (as
 * Dolt stores them).
 */
public final class Views {
    public static final String TABLE = SchemaFragments.TABLE;
    private static final String TYPE = "view";

    private Views() {
    }

    /** The CREATE VIEW text of view {@code name}, if the database has one. */
    public static Optional<String> definition(DatabaseState db, String name) {
        return SchemaFragments.definition(db, TYPE, name);
    }

    /** Every view of the database: lower-case name to CREATE VIEW text, in name order. */
    public static Map<String, String> all(DatabaseState db) {
        return SchemaFragments.all(db, TYPE);
    }

    /** Stores (or replaces) a view definition in the transaction's working root. */
    public static void put(DatabaseState db, String name, String createText) {
        SchemaFragments.put(db, TYPE, name, createText);
    }

    /** Removes a view definition; false if there was none. */
    public static boolean remove(DatabaseState db, String name) {
        return SchemaFragments.remove(db, TYPE, name);
    }

    public static boolean isViewTable(String tableName) {
        return TABLE.equalsIgnoreCase(tableName);
    }

    /** Names of the views, in the order {@link #all} lists them. */
    public static List<String> names(DatabaseState db) {
        return new ArrayList<>(all(db).keySet());
    }
}
