package dev.scion.wire;

import dev.scion.wire.testsupport.FakeHandler;
import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.scion.wire.QueryProtocolTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadingTest {

    @Test
    void aSlowStatementDoesNotStallOtherConnections() throws Exception {
        try (ServerFixture fixture = new ServerFixture(WireConfig.defaults().withPort(0).withWorkerThreads(4))) {
            fixture.handler.latch = new CountDownLatch(1);
            RawClient slow = fixture.connect();
            slow.command(0x03, "wait latch".getBytes(StandardCharsets.UTF_8));
            // the slow statement holds its worker until the latch opens: everything below must complete before
            for (int i = 0; i < 5; i++) {
                RawClient fast = fixture.connect();
                assertEquals("1", fast.querySingle("select 1").text(0, 0));
                fast.command(0x0e, new byte[0]);
                assertEquals(0x00, fast.readPacket()[0], "PING answered while the other statement is blocked");
            }
            assertEquals(1, fixture.handler.latch.getCount(), "still blocked");
            fixture.handler.latch.countDown();
            assertEquals(0x00, slow.readPacket()[0]);
        }
    }

    @Test
    void aBriefStatementRunsOnTheEventLoopThatReadItAndOthersOnAWorker() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            RawClient c = fixture.connect();
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            // the first may find the worker that answered the login still in the connection's queue (order first)
            for (int i = 0; i < 5; i++) {
                assertEquals("7", c.querySingle("select brief 7").text(0, 0));
            }
            assertTrue(session.lastThread.getName().startsWith("scion-wire-io"),
                    "no hand-off to a worker: " + session.lastThread.getName());
            assertEquals("1", c.querySingle("select 1").text(0, 0));
            assertTrue(session.lastThread.getName().startsWith("scion-wire-worker"), session.lastThread.getName());
            // short statements are offered to the session too, not only SELECTs (the first may still find the
            // worker that ran "select 1" in the queue, as below)
            for (int i = 0; i < 5; i++) {
                c.queryAll("brief commit");
            }
            assertTrue(session.lastThread.getName().startsWith("scion-wire-io"), session.lastThread.getName());

            RawClient.Prepared ps = c.prepare("select brief ?");
            // The client may send the execute before the worker that answered the prepare has left the connection's
            // queue; then it is queued too (order first). Once one execute ran on the event loop, every one after it
            // finds the queue empty.
            for (long i = 0; i < 20; i++) {
                RawClient.Result r = c.readResult(c.execute(ps.statementId(), 0, i == 0 ? new int[] {0x08} : null, i),
                        true);
                assertEquals(Long.toString(i), r.text(0, 0));
            }
            assertTrue(session.lastThread.getName().startsWith("scion-wire-io"), session.lastThread.getName());
        }
    }

    @Test
    void aWriteBriefWhenIdleRunsOnTheEventLoopOnlyWhileNoOtherCommandRuns() throws Exception {
        System.setProperty(dev.scion.wire.connection.ServerContext.IDLE_WRITES_INLINE, "true");
        // the idle-server rule alone: connections sharing a loop are not alone on it either
        System.setProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE, "false");
        try (ServerFixture fixture = new ServerFixture()) {
            fixture.handler.latch = new CountDownLatch(1);
            RawClient c = fixture.connect();
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            // the first ones may find the worker that answered the login still in the connection's queue (how many
            // depends on the machine's load: seen more than five while another build ran)
            c.queryAll("insert brief 0");
            for (int i = 1; i < 200 && !session.lastThread.getName().startsWith("scion-wire-io"); i++) {
                c.queryAll("insert brief " + i);
            }
            assertTrue(session.lastThread.getName().startsWith("scion-wire-io"),
                    "an idle server runs it on the event loop: " + session.lastThread.getName());
            RawClient.Prepared ps = c.prepare("insert brief ?");
            // the prepare took a worker, which may again still be in the connection's queue for a few executions
            c.readResult(c.execute(ps.statementId(), 0, new int[] {0x08}, 0L), true);
            for (long i = 1; i < 200 && !session.lastThread.getName().startsWith("scion-wire-io"); i++) {
                c.readResult(c.execute(ps.statementId(), 0, null, i), true);
            }
            assertTrue(session.lastThread.getName().startsWith("scion-wire-io"), session.lastThread.getName());

            // another connection's statement is running: the write must not hold up an event loop now
            RawClient other = fixture.connect();
            FakeHandler.FakeSession otherSession = fixture.handler.lastSession();
            other.command(0x03, "wait latch".getBytes(StandardCharsets.UTF_8));
            waitFor(() -> otherSession.lastThread != null);
            c.queryAll("insert brief 9");
            assertTrue(session.lastThread.getName().startsWith("scion-wire-worker"),
                    "the server is busy, so the write takes a worker: " + session.lastThread.getName());
            c.readResult(c.execute(ps.statementId(), 0, null, 10L), true);
            assertTrue(session.lastThread.getName().startsWith("scion-wire-worker"), session.lastThread.getName());
            // a statement brief in any case still runs inline once the worker that ran the write has left the
            // connection (how many statements that takes depends on the machine's load: seen more than five)
            for (int i = 0; i < 200 && !session.lastThread.getName().startsWith("scion-wire-io"); i++) {
                assertEquals("4", c.querySingle("select brief 4").text(0, 0));
            }
            assertTrue(session.lastThread.getName().startsWith("scion-wire-io"), session.lastThread.getName());
            fixture.handler.latch.countDown();
            assertEquals(0x00, other.readPacket()[0]);
        } finally {
            System.clearProperty(dev.scion.wire.connection.ServerContext.IDLE_WRITES_INLINE);
            System.clearProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE);
        }
    }

    @Test
    void withBothSwitchesOffAWriteBriefWhenIdleTakesAWorker() throws Exception {
        System.setProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE, "false");
        try (ServerFixture fixture = new ServerFixture()) {
            RawClient c = fixture.connect();
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            for (int i = 0; i < 5; i++) {
                c.queryAll("insert brief " + i);
                assertTrue(session.lastThread.getName().startsWith("scion-wire-worker"), session.lastThread.getName());
            }
        } finally {
            System.clearProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE);
        }
    }

    /**
     * A connection with an event loop to itself runs its brief-when-idle writes there even while another
     * connection's statement runs: that statement is on another loop's worker, and nothing else waits for this loop.
     */
    @Test
    void aConnectionAloneOnItsEventLoopRunsItsWritesThere() throws Exception {
        System.setProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE, "true");
        try (ServerFixture fixture = new ServerFixture()) {
            fixture.handler.latch = new CountDownLatch(1);
            RawClient c = fixture.connect();
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            RawClient other = fixture.connect();
            FakeHandler.FakeSession otherSession = fixture.handler.lastSession();
            other.command(0x03, "wait latch".getBytes(StandardCharsets.UTF_8));
            waitFor(() -> otherSession.lastThread != null);
            // the first writes may find the worker that answered the login still in the connection's queue
            c.queryAll("insert brief 0");
            for (int i = 1; i < 200 && !session.lastThread.getName().startsWith("scion-wire-io"); i++) {
                c.queryAll("insert brief " + i);
            }
            assertTrue(session.lastThread.getName().startsWith("scion-wire-io"),
                    "alone on its loop while another statement runs: " + session.lastThread.getName());
            fixture.handler.latch.countDown();
            assertEquals(0x00, other.readPacket()[0]);
        } finally {
            System.clearProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE);
        }
    }

    /** Two connections on one event loop: a write that could hold up the other's commands takes a worker. */
    @Test
    void connectionsSharingAnEventLoopHandTheirWritesToWorkers() throws Exception {
        System.setProperty(dev.scion.wire.WireServer.EVENT_LOOPS, "1");
        System.setProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE, "true");
        try (ServerFixture fixture = new ServerFixture()) {
            RawClient c = fixture.connect();
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            RawClient other = fixture.connect();
            assertEquals("1", other.querySingle("select 1").text(0, 0));
            for (int i = 0; i < 5; i++) {
                c.queryAll("insert brief " + i);
                assertTrue(session.lastThread.getName().startsWith("scion-wire-worker"), session.lastThread.getName());
            }
            other.close();
            // alone again once the other connection's channel closed
            for (int i = 0; i < 200 && !session.lastThread.getName().startsWith("scion-wire-io"); i++) {
                c.queryAll("insert brief " + (10 + i));
            }
            assertTrue(session.lastThread.getName().startsWith("scion-wire-io"), session.lastThread.getName());
        } finally {
            System.clearProperty(dev.scion.wire.WireServer.EVENT_LOOPS);
            System.clearProperty(dev.scion.wire.connection.ServerContext.ALONE_WRITES_INLINE);
        }
    }

    @Test
    void oneConnectionsStatementsStayOnAFewWarmWorkers() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            RawClient c = fixture.connect();
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            java.util.Set<Thread> threads = new java.util.HashSet<>();
            for (int i = 0; i < 100; i++) {
                assertEquals("1", c.querySingle("select 1").text(0, 0));
                threads.add(session.lastThread);
            }
            // A FIFO hand-off ran these on 64 threads (each of the pool's 64 in turn). Now each goes to the worker
            // idle the shortest time: one, or a second when a statement arrives before the last one's worker is
            // back in the queue (scheduling-dependent, hence the margin).
            assertTrue(threads.size() < 8, threads.size() + " worker threads for 100 statements of one connection");
        }
    }

    @Test
    void aBriefStatementBehindARunningOneWaitsItsTurnOnTheWorker() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            fixture.handler.latch = new CountDownLatch(1);
            RawClient c = fixture.connect();
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            c.command(0x03, "wait latch".getBytes(StandardCharsets.UTF_8));
            waitFor(() -> session.lastThread != null);
            c.command(0x03, "select brief 3".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(50);
            assertEquals(1, fixture.handler.latch.getCount(), "the first statement still runs");
            fixture.handler.latch.countDown();
            assertEquals(0x00, c.readPacket()[0], "the first statement is answered first");
            c.expectSequence(1); // the second command's answer
            RawClient.Result r = c.readResults(c.readPacket(), false).get(0);
            assertEquals("3", r.text(0, 0));
            assertTrue(session.lastThread.getName().startsWith("scion-wire-worker"),
                    "queued behind a running command, so it keeps its order: " + session.lastThread.getName());
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            RawClient c = fixture.connect();
            int n = 200;
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                byte[] sql = ("select echo" + i).getBytes(StandardCharsets.UTF_8);
                int len = sql.length + 1;
                all.write(len);
                all.write(len >> 8);
                all.write(len >> 16);
                all.write(0);
                all.write(0x03);
                all.writeBytes(sql);
            }
            c.socket().getOutputStream().write(all.toByteArray());
            c.socket().getOutputStream().flush();
            for (int i = 0; i < n; i++) {
                byte[] first = readCommandStart(c);
                RawClient.Result r = c.readResult(first, false);
                assertEquals("echo" + i, r.text(0, 0));
            }
        }
    }

    private static byte[] readCommandStart(RawClient c) throws IOException {
        // every response starts at sequence 1
        c.expectSequence(1);
        return c.readPacket();
    }

    @Test
    void slowReaderBlocksTheWorkerNotTheServer() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            fixture.handler.streaming = new CountDownLatch(1);
            RawClient reader = fixture.connect();
            int rows = 300_000; // ~65 MB of rows
            reader.command(0x03, ("select rows " + rows).getBytes(StandardCharsets.UTF_8));
            assertTrue(fixture.handler.streaming.await(10, TimeUnit.SECONDS));
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            // the client reads nothing: the worker must stall once the socket and Netty's buffer are full
            long before;
            long after = session.rowsWritten.get();
            do {
                before = after;
                Thread.sleep(300);
                after = session.rowsWritten.get();
            } while (after != before);
            assertTrue(after < rows, "producer stalled after " + after + " rows");
            Thread.State state = session.lastThread.getState();
            assertTrue(state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING, state.toString());
            long bytesProduced = after * 215;
            assertTrue(bytesProduced < 32L * 1024 * 1024, "buffered " + bytesProduced + " bytes");

            // other connections are served meanwhile
            RawClient other = fixture.connect();
            assertEquals("1", other.querySingle("select 1").text(0, 0));

            // now read everything
            RawClient.Result r = reader.readResult(reader.readPacket(), false);
            assertEquals(rows, r.rows.size());
            assertEquals(String.valueOf(rows - 1), r.text(rows - 1, 0));
        }
    }

    @Test
    void disconnectDuringAResultClosesTheSessionOnce() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            fixture.handler.streaming = new CountDownLatch(1);
            RawClient c = fixture.connect();
            c.command(0x03, "select rows 10000000".getBytes(StandardCharsets.UTF_8));
            assertTrue(fixture.handler.streaming.await(10, TimeUnit.SECONDS));
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            c.close();
            waitFor(() -> session.closeCount.get() > 0);
            Thread.sleep(100);
            assertEquals(1, session.closeCount.get());
            assertTrue(session.rowsWritten.get() < 10_000_000);
            waitFor(() -> fixture.server.connectionCount() == 0);
        }
    }

    @Test
    void idleDisconnectAndServerCloseReleaseEverySessionOnce() throws Exception {
        ServerFixture fixture = new ServerFixture();
        RawClient a = fixture.connect();
        fixture.connect();
        fixture.connect();
        a.close();
        waitFor(() -> fixture.handler.closes.get() == 1);
        fixture.close();
        assertEquals(3, fixture.handler.closes.get());
        for (FakeHandler.FakeSession s : fixture.handler.sessions) {
            assertEquals(1, s.closeCount.get());
        }
    }

    @Test
    void serverCloseCancelsRunningStatementsAndClosesTheirSessions() throws Exception {
        ServerFixture fixture = new ServerFixture();
        RawClient c = fixture.connect();
        c.command(0x03, "sleep 60000".getBytes(StandardCharsets.UTF_8));
        FakeHandler.FakeSession session = fixture.handler.lastSession();
        waitFor(() -> session.lastThread != null);
        long start = System.nanoTime();
        fixture.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "close is prompt");
        assertEquals(1, session.cancelCount.get());
        assertEquals(1, session.closeCount.get());
    }

    @Test
    void killQueryAndKillConnectionThroughTheRegistry() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            RawClient c = fixture.connect();
            long id = c.handshake().connectionId();
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            c.command(0x03, "sleep 60000".getBytes(StandardCharsets.UTF_8));
            waitFor(() -> session.lastThread != null);
            Thread.sleep(50);
            assertTrue(fixture.server.kill(id, true));
            assertEquals(0x00, c.readPacket()[0], "the interrupted statement answered");
            assertEquals("1", c.querySingle("select 1").text(0, 0));
            assertTrue(fixture.server.kill(id, false));
            assertTrue(c.isClosedByServer());
            waitFor(() -> session.closeCount.get() == 1);
            assertTrue(!fixture.server.kill(999_999, true));
        }
    }

    @Test
    void tooManyConnectionsIs1040() throws Exception {
        try (ServerFixture fixture = new ServerFixture(WireConfig.defaults().withPort(0).withMaxConnections(2))) {
            RawClient a = fixture.connect();
            fixture.connect();
            RawClient third = fixture.open();
            RawClient.ServerError e = assertThrows(RawClient.ServerError.class, third::readHandshake);
            assertEquals(1040, e.err.code());
            assertEquals("Too many connections", e.err.message());
            a.close();
            waitFor(() -> fixture.server.connectionCount() == 1);
            assertEquals("1", fixture.connect().querySingle("select 1").text(0, 0));
        }
    }

    @Test
    void portInUseIsAClearError() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            WireServer second = new WireServer(WireConfig.defaults().withPort(fixture.port()), new FakeHandler());
            IllegalStateException e = assertThrows(IllegalStateException.class, second::start);
            assertTrue(e.getMessage().contains(String.valueOf(fixture.port())), e.getMessage());
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            second.close();
        }
    }

    @Test
    void manyConcurrentClients() throws Exception {
        try (ServerFixture fixture = new ServerFixture(WireConfig.defaults().withPort(0).withWorkerThreads(8))) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                java.util.List<Future<Integer>> futures = new java.util.ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    futures.add(pool.submit(() -> {
                        try (RawClient c = new RawClient(fixture.port())) {
                            c.connect("alice", "secret");
                            int total = 0;
                            for (int i = 0; i < 50; i++) {
                                total += c.querySingle("select rows 20").rows.size();
                            }
                            return total;
                        }
                    }));
                }
                for (Future<Integer> f : futures) {
                    assertEquals(1000, f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
