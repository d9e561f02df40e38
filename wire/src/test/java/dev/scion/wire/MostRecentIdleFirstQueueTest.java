package dev.scion.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MostRecentIdleFirstQueueTest {

    /** Starts a thread that takes one task from {@code queue} and reports it, and waits until it is parked there. */
    private static Thread waiter(MostRecentIdleFirstQueue queue, SynchronousQueue<Runnable> got, int idleBefore)
            throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                got.put(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        while (queue.idleThreads() == idleBefore) {
            Thread.onSpinWait();
            if (!t.isAlive()) {
                throw new AssertionError("waiter ended early");
            }
        }
        return t;
    }

    @Test
    void theThreadIdleTheShortestTimeGetsTheTask() throws Exception {
        MostRecentIdleFirstQueue queue = new MostRecentIdleFirstQueue();
        SynchronousQueue<Runnable> gotByFirst = new SynchronousQueue<>();
        SynchronousQueue<Runnable> gotBySecond = new SynchronousQueue<>();
        Thread first = waiter(queue, gotByFirst, 0);
        Thread second = waiter(queue, gotBySecond, 1);

        Runnable a = () -> { };
        Runnable b = () -> { };
        assertTrue(queue.offer(a));
        assertSame(a, gotBySecond.take(), "the thread that went idle last is handed the task");
        assertTrue(queue.offer(b));
        assertSame(b, gotByFirst.take());
        first.join();
        second.join();
        assertEquals(0, queue.idleThreads());
    }

    @Test
    void offerFailsWithoutAnIdleThreadAndPutQueuesInArrivalOrder() throws Exception {
        MostRecentIdleFirstQueue queue = new MostRecentIdleFirstQueue();
        Runnable a = () -> { };
        Runnable b = () -> { };
        assertFalse(queue.offer(a), "no idle thread: the pool must start one");
        queue.put(a);
        queue.put(b);
        assertEquals(2, queue.size());
        assertSame(a, queue.take(), "a queued task is taken before waiting");
        assertSame(b, queue.poll(0, TimeUnit.SECONDS));
        assertNull(queue.poll(1, TimeUnit.MILLISECONDS), "an empty queue times out");
        assertEquals(0, queue.idleThreads(), "a waiter that timed out is no longer offered tasks");

        queue.put(a);
        List<Runnable> drained = new ArrayList<>();
        assertEquals(1, queue.drainTo(drained));
        assertEquals(List.of(a), drained);
    }

    @Test
    void anInterruptedWaiterLeavesTheIdleStack() throws Exception {
        MostRecentIdleFirstQueue queue = new MostRecentIdleFirstQueue();
        AtomicInteger interrupted = new AtomicInteger();
        Thread t = new Thread(() -> {
            try {
                queue.take();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        t.start();
        while (queue.idleThreads() == 0) {
            Thread.onSpinWait();
        }
        t.interrupt();
        t.join();
        assertEquals(1, interrupted.get());
        assertEquals(0, queue.idleThreads());
        assertFalse(queue.offer(() -> { }));
    }

    @Test
    void aPoolOnTheQueueRunsEveryTaskWithAtMostItsMaximumThreads() throws Exception {
        MostRecentIdleFirstQueue queue = new MostRecentIdleFirstQueue();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 3, 60, TimeUnit.SECONDS, queue, queue.whenAllBusy());
        int tasks = 200;
        CountDownLatch done = new CountDownLatch(tasks);
        CountDownLatch release = new CountDownLatch(1);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < tasks; i++) {
            pool.execute(() -> {
                threads.add(Thread.currentThread());
                try {
                    release.await(); // hold the first three so the rest must queue behind them
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
        }
        assertEquals(tasks - 3, queue.size(), "three run, the rest wait for a busy thread to finish");
        release.countDown();
        assertTrue(done.await(60, TimeUnit.SECONDS));
        assertEquals(3, threads.size());
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
    }

    @Test
    void oneClientAtATimeKeepsUsingOneThread() throws Exception {
        MostRecentIdleFirstQueue queue = new MostRecentIdleFirstQueue();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, queue, queue.whenAllBusy());
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 500; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(() -> {
                threads.add(Thread.currentThread());
                ran.countDown();
            });
            ran.await();
            // the next statement of a connection arrives after the reply: wait until the worker is idle again
            while (queue.idleThreads() == 0) {
                Thread.onSpinWait();
            }
        }
        // a FIFO hand-off (LinkedBlockingQueue) would have cycled through all 64 threads
        assertEquals(1, threads.size());
        assertEquals(1, pool.getLargestPoolSize());
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
    }
}
