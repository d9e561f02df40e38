package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.versioning.model.RootValue;

import java.util.Objects;

/**
 * The database collation as the dolt_* surface shows it: Dolt lists a change of it as a pseudo-table named
 * {@code __DATABASE__<db>} (dolt_status, dolt_diff), which dolt_add stages like a table.
 */
final class DatabaseCollationEntry {
    /** The name prefix Dolt reserves for a database's own versioned settings (CREATE TABLE refuses it). */
    static final String PREFIX = "__DATABASE__";

    private DatabaseCollationEntry() {
    }

    /** The pseudo-table's name for {@code db}'s database. */
    static String name(DatabaseState db) {
        return PREFIX + db.databaseName();
    }

    /** Whether {@code table} names {@code db}'s pseudo-table (table names compare case-insensitively). */
    static boolean names(DatabaseState db, String table) {
        return name(db).equalsIgnoreCase(table);
    }

    /** Whether the two roots set different database collations. */
    static boolean changed(RootValue from, RootValue to) {
        return !Objects.equals(from.collation(), to.collation());
    }
}
