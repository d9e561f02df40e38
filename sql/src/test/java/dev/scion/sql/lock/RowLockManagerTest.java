package dev.scion.sql.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class RowLockManagerTest {
    private static final long LONG = 60_000;
    private final RowLockManager locks = new RowLockManager();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Object a = "a";
    private final Object b = "b";
    private final RowLockKey row1 = RowLockKey.of("db", "main", "t", new byte[] {1});
    private final RowLockKey row2 = RowLockKey.of("db", "main", "t", new byte[] {2});

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private boolean take(Object owner, RowLockKey key, LockMode mode, long timeout) {
        return locks.acquire(owner, key, mode, timeout, false, () -> false);
    }

    private void awaitWaiting(Object owner) throws InterruptedException {
        while (!locks.isWaiting(owner)) {
            Thread.sleep(5);
        }
    }

    @Test
    void sharedLocksAreCompatibleAndExclusiveOnesAreNot() {
        assertTrue(take(a, row1, LockMode.SHARED, 0));
        assertTrue(take(b, row1, LockMode.SHARED, 0));
        assertFalse(take(a, row1, LockMode.SHARED, 0), "already held");
        SqlError e = assertThrows(SqlError.class, () -> take(b, row1, LockMode.EXCLUSIVE, 0));
        assertEquals(ErrorCode.LOCK_WAIT_TIMEOUT, e.errorCode());
        assertTrue(take(b, row2, LockMode.EXCLUSIVE, 0), "another row is free");
        locks.releaseAll(a);
        assertTrue(take(b, row1, LockMode.EXCLUSIVE, 0), "upgrade once the other reader left");
        assertFalse(take(b, row1, LockMode.SHARED, 0), "exclusive covers shared");
        assertEquals(2, locks.heldCount(b));
    }

    @Test
    void noWaitFailsAtOnceWith3572() {
        take(a, row1, LockMode.EXCLUSIVE, 0);
        SqlError e = assertThrows(SqlError.class, () -> locks.acquire(b, row1, LockMode.SHARED, LONG, true,
                () -> false));
        assertEquals(ErrorCode.LOCK_NOWAIT, e.errorCode());
    }

    @Test
    void aWaiterGetsTheLockWhenTheHolderReleases() throws Exception {
        take(a, row1, LockMode.EXCLUSIVE, 0);
        Future<Boolean> waiter = pool.submit(() -> take(b, row1, LockMode.EXCLUSIVE, LONG));
        awaitWaiting(b);
        assertFalse(waiter.isDone());
        locks.releaseAll(a);
        assertTrue(waiter.get());
        assertTrue(locks.holds(b, row1, LockMode.EXCLUSIVE));
        assertFalse(locks.isWaiting(b));
        assertEquals(1, locks.waits());
    }

    @Test
    void theRequestThatClosesACycleIsTheDeadlockVictim() throws Exception {
        take(a, row1, LockMode.EXCLUSIVE, 0);
        take(b, row2, LockMode.EXCLUSIVE, 0);
        Future<Boolean> bWaits = pool.submit(() -> take(b, row1, LockMode.EXCLUSIVE, LONG));
        awaitWaiting(b);
        SqlError e = assertThrows(SqlError.class, () -> take(a, row2, LockMode.EXCLUSIVE, LONG));
        assertEquals(ErrorCode.LOCK_DEADLOCK, e.errorCode());
        assertEquals(1, locks.deadlocks());
        locks.releaseAll(a); // the victim's rollback
        assertTrue(bWaits.get());
    }

    @Test
    void twoReadersUpgradingTheSameRowDeadlock() throws Exception {
        take(a, row1, LockMode.SHARED, 0);
        take(b, row1, LockMode.SHARED, 0);
        Future<Boolean> bUpgrades = pool.submit(() -> take(b, row1, LockMode.EXCLUSIVE, LONG));
        awaitWaiting(b);
        SqlError e = assertThrows(SqlError.class, () -> take(a, row1, LockMode.EXCLUSIVE, LONG));
        assertEquals(ErrorCode.LOCK_DEADLOCK, e.errorCode());
        locks.releaseAll(a);
        assertTrue(bUpgrades.get());
    }

    @Test
    void aKilledWaiterStopsWaiting() throws Exception {
        take(a, row1, LockMode.EXCLUSIVE, 0);
        java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
        Future<Boolean> waiter = pool.submit(() -> locks.acquire(b, row1, LockMode.EXCLUSIVE, LONG, false,
                killed::get));
        awaitWaiting(b);
        killed.set(true);
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                waiter::get);
        assertEquals(ErrorCode.QUERY_INTERRUPTED, ((SqlError) e.getCause()).errorCode());
        assertFalse(locks.holds(b, row1, LockMode.SHARED));
    }
}
