package dev.scion.sql.ddl;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The session's temporary tables before a DDL statement, so that what the statement did to them can be kept through a
 * later ROLLBACK: MySQL's DDL on a temporary table neither commits the open transaction nor is undone by it.
 */
final class TemporaryTableChanges {
    private final Map<DatabaseState, Map<String, Hash>> before;

    private TemporaryTableChanges(Map<DatabaseState, Map<String, Hash>> before) {
        this.before = before;
    }

    static TemporaryTableChanges before(Session session) {
        Map<DatabaseState, Map<String, Hash>> tables = new IdentityHashMap<>();
        for (DatabaseState home : session.temporaryTables().homes()) {
            tables.put(home, Map.copyOf(home.workingRoot().tables()));
        }
        return new TemporaryTableChanges(tables);
    }

    /** After the statement succeeded: every temporary table it created, changed or dropped is kept as it left it. */
    void keep(Session session) {
        for (DatabaseState home : session.temporaryTables().homes()) {
            Map<String, Hash> was = before.getOrDefault(home, Map.of());
            Map<String, Hash> now = home.workingRoot().tables();
            Set<String> names = new HashSet<>(was.keySet());
            names.addAll(now.keySet());
            for (String name : names) {
                if (!Objects.equals(was.get(name), now.get(name))) {
                    home.keepThroughRollback(name);
                }
            }
            if (now.isEmpty()) {
                // its last table was dropped, and that is kept: without the home, name resolution costs nothing again
                session.temporaryTables().forget(home);
            }
        }
    }
}
