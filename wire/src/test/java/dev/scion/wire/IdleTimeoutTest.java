package dev.scion.wire;

import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import static dev.scion.wire.QueryProtocolTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wait_timeout and interactive_timeout close idle connections, never busy ones. */
class IdleTimeoutTest {

    private static final int CLIENT_INTERACTIVE = 0x400;

    @Test
    void idleClientGets4031AndIsDisconnected() throws Exception {
        try (ServerFixture fixture = new ServerFixture(WireConfig.defaults().withPort(0).withTimeouts(1, 3600))) {
            RawClient c = fixture.connect();
            assertEquals("1", c.querySingle("select 1").text(0, 0));
            // now idle: the next thing the client reads is the server's goodbye, outside any command (sequence 0)
            c.expectSequence(0);
            RawClient.Err err = RawClient.Err.parse(c.readPacket());
            assertEquals(4031, err.code());
            assertTrue(err.message().contains("inactivity"), err.message());
            assertTrue(c.isClosedByServer());
            waitFor(() -> fixture.server.connectionCount() == 0);
            assertEquals(1, fixture.handler.lastSession().closeCount.get());
        }
    }

    @Test
    void interactiveClientsUseInteractiveTimeout() throws Exception {
        try (ServerFixture fixture = new ServerFixture(WireConfig.defaults().withPort(0).withTimeouts(3600, 1))) {
            RawClient interactive = fixture.connect(RawClient.BASE_CAPS | CLIENT_INTERACTIVE);
            interactive.expectSequence(0);
            RawClient.Err err = RawClient.Err.parse(interactive.readPacket());
            assertEquals(4031, err.code());
            assertTrue(interactive.isClosedByServer());
        }
    }

    @Test
    void sessionWaitTimeoutReplacesTheServerSetting() throws Exception {
        try (ServerFixture fixture = new ServerFixture(WireConfig.defaults().withPort(0).withTimeouts(3600, 3600))) {
            RawClient c = fixture.connect();
            assertEquals(0x00, c.query("set wait_timeout = 1")[0]);
            c.expectSequence(0);
            RawClient.Err err = RawClient.Err.parse(c.readPacket());
            assertEquals(4031, err.code());
            assertTrue(c.isClosedByServer());
        }
    }

    @Test
    void aStatementLongerThanTheTimeoutIsNotCutOff() throws Exception {
        try (ServerFixture fixture = new ServerFixture(WireConfig.defaults().withPort(0).withTimeouts(1, 1))) {
            fixture.handler.latch = new CountDownLatch(1);
            RawClient c = fixture.connect();
            c.command(0x03, "wait latch".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(2500); // longer than wait_timeout, while the statement runs
            assertEquals(1, fixture.server.connectionCount());
            fixture.handler.latch.countDown();
            assertEquals(0x00, c.readPacket()[0], "the statement's OK, not a timeout error");
            assertEquals("1", c.querySingle("select 1").text(0, 0));
        }
    }
}
