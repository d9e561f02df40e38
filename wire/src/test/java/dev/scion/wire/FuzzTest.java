package dev.scion.wire;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.scion.wire.testsupport.FakeHandler;
import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.scion.wire.QueryProtocolTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random, truncated and oversized packets against the frame decoder, the handshake and every command parser.
 * The server must answer with an error or close the offending connection, and nothing else: no crash, no
 * unexpected exception in the log, no leaked connection, session or buffer, and a bystander connection keeps
 * working throughout. The seed is fixed so that a failure can be replayed; set -Dscion.fuzz.seed to vary it.
 */
class FuzzTest {

    private static final long SEED = Long.getLong("scion.fuzz.seed", 20261122L);
    private static final int MAX_PACKET = 4096;

    private ServerFixture fixture;
    private ListAppender<ILoggingEvent> log;
    private ResourceLeakDetector.Level leakLevel;
    private final Random random = new Random(SEED);

    @BeforeEach
    void start() {
        leakLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        log = new ListAppender<>();
        log.start();
        for (String name : List.of("dev.scion.wire", "io.netty.util.ResourceLeakDetector")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.addAppender(log);
        }
        fixture = new ServerFixture(WireConfig.defaults().withPort(0).withMaxAllowedPacket(MAX_PACKET)
                .withWorkerThreads(4));
    }

    @AfterEach
    void stop() {
        fixture.close();
        for (String name : List.of("dev.scion.wire", "io.netty.util.ResourceLeakDetector")) {
            ((Logger) LoggerFactory.getLogger(name)).detachAppender(log);
        }
        ResourceLeakDetector.setLevel(leakLevel);
    }

    private byte[] randomBytes(int max) {
        byte[] b = new byte[random.nextInt(max + 1)];
        random.nextBytes(b);
        return b;
    }

    /** Writes raw bytes (frames or not), then reads whatever comes back until the server answers or closes. */
    private void sendRaw(Socket s, byte[] bytes) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    private static byte[] frame(byte[] payload, int seq) {
        byte[] f = new byte[payload.length + 4];
        f[0] = (byte) payload.length;
        f[1] = (byte) (payload.length >> 8);
        f[2] = (byte) (payload.length >> 16);
        f[3] = (byte) seq;
        System.arraycopy(payload, 0, f, 4, payload.length);
        return f;
    }

    /** Reads until the server closes or stops sending (socket timeout): we only care that it copes. */
    private static void drain(Socket s) {
        try {
            s.setSoTimeout(300);
            byte[] buf = new byte[8192];
            while (s.getInputStream().read(buf) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // timeout or reset: either is an acceptable reaction to garbage
        }
    }

    /**
     * After garbage on an authenticated connection: a PING, then read until an OK comes back (the connection
     * survived) or the server closes it (it gave up on the client). No waiting on timeouts.
     */
    private static void pingAndDrain(Socket s) {
        try {
            s.getOutputStream().write(new byte[] {1, 0, 0, 0, 0x0e});
            s.getOutputStream().flush();
        } catch (IOException e) {
            return; // already closed by the server
        }
        try {
            while (true) {
                byte[] p = RawClient.readRawPacket(s.getInputStream());
                if (p.length > 0 && p[0] == 0x00) {
                    return;
                }
            }
        } catch (IOException e) {
            // closed by the server
        }
    }

    private Socket rawSocket() throws IOException {
        Socket s = new Socket("127.0.0.1", fixture.port());
        s.setSoTimeout(10_000);
        // the server's handshake
        RawClient.readRawPacket(s.getInputStream());
        return s;
    }

    private void checkBystander(RawClient bystander) throws IOException {
        assertEquals("1", bystander.querySingle("select 1").text(0, 0), "bystander still served (seed " + SEED + ")");
    }

    @Test
    void garbageBeforeAuthentication() throws Exception {
        RawClient bystander = fixture.connect();
        for (int i = 0; i < 150; i++) {
            try (Socket s = rawSocket()) {
                switch (i % 5) {
                    case 0 -> sendRaw(s, frame(randomBytes(200), 1));
                    case 1 -> sendRaw(s, randomBytes(64)); // not even a frame
                    case 2 -> { // a valid handshake response, cut short
                        byte[] full = RawClient.handshakeResponse(RawClient.BASE_CAPS, "alice",
                                new byte[32], "db", "caching_sha2_password");
                        sendRaw(s, frame(Arrays.copyOf(full, random.nextInt(full.length)), 1));
                    }
                    case 3 -> { // SSLRequest-sized garbage (TLS is not configured here)
                        byte[] p = new byte[32];
                        random.nextBytes(p);
                        sendRaw(s, frame(p, 1));
                    }
                    default -> { // a frame header promising more than max_allowed_packet
                        byte[] big = new byte[MAX_PACKET + 1 + random.nextInt(1000)];
                        sendRaw(s, frame(big, 1));
                    }
                }
                s.shutdownOutput(); // nothing more is coming: the server must not wait for the rest
                drain(s);
            }
            if (i % 25 == 0) {
                checkBystander(bystander);
            }
        }
        checkBystander(bystander);
        assertClean(1);
    }

    @Test
    void garbageCommandsAfterAuthentication() throws Exception {
        RawClient bystander = fixture.connect();
        for (int command = 0; command < 0x24; command++) {
            for (int round = 0; round < 6; round++) {
                RawClient c = fixture.connect();
                if (round == 5) {
                    // a real prepared statement, then executes with random parameter blocks
                    RawClient.Prepared p = c.prepare("select ? + 1, ?");
                    byte[] id = {(byte) p.statementId(), (byte) (p.statementId() >> 8), 0, 0};
                    byte[] body = concat(id, randomBytes(40));
                    c.writePacket(concat(new byte[] {(byte) command}, body), 0);
                } else if (round == 4) {
                    // truncated frame: the header promises more than ever arrives
                    byte[] payload = concat(new byte[] {(byte) command}, randomBytes(30));
                    byte[] f = frame(payload, 0);
                    sendRaw(c.socket(), Arrays.copyOf(f, Math.max(4, f.length - 1 - random.nextInt(f.length - 3))));
                    c.socket().shutdownOutput();
                } else {
                    c.writePacket(concat(new byte[] {(byte) command}, randomBytes(round * 20)), 0);
                }
                pingAndDrain(c.socket());
                c.close();
            }
            checkBystander(bystander);
        }
        assertClean(1);
    }

    @Test
    void oversizedAndSplitPacketsMidCommand() throws Exception {
        RawClient bystander = fixture.connect();
        for (int i = 0; i < 30; i++) {
            RawClient c = fixture.connect();
            int size = MAX_PACKET + random.nextInt(3 * MAX_PACKET);
            byte[] payload = new byte[size];
            payload[0] = 0x03;
            Arrays.fill(payload, 1, size, (byte) 'x');
            c.writePacket(payload, 0);
            byte[] answer = c.readPacket();
            assertEquals(1153, RawClient.Err.parse(answer).code());
            assertTrue(c.isClosedByServer());
            c.close();
        }
        checkBystander(bystander);
        assertClean(1);
    }

    @Test
    void garbageInsteadOfTlsAfterSslRequest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        fixture.close();
        java.nio.file.Path store = dev.scion.wire.tls.SelfSignedKeyStore.ensure(dir.resolve("tls.p12"));
        fixture = new ServerFixture(WireConfig.defaults().withPort(0).withMaxAllowedPacket(MAX_PACKET).withTls(
                dev.scion.wire.tls.TlsContexts.fromPkcs12(store, dev.scion.wire.tls.SelfSignedKeyStore.PASSWORD),
                false));
        RawClient bystander = fixture.connect();
        for (int i = 0; i < 40; i++) {
            try (Socket s = rawSocket()) {
                byte[] sslRequest = new byte[32];
                int caps = 0x200 | 0x800 | 0x8000 | 0x80000; // PROTOCOL_41, SSL, SECURE_CONNECTION, PLUGIN_AUTH
                for (int b = 0; b < 4; b++) {
                    sslRequest[b] = (byte) (caps >> (8 * b));
                }
                // the SSLRequest and, in the same write, bytes that are no TLS handshake at all
                sendRaw(s, concat(frame(sslRequest, 1), randomBytes(300)));
                s.shutdownOutput();
                drain(s);
            }
        }
        checkBystander(bystander);
        assertClean(1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Only the bystander remains; every other session was closed exactly once; the log shows no surprises. */
    private void assertClean(int remaining) throws InterruptedException {
        waitFor(() -> fixture.server.connectionCount() == remaining);
        FakeHandler handler = fixture.handler;
        waitFor(() -> handler.sessions.stream().filter(s -> s.closeCount.get() == 0).count() == remaining);
        for (FakeHandler.FakeSession s : handler.sessions) {
            assertTrue(s.closeCount.get() <= 1, "a session closed twice");
        }
        // provoke Netty's leak detector: it reports on allocations after a collection
        System.gc();
        List<String> surprises = new ArrayList<>();
        for (ILoggingEvent e : log.list) {
            boolean leak = e.getLoggerName().contains("ResourceLeakDetector");
            boolean failure = e.getLevel().isGreaterOrEqual(Level.WARN);
            if (leak || failure) {
                surprises.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getClassName() + ": "
                        + e.getThrowableProxy().getMessage()));
            }
        }
        assertEquals(List.of(), surprises, "seed " + SEED);
    }
}
