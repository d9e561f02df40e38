package dev.scion.wire;

import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketSizeTest {

    private static final int MAX_FRAME = 0xFFFFFF;

    @Test
    void largeResultRowsAreSplitIntoFramesAndReassembled() throws IOException {
        try (ServerFixture fixture = new ServerFixture()) {
            RawClient c = fixture.connect();
            // a value of 16777211 bytes makes a row payload of exactly 0xFFFFFF (4-byte length prefix):
            // a full frame followed by an empty one
            for (int n : new int[] {MAX_FRAME - 4, MAX_FRAME + 100, 2 * MAX_FRAME + 7}) {
                RawClient.Result r = c.querySingle("select big " + n);
                String value = r.text(0, 0);
                assertEquals(n, value.length());
                assertTrue(value.chars().allMatch(ch -> ch == 'b'));
            }
            assertEquals("1", c.querySingle("select 1").text(0, 0));
        }
    }

    @Test
    void largeClientPacketsAreReassembled() throws IOException {
        try (ServerFixture fixture = new ServerFixture()) {
            RawClient c = fixture.connect();
            String prefix = "select length ";
            // payload = command byte + text; exactly 0xFFFFFF needs an empty trailing frame
            for (int payload : new int[] {MAX_FRAME, MAX_FRAME + 1000, 2 * MAX_FRAME}) {
                int textLength = payload - 1 - prefix.length();
                char[] filler = new char[textLength];
                Arrays.fill(filler, 'q');
                RawClient.Result r = c.querySingle(prefix + new String(filler));
                assertEquals(String.valueOf(textLength), r.text(0, 0));
            }
            assertEquals("1", c.querySingle("select 1").text(0, 0));
        }
    }

    @Test
    void packetBeyondMaxAllowedPacketIs1153AndCloses() throws IOException {
        WireConfig config = WireConfig.defaults().withPort(0).withMaxAllowedPacket(1024 * 1024);
        try (ServerFixture fixture = new ServerFixture(config)) {
            RawClient ok = fixture.connect();
            String fits = "select length " + "a".repeat(1024 * 1024 - 100);
            assertEquals(String.valueOf(1024 * 1024 - 100), ok.querySingle(fits).text(0, 0));

            RawClient c = fixture.connect();
            byte[] big = ("select length " + "z".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
            byte[] p = c.query(new String(big, StandardCharsets.UTF_8));
            RawClient.Err err = RawClient.Err.parse(p);
            assertEquals(1153, err.code());
            assertEquals("08S01", err.sqlState());
            assertEquals("Got a packet bigger than 'max_allowed_packet' bytes", err.message());
            assertTrue(c.isClosedByServer());

            // an oversized packet made of several frames: the error follows its last frame
            RawClient d = fixture.connect();
            char[] huge = new char[MAX_FRAME + 10];
            Arrays.fill(huge, 'h');
            byte[] q = d.query(new String(huge));
            assertEquals(1153, RawClient.Err.parse(q).code());
            assertTrue(d.isClosedByServer());

            // the server is fine
            assertEquals("1", ok.querySingle("select 1").text(0, 0));
        }
    }
}
