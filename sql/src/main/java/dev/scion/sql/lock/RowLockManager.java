package dev.scion.sql.lock;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The server's row-lock table. A transaction (its owner object) takes a shared or exclusive lock on a row and holds
 * it until {@link #releaseAll}; a request that conflicts with another owner's lock waits until that owner releases,
 * the wait times out (1205), the statement is killed (1317), or the wait would close a cycle of waiting owners
 * (1213, raised at once in the owner whose request closes the cycle, so exactly one victim per cycle).
 *
 * <p>One monitor guards the whole table: a lock operation is a few map updates, and waits happen outside it (in
 * {@code wait}), so the monitor is held only briefly even with many connections.
 */
public final class RowLockManager {
    /** How long a waiter sleeps before looking at its kill flag again. */
    private static final long CANCEL_POLL_MILLIS = 100;

    private final Map<RowLockKey, Map<Object, LockMode>> holders = new HashMap<>();
    private final Map<Object, Set<RowLockKey>> heldBy = new HashMap<>();
    private final Map<Object, Request> waiting = new HashMap<>();
    private long waits;
    private long deadlocks;
    private long timeouts;

    private record Request(RowLockKey key, LockMode mode) {
    }

    /**
     * Takes {@code mode} on {@code key} for {@code owner}. Returns false when the owner already held a lock that
     * covers the request (nothing changed), true when the lock is newly granted or upgraded from shared to
     * exclusive. {@code timeoutMillis} 0 with {@code noWait} fails at once with 3572 instead of 1205.
     */
    public synchronized boolean acquire(Object owner, RowLockKey key, LockMode mode, long timeoutMillis,
                                        boolean noWait, BooleanSupplier cancelled) {
        Map<Object, LockMode> h = holders.get(key);
        LockMode mine = h == null ? null : h.get(owner);
        if (mine != null && mine.covers(mode)) {
            return false;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        boolean counted = false;
        while (!grantable(owner, key, mode)) {
            if (noWait) {
                throw new SqlError(ErrorCode.LOCK_NOWAIT, "Statement aborted because lock(s) could not be acquired "
                        + "immediately and NOWAIT is set.");
            }
            if (closesCycle(owner, key, mode)) {
                deadlocks++;
                throw new SqlError(ErrorCode.LOCK_DEADLOCK,
                        "Deadlock found when trying to get lock; try restarting transaction");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                timeouts++;
                throw new SqlError(ErrorCode.LOCK_WAIT_TIMEOUT,
                        "Lock wait timeout exceeded; try restarting transaction");
            }
            if (cancelled.getAsBoolean()) {
                throw new SqlError(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
            }
            if (!counted) {
                waits++;
                counted = true;
            }
            waiting.put(owner, new Request(key, mode));
            try {
                long millis = Math.max(1, Math.min(CANCEL_POLL_MILLIS, left / 1_000_000L));
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SqlError(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
            } finally {
                waiting.remove(owner);
            }
        }
        holders.computeIfAbsent(key, k -> new HashMap<>(2)).put(owner, mode);
        heldBy.computeIfAbsent(owner, o -> new HashSet<>()).add(key);
        return true;
    }

    /** Releases every lock of {@code owner} (COMMIT, ROLLBACK, disconnect) and wakes the waiters. */
    public synchronized void releaseAll(Object owner) {
        Set<RowLockKey> keys = heldBy.remove(owner);
        if (keys == null) {
            return;
        }
        for (RowLockKey k : keys) {
            Map<Object, LockMode> h = holders.get(k);
            if (h != null) {
                h.remove(owner);
                if (h.isEmpty()) {
                    holders.remove(k);
                }
            }
        }
        notifyAll();
    }

    /** Whether {@code owner} holds a lock on {@code key} that covers {@code mode}. */
    public synchronized boolean holds(Object owner, RowLockKey key, LockMode mode) {
        Map<Object, LockMode> h = holders.get(key);
        LockMode mine = h == null ? null : h.get(owner);
        return mine != null && mine.covers(mode);
    }

    /**
     * Whether no owner but {@code owner} holds a row lock and none waits for one: a one-row write of {@code owner}
     * started now finds every row it asks for free or its own.
     */
    public synchronized boolean noneHeldExceptBy(Object owner) {
        return waiting.isEmpty() && (heldBy.isEmpty() || heldBy.size() == 1 && heldBy.containsKey(owner));
    }

    /** Whether {@code owner} is waiting for a lock now (SHOW PROCESSLIST's State). */
    public synchronized boolean isWaiting(Object owner) {
        return waiting.containsKey(owner);
    }

    /** How many locks {@code owner} holds. */
    public synchronized int heldCount(Object owner) {
        Set<RowLockKey> keys = heldBy.get(owner);
        return keys == null ? 0 : keys.size();
    }

    /** Requests that had to wait at least once, since start. */
    public synchronized long waits() {
        return waits;
    }

    public synchronized long deadlocks() {
        return deadlocks;
    }

    public synchronized long timeouts() {
        return timeouts;
    }

    private boolean grantable(Object owner, RowLockKey key, LockMode mode) {
        Map<Object, LockMode> h = holders.get(key);
        if (h == null) {
            return true;
        }
        for (Map.Entry<Object, LockMode> e : h.entrySet()) {
            if (e.getKey() != owner && e.getValue().conflictsWith(mode)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code owner} waiting for {@code key} would wait, through the chain of owners that wait for one
     * another, on itself. Checked each time the owner is about to wait, so the owner whose wait closes a cycle is
     * the one that sees it.
     */
    private boolean closesCycle(Object owner, RowLockKey key, LockMode mode) {
        Deque<Object> todo = new ArrayDeque<>();
        Set<Object> seen = new HashSet<>();
        addBlockers(owner, key, mode, todo);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o == owner) {
                return true;
            }
            if (!seen.add(o)) {
                continue;
            }
            Request r = waiting.get(o);
            if (r != null) {
                addBlockers(o, r.key(), r.mode(), todo);
            }
        }
        return false;
    }

    private void addBlockers(Object requester, RowLockKey key, LockMode mode, Deque<Object> into) {
        Map<Object, LockMode> h = holders.get(key);
        if (h == null) {
            return;
        }
        for (Map.Entry<Object, LockMode> e : h.entrySet()) {
            if (e.getKey() != requester && e.getValue().conflictsWith(mode)) {
                into.push(e.getKey());
            }
        }
    }
}
