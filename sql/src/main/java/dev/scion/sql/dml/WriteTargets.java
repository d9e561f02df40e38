package dev.scion.sql.dml;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.TableValue;

import java.util.HashMap;
import java.util.Map;

/**
 * What the write fast path found out about the tables one database binding writes, each for one root: the stored
 * name, the table value, and whether foreign keys, triggers or generated columns stand in the way. All of it
 * depends on the root's content alone, and a root's address names its content, so an entry holds for any
 * statement whose transaction reads a root with that address. A one-row write then records the entry again for
 * the root it wrote (it changes rows only: names, schemas, triggers and foreign keys stay), and the next
 * autocommit statement, whose transaction starts from that root once it is committed, skips the table-map lookup,
 * the foreign-key index and the trigger lookup. Privileges, read-only states and foreign_key_checks belong to the
 * session and are checked by every statement.
 *
 * <p>One instance per {@link dev.scion.sql.catalog.DatabaseState}: one session's thread at a time uses it.
 */
public final class WriteTargets {
    /** A few tables per binding is what OLTP clients write; more starts the map over rather than grow it. */
    private static final int MAX_TABLES = 64;

    /**
     * What {@link WriteFastPath} resolved in the root {@code root}: {@code blocked} when the table has triggers
     * or generated columns (the general path's work), {@code foreignKeys} when it has foreign keys or other tables
     * reference it (the general path's work while they are checked).
     */
    record Entry(Hash root, String stored, TableValue value, boolean foreignKeys, boolean blocked) {
    }

    /** Keyed by the table name as the statement spells it. */
    private final Map<String, Entry> byName = new HashMap<>();
    private long hits;

    public WriteTargets() {
    }

    /** The entry for {@code typedName} if it was made for {@code root}, else null. */
    Entry find(String typedName, Hash root) {
        Entry e = byName.get(typedName);
        if (e == null || !e.root().equals(root)) {
            return null;
        }
        hits++;
        return e;
    }

    void remember(String typedName, Entry entry) {
        if (byName.size() >= MAX_TABLES && !byName.containsKey(typedName)) {
            byName.clear();
        }
        byName.put(typedName, entry);
    }

    /** Statements that found their table here (an operation count for the regression check). */
    public long hits() {
        return hits;
    }
}
