package dev.scion.sql.dml;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-row write shapes (database, table, UPDATE / DELETE / INSERT) that the write fast path of one session
 * completed last time. A server runs such a statement on its network thread when nothing else runs
 * ({@link WriteFastPath#runsBriefly}); the shape alone does not say that the table still has no triggers or foreign
 * keys, so a decline removes it again and at most one general-path statement per change runs there.
 */
public final class ServedWrites {
    /** Sessions write few tables; the bound only keeps a session that writes thousands small. */
    private static final int MAX_SHAPES = 256;

    // written by the thread running the session's statement, read by the network thread between statements
    private final Set<String> shapes = ConcurrentHashMap.newKeySet();

    static String key(String database, String table, char kind) {
        return database.toLowerCase(Locale.ROOT) + '\0' + table.toLowerCase(Locale.ROOT) + '\0' + kind;
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
