package dev.scion.sql.lock;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL's user-level locks (GET_LOCK, RELEASE_LOCK, IS_FREE_LOCK, IS_USED_LOCK, RELEASE_ALL_LOCKS): named locks held
 * by a session until it releases them or closes, not tied to transactions. A session may take one name several
 * times and then needs as many releases. Names compare case-insensitively, at most 64 characters (else 3057).
 * One monitor guards the table; a waiter sleeps on it in short slices so a KILL QUERY ends the wait.
 */
public final class UserLocks {
    private static final int MAX_NAME = 64;
    private static final long SLICE_MS = 100;

    private record Held(Session owner, int count) {
    }

    private static final Map<String, Held> LOCKS = new HashMap<>();

    private UserLocks() {
    }

    /** 1 when taken (also again by its holder), 0 when {@code timeoutSeconds} passed first (negative: no limit). */
    public static long acquire(Session session, String name, double timeoutSeconds) {
        String key = key(name);
        long deadline = timeoutSeconds < 0 ? Long.MAX_VALUE
                : System.nanoTime() + (long) Math.min(timeoutSeconds * 1e9, Long.MAX_VALUE / 4);
        synchronized (LOCKS) {
            while (true) {
                Held h = LOCKS.get(key);
                if (h == null || h.owner() == session) {
                    LOCKS.put(key, new Held(session, h == null ? 1 : h.count() + 1));
                    return 1;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || session.isCancelled()) {
                    return 0;
                }
                try {
                    LOCKS.wait(Math.max(1, Math.min(SLICE_MS, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
        }
    }

    /** 1 when the session held the lock (one hold given back), 0 when another session holds it, null when nobody. */
    public static Long release(Session session, String name) {
        String key = key(name);
        synchronized (LOCKS) {
            Held h = LOCKS.get(key);
            if (h == null) {
                return null;
            }
            if (h.owner() != session) {
                return 0L;
            }
            if (h.count() > 1) {
                LOCKS.put(key, new Held(session, h.count() - 1));
            } else {
                LOCKS.remove(key);
                LOCKS.notifyAll();
            }
            return 1L;
        }
    }

    /** Every hold of the session given back; the number of holds released. */
    public static long releaseAll(Session session) {
        long released = 0;
        synchronized (LOCKS) {
            for (Iterator<Held> it = LOCKS.values().iterator(); it.hasNext(); ) {
                Held h = it.next();
                if (h.owner() == session) {
                    released += h.count();
                    it.remove();
                }
            }
            if (released > 0) {
                LOCKS.notifyAll();
            }
        }
        return released;
    }

    /** The connection id of the session holding the lock, or null when it is free. */
    public static Long holder(String name) {
        String key = key(name);
        synchronized (LOCKS) {
            Held h = LOCKS.get(key);
            return h == null ? null : h.owner().connectionId();
        }
    }

    private static String key(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            throw new SqlError(ErrorCode.USER_LOCK_WRONG_NAME, "Incorrect user-level lock name '"
                    + (name == null ? "NULL" : name) + "'.");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
