package dev.scion.sql.session;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statement shapes (names in lower case, joined by NUL) that one of a session's fast paths completed last time:
 * point selects by primary key, one-row writes. A server runs such a statement on its network thread when nothing
 * else runs: the shape alone does not say that {@code WHERE k = 5} still names the primary key or that the table
 * still has no triggers, so a statement the fast path declines removes its shape again, and at most one
 * general-path statement per change runs on the network thread.
 */
public final class ServedShapes {
    /** Sessions touch few tables; the bound only keeps a session that touches thousands small. */
    private static final int MAX_SHAPES = 256;

    // written by the thread running the session's statement, read by the network thread between statements
    private final Set<String> shapes = ConcurrentHashMap.newKeySet();

    /** The key of a shape made of these parts (database, table, and what distinguishes the statement). */
    public static String key(String... parts) {
        return String.join("\0", parts).toLowerCase(Locale.ROOT);
    }

    /** The last key {@link #keyOf} made, with the parts it was made of. */
    private record LastKey(String database, String table, String kind, String key) {
    }

    // read and replaced whole by the statement thread and the network thread; a race only makes a key again
    private volatile LastKey lastKey;

    /**
     * {@link #key(String...)} of a database, a table and a statement kind, remembering the last one made: a session's
     * repeated statement (sysbench sends one shape after another) finds its key by three string comparisons instead
     * of joining and lower-casing its parts again.
     */
    public String keyOf(String database, String table, String kind) {
        LastKey last = lastKey;
        if (last != null && Objects.equals(last.database, database) && Objects.equals(last.table, table)
                && Objects.equals(last.kind, kind)) {
            return last.key;
        }
        String made = key(new String[] {database, table, kind});
        lastKey = new LastKey(database, table, kind, made);
        return made;
    }

    public boolean contains(String key) {
        return shapes.contains(key);
    }

    public void served(String key) {
        if (shapes.contains(key)) {
            return; // the usual case: a read leaves the map's memory clean, an add would write it
        }
        if (shapes.size() >= MAX_SHAPES) {
            shapes.clear();
        }
        shapes.add(key);
    }

    public void declined(String key) {
        shapes.remove(key);
    }

    /** Forgets everything (the session was reset). */
    public void clear() {
        shapes.clear();
    }
}
