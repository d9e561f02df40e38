package dev.scion.sql.plan.fastpath;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The point-select shapes (database, table, key column) that the fast path of one session has answered. A server
 * runs a statement on its network thread only when its shape is here ({@link PointSelectPath#runsBriefly}): the
 * shape alone does not say that {@code WHERE k = 5} names the primary key, and a statement the fast path declines
 * goes to the planner, which may scan. A decline removes the shape again (a changed key, another branch), so at
 * most one planned statement per change runs on the network thread.
 */
public final class ServedShapes {
    /** Sessions touch few tables; the bound only keeps a session that touches thousands small. */
    private static final int MAX_SHAPES = 256;

    // written by the thread running the session's statement, read by the network thread between statements
    private final Set<String> shapes = ConcurrentHashMap.newKeySet();

    static String key(String database, String table, String keyColumn) {
        return database.toLowerCase(Locale.ROOT) + '\0' + table.toLowerCase(Locale.ROOT) + '\0'
                + keyColumn.toLowerCase(Locale.ROOT);
    }

    boolean contains(String key) {
        return shapes.contains(key);
    }

    void served(String key) {
        if (shapes.size() >= MAX_SHAPES && !shapes.contains(key)) {
            shapes.clear();
        }
        shapes.add(key);
    }

    void declined(String key) {
        shapes.remove(key);
    }

    /** Forgets everything (the session was reset). */
    public void clear() {
        shapes.clear();
    }
}
