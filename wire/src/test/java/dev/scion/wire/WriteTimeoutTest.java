package dev.scion.wire;

import dev.scion.wire.testsupport.FakeHandler;
import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.scion.wire.QueryProtocolTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** net_write_timeout: a client that stops reading a result is disconnected instead of holding a worker forever. */
class WriteTimeoutTest {

    @Test
    void aClientThatReadsNothingIsDisconnectedAndItsSessionClosed() throws Exception {
        try (ServerFixture fixture = new ServerFixture(WireConfig.defaults().withPort(0).withWriteTimeout(300))) {
            fixture.handler.streaming = new CountDownLatch(1);
            RawClient c = fixture.connect();
            int rows = 10_000_000; // far more than the socket and Netty's buffer hold
            c.command(0x03, ("select rows " + rows).getBytes(StandardCharsets.UTF_8));
            assertTrue(fixture.handler.streaming.await(10, TimeUnit.SECONDS));
            FakeHandler.FakeSession session = fixture.handler.lastSession();
            // the client never reads: once the buffers are full the worker waits, then gives up on the client
            waitFor(() -> session.closeCount.get() > 0);
            waitFor(() -> fixture.server.connectionCount() == 0);
            assertEquals(1, session.closeCount.get());
            assertTrue(session.rowsWritten.get() < rows, "the statement stopped early");

            // the server itself is fine
            RawClient other = fixture.connect();
            assertEquals("1", other.querySingle("select 1").text(0, 0));
        }
    }

    @Test
    void theDefaultIsMySqlsSixtySeconds() {
        assertEquals(60_000, WireConfig.defaults().writeTimeoutMillis());
        assertEquals(0, WireConfig.defaults().withWriteTimeout(0).writeTimeoutMillis());
    }
}
