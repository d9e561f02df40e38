package dev.scion.sql.catalog;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One session's temporary tables (CREATE TEMPORARY TABLE), per database binding of the session: each binding that has
 * any gets a private {@link DatabaseState#temporary home}, whose root holds only those tables. Table resolution asks
 * here first, so a temporary table shadows a base table of the same name for this session alone; nothing that reads
 * a branch (commits, merges, dolt_status, dolt_diff, SHOW TABLES, information_schema, dumps) ever sees the home.
 * The tables go when the session ends or its connection is reset.
 */
public final class TemporaryTables {
    /** By the binding the tables were created in (a binding is replaced only when its database is dropped). */
    private final Map<DatabaseState, DatabaseState> homes = new IdentityHashMap<>(2);

    /** The home of {@code base}'s temporary tables, made empty on first use. */
    public DatabaseState homeOf(DatabaseState base) {
        return homes.computeIfAbsent(base, DatabaseState::temporary);
    }

    /** The home holding temporary table {@code table} of {@code base}, if the session has one of that name. */
    public Optional<DatabaseState> shadowing(DatabaseState base, String table) {
        if (homes.isEmpty() || base.isTemporary()) {
            return Optional.empty();
        }
        DatabaseState home = homes.get(base);
        return home != null && home.workingRoot().resolveName(table).isPresent() ? Optional.of(home)
                : Optional.empty();
    }

    /** {@code base}, or the home of its temporary table {@code table} when the session has one. */
    public DatabaseState resolve(DatabaseState base, String table) {
        return shadowing(base, table).orElse(base);
    }

    public boolean isEmpty() {
        return homes.isEmpty();
    }

    /** Every home, for the session's transaction bookkeeping (commit, rollback, statement marks, savepoints). */
    public List<DatabaseState> homes() {
        return homes.isEmpty() ? List.of() : new ArrayList<>(homes.values());
    }

    /** Forgets a home whose tables were all dropped. */
    public void forget(DatabaseState home) {
        if (homes.values().removeIf(h -> h == home)) {
            home.release();
        }
    }

    /** Drops every temporary table (the session ends, or its connection is reset). */
    public void dropAll() {
        homes.values().forEach(DatabaseState::release);
        homes.clear();
    }

    /** Drops the temporary tables of bindings the session no longer has (their database was dropped). */
    public void retainBindings(java.util.Collection<DatabaseState> bound) {
        homes.entrySet().removeIf(e -> {
            boolean gone = bound.stream().noneMatch(b -> b == e.getKey());
            if (gone) {
                e.getValue().release();
            }
            return gone;
        });
    }
}
