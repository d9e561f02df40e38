package dev.scion.wire;

import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** LOAD DATA LOCAL INFILE: 0xFB request, the file streamed in packets, an empty packet, then the answer. */
class LocalInfileTest {

    private static final int CLIENT_LOCAL_FILES = 0x80;
    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ServerFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private RawClient connect(boolean localFiles) throws IOException {
        int caps = RawClient.BASE_CAPS | RawClient.CLIENT_DEPRECATE_EOF | (localFiles ? CLIENT_LOCAL_FILES : 0);
        return fixture.connect(caps);
    }

    /** Sends {@code content} in packets of {@code chunk} bytes, then the empty packet. */
    private static void sendFile(RawClient c, byte[] content, int chunk) throws IOException {
        for (int off = 0; off < content.length; off += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(content, off, Math.min(content.length, off + chunk));
            c.writePacket(part);
        }
        c.writePacket(new byte[0]);
    }

    @Test
    void fileIsStreamedToTheHandler() throws IOException {
        RawClient c = connect(true);
        byte[] request = c.query("LOAD DATA LOCAL INFILE '/tmp/data.tsv' INTO TABLE t");
        assertEquals(0xfb, request[0] & 0xff);
        assertEquals("/tmp/data.tsv", new String(request, 1, request.length - 1, StandardCharsets.UTF_8));
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            file.append(i).append("\tline ").append(i).append('\n');
        }
        sendFile(c, file.toString().getBytes(StandardCharsets.UTF_8), 7_000);
        RawClient.Ok ok = RawClient.Ok.parse(c.readPacket());
        assertEquals(10_000, ok.affectedRows());
        assertEquals("Records: 10000  Deleted: 0  Skipped: 0  Warnings: 0", ok.info());
        assertEquals(10_000, fixture.handler.loadedLines.size());
        assertEquals("9999\tline 9999", fixture.handler.loadedLines.get(9_999));
        assertEquals("1", c.querySingle("select 1").text(0, 0), "the connection is in command state again");
    }

    @Test
    void emptyFile() throws IOException {
        RawClient c = connect(true);
        assertEquals(0xfb, c.query("load data local infile 'empty' into table t")[0] & 0xff);
        c.writePacket(new byte[0]);
        assertEquals(0, RawClient.Ok.parse(c.readPacket()).affectedRows());
    }

    @Test
    void aStatementThatStopsReadingStillConsumesTheWholeFile() throws IOException {
        RawClient c = connect(true);
        assertEquals(0xfb, c.query("load data local infile 'f' into table t stop after 2")[0] & 0xff);
        sendFile(c, "a\nb\nc\nd\ne\n".repeat(1000).getBytes(StandardCharsets.UTF_8), 100);
        RawClient.Err err = RawClient.Err.parse(c.readPacket());
        assertEquals(1261, err.code());
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }

    @Test
    void clientWithoutLocalFilesGets3948() throws IOException {
        RawClient c = connect(false);
        RawClient.Err err = RawClient.Err.parse(c.query("load data local infile 'f' into table t"));
        assertEquals(3948, err.code());
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }

    @Test
    void aFileChunkBeyondMaxAllowedPacketIs1153() throws Exception {
        fixture.close();
        fixture = new ServerFixture(WireConfig.defaults().withPort(0).withMaxAllowedPacket(4096));
        RawClient c = connect(true);
        assertEquals(0xfb, c.query("load data local infile 'f' into table t")[0] & 0xff);
        c.writePacket("first line\n".getBytes(StandardCharsets.UTF_8));
        c.writePacket(new byte[5000]);
        // the statement gives up on the file; the client learns why and the connection closes
        byte[] p = c.readPacket();
        while ((p[0] & 0xff) != 0xff || RawClient.Err.parse(p).code() != 1153) {
            p = c.readPacket();
        }
        assertTrue(c.isClosedByServer());
        QueryProtocolTest.waitFor(() -> fixture.server.connectionCount() == 0);
    }

    @Test
    void disconnectDuringTheFileReleasesTheSession() throws Exception {
        RawClient c = connect(true);
        assertEquals(0xfb, c.query("load data local infile 'f' into table t")[0] & 0xff);
        c.writePacket("half a file\n".getBytes(StandardCharsets.UTF_8));
        c.close();
        QueryProtocolTest.waitFor(() -> fixture.server.connectionCount() == 0);
        assertEquals(1, fixture.handler.lastSession().closeCount.get());
    }

    @Test
    void mariadbCliSendsALocalFile(@TempDir Path dir) throws Exception {
        Path cli = Path.of("/usr/bin/mariadb");
        assumeTrue(Files.isExecutable(cli), "mariadb client not installed");
        Path data = dir.resolve("rows.tsv");
        Files.writeString(data, "1\tone\n2\ttwo\n3\tthree\n");
        List<String> cmd = new ArrayList<>(List.of(cli.toString(), "--no-defaults", "-h", "127.0.0.1",
                "-P", String.valueOf(fixture.port()), "--protocol=TCP", "-u", "root", "--local-infile=1",
                "-e", "LOAD DATA LOCAL INFILE '" + data + "' INTO TABLE t"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(List.of("1\tone", "2\ttwo", "3\tthree"), fixture.handler.loadedLines);
    }
}
