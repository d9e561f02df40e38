package dev.scion.wire;

import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The compressed protocol (CLIENT_COMPRESS) with real clients: Connector/J {@code useCompression=true} and the
 * mariadb CLI {@code --compress}, including results and statements that need several compressed packets (more
 * than 16 MiB uncompressed) and small ones sent uncompressed inside the compressed framing.
 */
class CompressionTest {

    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ServerFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Connection connect(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + fixture.port()
                + "/test?sslMode=DISABLED&connectTimeout=10000&socketTimeout=60000&useCompression=true" + options,
                "alice", "secret");
    }

    @Test
    void connectorJQueriesPreparedStatementsAndLargeValues() throws SQLException {
        try (Connection c = connect("&useServerPrepStmts=true"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            // 2,000 rows of 200 bytes: compressed batches of the writer
            try (ResultSet rs = st.executeQuery("select rows 2000")) {
                int n = 0;
                while (rs.next()) {
                    assertEquals(n, rs.getLong(1));
                    assertEquals("x".repeat(200), rs.getString(2));
                    n++;
                }
                assertEquals(2000, n);
            }
            // one value of 20 MiB: a MySQL packet split over two 16 MiB frames and more than one compressed packet
            int big = 20 * 1024 * 1024;
            try (ResultSet rs = st.executeQuery("select big " + big)) {
                assertTrue(rs.next());
                String v = rs.getString(1);
                assertEquals(big, v.length());
                assertTrue(v.chars().allMatch(ch -> ch == 'b'));
            }
            // a large statement from the client: compressed inbound
            String text = "héllo".repeat(100_000);
            try (ResultSet rs = st.executeQuery("select length " + text)) {
                assertTrue(rs.next());
                assertEquals(text.getBytes(StandardCharsets.UTF_8).length, rs.getLong(1));
            }
            try (PreparedStatement ps = c.prepareStatement("select ? + 1, ?")) {
                ps.setLong(1, 41);
                ps.setString(2, "p".repeat(1000));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(42, rs.getLong(1));
                    assertEquals("p".repeat(1000), rs.getString(2));
                }
            }
        }
    }

    /**
     * The bytes themselves: after a plain OK, a command in a compressed packet (sent as is, seq 0) gets an answer
     * in compressed packets numbered from 1, whose payload is zlib data (a 10 KB row set shrinks) holding ordinary
     * MySQL frames numbered from 1.
     */
    @Test
    void rawExchangeAfterAuthentication() throws IOException {
        RawClient c = fixture.open();
        byte[] ok = c.connect(RawClient.BASE_CAPS | RawClient.CLIENT_DEPRECATE_EOF | 0x20, "root", "", null,
                "caching_sha2_password");
        assertEquals(0x00, ok[0], "the OK that ends authentication is not compressed");
        byte[] query = "\u0003select rows 50".getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        frame.write(query.length);
        frame.write(0);
        frame.write(0);
        frame.write(0); // packet sequence 0
        frame.writeBytes(query);
        java.io.OutputStream out = c.socket().getOutputStream();
        byte[] f = frame.toByteArray();
        out.write(new byte[] {(byte) f.length, (byte) (f.length >> 8), 0, 0, 0, 0, 0}); // compressed seq 0, as is
        out.write(f);
        out.flush();

        java.io.DataInputStream in = new java.io.DataInputStream(c.socket().getInputStream());
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        int expectedSeq = 1;
        int compressedBytes = 0;
        while (!endsWithTerminator(plain.toByteArray())) {
            byte[] header = new byte[7];
            in.readFully(header);
            int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
            int uncompressed = (header[4] & 0xff) | (header[5] & 0xff) << 8 | (header[6] & 0xff) << 16;
            byte[] payload = new byte[length];
            in.readFully(payload);
            assertEquals(expectedSeq++, header[3] & 0xff, "compressed sequence id; header "
                    + java.util.HexFormat.of().formatHex(header) + " payload " + new String(payload,
                    StandardCharsets.ISO_8859_1));
            compressedBytes += length;
            if (uncompressed == 0) {
                plain.writeBytes(payload);
            } else {
                java.util.zip.Inflater inflater = new java.util.zip.Inflater();
                inflater.setInput(payload);
                byte[] data = new byte[uncompressed];
                try {
                    assertEquals(uncompressed, inflater.inflate(data));
                } catch (java.util.zip.DataFormatException e) {
                    throw new AssertionError(e);
                }
                inflater.end();
                plain.writeBytes(data);
            }
        }
        byte[] frames = plain.toByteArray();
        assertTrue(frames.length > 50 * 200, "50 rows of 200 bytes");
        assertTrue(compressedBytes < frames.length / 4, "the row set went out compressed: " + compressedBytes
                + " bytes for " + frames.length);
        assertEquals(1, frames[3], "the MySQL frames inside keep their own sequence, from 1");
        assertEquals(1, frames[0], "the first frame is the column count: one byte");
        assertEquals(2, frames[4], "two columns");
    }

    /** Whether the frames end with an OK/EOF packet (0xFE header) after the rows. */
    private static boolean endsWithTerminator(byte[] frames) {
        int i = 0;
        int lastHeaderByte = -1;
        while (i + 4 <= frames.length) {
            int length = (frames[i] & 0xff) | (frames[i + 1] & 0xff) << 8 | (frames[i + 2] & 0xff) << 16;
            if (i + 4 + length > frames.length) {
                return false;
            }
            lastHeaderByte = length == 0 ? -1 : frames[i + 4] & 0xff;
            if (lastHeaderByte == 0xfe && length < 0xffffff && i > 0) {
                return i + 4 + length == frames.length;
            }
            i += 4 + length;
        }
        return false;
    }

    @Test
    void mariadbCliWithCompress() throws IOException, InterruptedException {
        Path cli = Path.of("/usr/bin/mariadb");
        assumeTrue(Files.isExecutable(cli), "mariadb client not installed");
        Process p = new ProcessBuilder(List.of(cli.toString(), "--no-defaults", "--compress", "-h", "127.0.0.1",
                "-P", String.valueOf(fixture.port()), "--protocol=TCP", "-u", "alice", "-psecret",
                "--connect-timeout=10", "-e", "select 1; select rows 300; select 1")).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        String[] lines = out.split("\n");
        assertEquals("1", lines[0]);
        assertEquals("1", lines[1]);
        assertEquals("id\tpayload", lines[2]);
        assertEquals("0\t" + "x".repeat(200), lines[3]);
        assertEquals("299\t" + "x".repeat(200), lines[302]);
        assertEquals("1", lines[303]);
        assertEquals("1", lines[304]);
        assertEquals(305, lines.length);
    }
}
