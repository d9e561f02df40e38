package dev.scion.wire;

import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static dev.scion.wire.testsupport.RawClient.BASE_CAPS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreparedStatementTest {

    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ServerFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void prepareDescribesParametersAndColumns() throws IOException {
        RawClient c = fixture.connect(BASE_CAPS);
        RawClient.Prepared ps = c.prepare("select ? + 1, ?");
        assertTrue(ps.statementId() > 0);
        assertEquals(2, ps.parameterCount());
        assertEquals(2, ps.columnCount());
        assertEquals("?", ps.parameters().get(0).name());
        assertEquals("? + 1", ps.columns().get(0).name());
        RawClient.Prepared other = c.prepare("insert into t values (?)");
        assertEquals(ps.statementId() + 1, other.statementId());
        assertEquals(0, other.columnCount());
    }

    @Test
    void executeSendsBinaryRowsAndRemembersParameterTypes() throws IOException {
        RawClient c = fixture.connect();
        RawClient.Prepared ps = c.prepare("select ? + 1, ?");
        // first execute sends types (LONGLONG, VAR_STRING), like sysbench
        RawClient.Result r = c.readResult(c.execute(ps.statementId(), 0, new int[] {0x08, 0xfd}, 41L, "abc"), true);
        assertEquals(42L, r.rows.get(0)[0]);
        assertEquals("abc", r.rows.get(0)[1]);
        // later executes send no types: the server must remember them
        r = c.readResult(c.execute(ps.statementId(), 0, null, 99L, "xyz"), true);
        assertEquals(100L, r.rows.get(0)[0]);
        assertEquals("xyz", r.rows.get(0)[1]);
        r = c.readResult(c.execute(ps.statementId(), 0, null, 1L, null), true);
        assertEquals(2L, r.rows.get(0)[0]);
        assertNull(r.rows.get(0)[1]);
    }

    @Test
    void executeWithoutEverSendingTypesIsAnError() throws IOException {
        RawClient c = fixture.connect();
        RawClient.Prepared ps = c.prepare("select ? + 1, ?");
        byte[] p = c.execute(ps.statementId(), 0, null, 1L, "x");
        assertEquals(1210, RawClient.Err.parse(p).code());
    }

    @Test
    void unknownStatementAndPrepareErrors() throws IOException {
        RawClient c = fixture.connect();
        byte[] p = c.execute(12345, 0, null);
        RawClient.Err err = RawClient.Err.parse(p);
        assertEquals(1243, err.code());
        assertEquals("Unknown prepared statement handler (12345) given to mysqld_stmt_execute", err.message());
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class, () -> c.prepare("unsupported thing"));
        assertEquals(1295, e.err.code());
    }

    @Test
    void parameterValuesAreDecodedPerType() throws IOException {
        RawClient c = fixture.connect();
        String sql = "echo ?,?,?,?,?,?,?,?,?,?,?,?";
        RawClient.Prepared ps = c.prepare(sql);
        ByteArrayOutputStream date = new ByteArrayOutputStream();
        date.writeBytes(new byte[] {4, (byte) 0xe8, 0x07, 2, 29});
        ByteArrayOutputStream datetime = new ByteArrayOutputStream();
        datetime.writeBytes(new byte[] {11, (byte) 0xe8, 0x07, 2, 29, 13, 14, 15});
        datetime.writeBytes(RawClient.int4(123456));
        ByteArrayOutputStream time = new ByteArrayOutputStream();
        time.writeBytes(new byte[] {8, 1, 1, 0, 0, 0, 6, 1, 2});
        int[] types = {0x01, 0x01 | 0x8000, 0x02, 0x03, 0x08, 0x08 | 0x8000, 0x05, 0xf6, 0x0a, 0x0c, 0x0b, 0xfc};
        byte[] p = c.execute(ps.statementId(), 0, types,
                new RawClient.Raw(new byte[] {(byte) 0xff}),
                new RawClient.Raw(new byte[] {(byte) 0xff}),
                new RawClient.Raw(new byte[] {(byte) 0xfe, (byte) 0xff}),
                -7,
                Long.MIN_VALUE,
                -1L,
                2.5,
                "12.345",
                new RawClient.Raw(date.toByteArray()),
                new RawClient.Raw(datetime.toByteArray()),
                new RawClient.Raw(time.toByteArray()),
                "blob".getBytes(StandardCharsets.UTF_8));
        c.readResult(p, true);
        Object[] params = fixture.handler.lastParameters.get(sql);
        assertEquals(-1L, params[0]);
        assertEquals(255L, params[1]);
        assertEquals(-2L, params[2]);
        assertEquals(-7L, params[3]);
        assertEquals(Long.MIN_VALUE, params[4]);
        assertEquals(new BigInteger("18446744073709551615"), params[5]);
        assertEquals(2.5, params[6]);
        assertEquals(new BigDecimal("12.345"), params[7]);
        assertEquals(LocalDate.of(2024, 2, 29), params[8]);
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123456000), params[9]);
        assertEquals(Duration.ofHours(-30).minusMinutes(1).minusSeconds(2), params[10]);
        assertArrayEquals("blob".getBytes(StandardCharsets.UTF_8), (byte[]) params[11]);
    }

    @Test
    void longDataIsMergedAndClearedByReset() throws IOException {
        RawClient c = fixture.connect();
        String sql = "echo ?, ?";
        RawClient.Prepared ps = c.prepare(sql);
        c.sendLongData(ps.statementId(), 0, "hello ".getBytes(StandardCharsets.UTF_8));
        c.sendLongData(ps.statementId(), 0, "world".getBytes(StandardCharsets.UTF_8));
        // parameter 0 is absent from the execute packet because it has long data
        RawClient.Result r = c.readResult(c.execute(ps.statementId(), 0, new int[] {0xfe, 0x08},
                new RawClient.Raw(new byte[0]), 5L), true);
        assertEquals("String:hello world", r.rows.get(0)[0]);
        assertEquals("Long:5", r.rows.get(0)[1]);

        c.sendLongData(ps.statementId(), 0, "stale".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(RawClient.int4(ps.statementId()));
        c.command(0x1a, b.toByteArray());
        assertEquals(0x00, c.readPacket()[0]);
        r = c.readResult(c.execute(ps.statementId(), 0, null, "fresh", 6L), true);
        assertEquals("String:fresh", r.rows.get(0)[0]);
    }

    @Test
    void binaryRowsEncodeEachColumnType() throws IOException {
        RawClient c = fixture.connect();
        RawClient.Prepared ps = c.prepare("select types");
        RawClient.Result r = c.readResult(c.execute(ps.statementId(), 0, null), true);
        Object[] row = r.rows.get(0);
        assertEquals(-5L, row[0]);
        assertEquals(300L, row[1]);
        assertEquals(70000L, row[2]);
        assertEquals(Long.MAX_VALUE, row[3]);
        assertEquals(0.1, row[4]);
        assertEquals(1.5f, row[5]);
        assertEquals("12.50", row[6]);
        assertEquals("héllo", row[7]);
        assertArrayEquals(new int[] {0xe8, 0x07, 2, 29}, (int[]) row[8]);
        assertArrayEquals(new int[] {0xe8, 0x07, 2, 29, 13, 14, 15, 0x40, 0xe2, 0x01, 0x00}, (int[]) row[9]);
        assertArrayEquals(new int[] {1, 1, 0, 0, 0, 6, 1, 2}, (int[]) row[10]);
        assertEquals(7.0, row[11], "a Long in a DOUBLE column is sent as a double");
        assertEquals(2024L, row[12]);
        for (Object v : r.rows.get(1)) {
            assertNull(v);
        }
    }

    @Test
    void closeDeallocatesWithoutResponse() throws IOException {
        RawClient c = fixture.connect();
        RawClient.Prepared ps = c.prepare("select ? + 1, ?");
        c.closeStatement(ps.statementId());
        // no response: the next command's answer is the next packet
        assertEquals("1", c.querySingle("select 1").text(0, 0));
        assertEquals(1, fixture.handler.lastSession().closedStatements.get());
        assertEquals(1243, RawClient.Err.parse(c.execute(ps.statementId(), 0, new int[] {8, 8}, 1L, 1L)).code());
    }

    @Test
    void executeErrorsAndOkResults() throws IOException {
        RawClient c = fixture.connect();
        RawClient.Prepared ins = c.prepare("insert into t values (?)");
        RawClient.Result r = c.readResult(c.execute(ins.statementId(), 0, new int[] {8}, 1L), true);
        assertEquals(42, r.ok.lastInsertId());
        RawClient.Prepared boom = c.prepare("boom");
        RawClient.Err err = RawClient.Err.parse(c.execute(boom.statementId(), 0, null));
        assertEquals(1105, err.code());
        assertEquals("engine exploded", err.message());
    }

    @Test
    void unencodableValueEndsTheResultWithAnError() throws IOException {
        RawClient c = fixture.connect();
        RawClient.Prepared ps = c.prepare("select badvalue");
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class,
                () -> c.readResult(c.execute(ps.statementId(), 0, null), true));
        assertEquals(1105, e.err.code());
        assertTrue(e.err.message().contains("cannot send String"), e.err.message());
        assertEquals("1", c.querySingle("select 1").text(0, 0));
        // the text protocol prints it
        assertEquals("not a number", c.querySingle("select badvalue").text(1, 0));
    }

    @Test
    void cursorFetchReturnsRowsInBatches() throws IOException {
        for (int caps : new int[] {BASE_CAPS, BASE_CAPS | RawClient.CLIENT_DEPRECATE_EOF}) {
            RawClient c = fixture.connect(caps);
            RawClient.Prepared ps = c.prepare("select rows 5");
            byte[] p = c.execute(ps.statementId(), 1, null);
            assertEquals(2, new RawClient.Reader(p).lenencInt());
            List<RawClient.Column> columns = c.readColumns(2);
            byte[] status = c.readPacket();
            assertEquals(0xfe, status[0] & 0xff);
            int flags = statusOf(status, c.deprecateEof());
            assertTrue((flags & 0x40) != 0, "SERVER_STATUS_CURSOR_EXISTS");

            int fetched = 0;
            boolean last = false;
            while (!last) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(RawClient.int4(ps.statementId()));
                b.writeBytes(RawClient.int4(2));
                c.command(0x1c, b.toByteArray());
                while (true) {
                    byte[] row = c.readPacket();
                    if ((row[0] & 0xff) == 0xfe) {
                        int s = statusOf(row, c.deprecateEof());
                        assertTrue((s & 0x40) != 0);
                        last = (s & 0x80) != 0;
                        break;
                    }
                    assertEquals(0x00, row[0]);
                    fetched++;
                }
            }
            assertEquals(5, fetched);
            assertEquals(2, columns.size());
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(RawClient.int4(ps.statementId()));
            b.writeBytes(RawClient.int4(2));
            c.command(0x1c, b.toByteArray());
            assertEquals(1421, RawClient.Err.parse(c.readPacket()).code());
            assertFalse(c.querySingle("select 1").rows.isEmpty());
        }
    }

    private static int statusOf(byte[] p, boolean deprecateEof) {
        RawClient.Reader r = new RawClient.Reader(p);
        r.int1();
        if (deprecateEof) {
            r.lenencInt();
            r.lenencInt();
            return r.int2();
        }
        r.int2();
        return r.int2();
    }
}
