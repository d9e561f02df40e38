package dev.scion.server.remotes;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pushes in progress over HTTP, by the session id the client sends with each request. Each keeps the target
 * database's garbage collection off from its first request until its ref update (or an explicit end), so
 * chunks it uploaded, and subtrees it skipped because their top chunk was there, survive until a ref
 * reaches them. A client that vanishes releases its hold after {@link #IDLE_NANOS} without requests.
 */
final class PushSessions {
    static final String HEADER = "X-Scion-Push-Session";
    static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;

    private record Held(AutoCloseable hold, long lastUsed) {
    }

    private final Map<String, Held> sessions = new ConcurrentHashMap<>();

    /** Starts or refreshes session {@code id}, taking the hold from {@code take} the first time. */
    void touch(String id, Supplier<AutoCloseable> take) {
        expireIdle();
        Held current = sessions.get(id);
        if (current == null) {
            // taken outside the map: it may wait for a running collection to finish
            Held fresh = new Held(take.get(), System.nanoTime());
            current = sessions.putIfAbsent(id, fresh);
            if (current == null) {
                return;
            }
            release(fresh); // a concurrent request of the same session won
        }
        sessions.computeIfPresent(id, (k, old) -> new Held(old.hold(), System.nanoTime()));
    }

    /** Ends a session, releasing its hold (no-op for an unknown id). */
    void end(String id) {
        Held h = sessions.remove(id);
        if (h != null) {
            release(h);
        }
    }

    private void expireIdle() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<String, Held>> it = sessions.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Held> e = it.next();
            if (now - e.getValue().lastUsed() > IDLE_NANOS) {
                it.remove();
                release(e.getValue());
            }
        }
    }

    private static void release(Held h) {
        try {
            h.hold().close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
