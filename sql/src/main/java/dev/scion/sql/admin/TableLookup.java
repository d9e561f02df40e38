package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.TableValue;

/** Finds a table a SHOW statement names, in the session's transaction. */
record TableLookup(DatabaseState db, String stored, TableValue value) {

    static TableLookup of(Session session, String database, String table) {
        DatabaseState named = database == null ? session.current() : session.database(database);
        // checked before existence, so that a user without privileges cannot probe which tables exist
        dev.scion.sql.privilege.AccessChecks.requireAnyOnTable(session, "SELECT", named.databaseName(), table);
        DatabaseState db = session.temporaryTables().resolve(named, table);
        var root = db.workingRoot();
        String stored = root.resolveName(table).orElse(null);
        if (stored == null) {
            var nonlocal = dev.scion.sql.dolt.NonlocalTables.find(session, db, table)
                    .orElseThrow(() -> SqlError.noSuchTable(db.name(), table));
            return new TableLookup(nonlocal.database(), nonlocal.stored(), nonlocal.value());
        }
        return new TableLookup(db, stored, db.repo().readTable(db.buffer(), root.tableHash(stored)));
    }

    /** Splits {@code db.t} / {@code `d`.`t`} / {@code t} into database (or null) and table. */
    static String[] split(String qualified) {
        String[] parts = qualified.strip().split("\\.(?=(?:[^`]*`[^`]*`)*[^`]*$)");
        return parts.length == 2 ? new String[] {Identifiers.unquote(parts[0]), Identifiers.unquote(parts[1])}
                : new String[] {null, Identifiers.unquote(qualified)};
    }
}
