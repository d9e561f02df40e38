package dev.scion.wire;

import dev.scion.wire.testsupport.RawClient;
import dev.scion.wire.testsupport.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.scion.wire.testsupport.RawClient.BASE_CAPS;
import static dev.scion.wire.testsupport.RawClient.CLIENT_DEPRECATE_EOF;
import static dev.scion.wire.testsupport.RawClient.CLIENT_MULTI_STATEMENTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryProtocolTest {

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
    void textResultWithEofPackets() throws IOException {
        RawClient c = fixture.connect(BASE_CAPS);
        c.recordPackets = true;
        RawClient.Result r = c.querySingle("select 1");
        // column count, definition, EOF, row, EOF
        assertEquals(5, c.received.size());
        assertArrayEquals(new byte[] {1}, c.received.get(0));
        assertEquals(5, c.received.get(2).length);
        assertEquals(List.of("1"), List.of(r.text(0, 0)));
        RawClient.Column col = r.columns.get(0);
        assertEquals("1", col.name());
        assertEquals(0x08, col.type());
        assertEquals(63, col.charset());
        assertEquals(0x0002, r.status);
        assertNotSame(Thread.currentThread(), fixture.handler.lastSession().lastThread);
        assertTrue(fixture.handler.lastSession().lastThread.getName().startsWith("scion-wire-worker"),
                "handler code does not run on the event loop");
    }

    @Test
    void textResultWithDeprecateEof() throws IOException {
        RawClient c = fixture.connect();
        c.recordPackets = true;
        RawClient.Result r = c.querySingle("select 1");
        // column count, definition, row, OK(0xFE)
        assertEquals(4, c.received.size());
        byte[] end = c.received.get(3);
        assertEquals(0xfe, end[0] & 0xff);
        assertTrue(end.length >= 7 && end.length < 9);
        assertEquals("1", r.text(0, 0));
    }

    @Test
    void textValuesAreFormattedLikeMysql() throws IOException {
        RawClient c = fixture.connect();
        RawClient.Result r = c.querySingle("select types");
        String[] expected = {"-5", "300", "70000", "9223372036854775807", "0.1", "1.5", "12.50", "héllo",
                "2024-02-29", "2024-02-29 13:14:15.123456", "-30:01:02", "7", "2024"};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], r.text(0, i), "column " + r.columns.get(i).name());
        }
        for (int i = 0; i < expected.length; i++) {
            assertNull(r.rows.get(1)[i], "NULL is 0xFB");
        }
    }

    @Test
    void okPacketCarriesAffectedRowsInsertIdWarningsAndInfo() throws IOException {
        RawClient c = fixture.connect();
        RawClient.Result r = c.querySingle("insert into t values (1)");
        assertEquals(1, r.ok.affectedRows());
        assertEquals(42, r.ok.lastInsertId());
        r = c.querySingle("update t set a = 1");
        assertEquals(3, r.ok.affectedRows());
        assertEquals(1, r.ok.warnings());
        assertEquals("Rows matched: 3  Changed: 3  Warnings: 1", r.ok.info());
    }

    @Test
    void statusFlagsFollowTheSessionTransactionState() throws IOException {
        RawClient c = fixture.connect();
        assertEquals(0x0002, c.querySingle("select 1").status);
        assertEquals(0x0003, c.querySingle("begin").ok.status());
        assertEquals(0x0003, c.querySingle("select 1").status);
        assertEquals(0x0002, c.querySingle("commit").ok.status());
        assertEquals(0x0000, c.querySingle("set autocommit=0").ok.status());
    }

    @Test
    void multiStatementResultsSetMoreResultsOnAllButTheLast() throws IOException {
        RawClient c = fixture.connect(BASE_CAPS | CLIENT_MULTI_STATEMENTS);
        List<RawClient.Result> results = c.queryAll("select 1; insert into t values (1); select types; begin");
        assertEquals(4, results.size());
        assertTrue(results.get(0).hasMoreResults());
        assertTrue(results.get(1).hasMoreResults());
        assertEquals(42, results.get(1).ok.lastInsertId());
        assertTrue(results.get(2).hasMoreResults());
        assertFalse(results.get(3).hasMoreResults());
        assertEquals(0x0003, results.get(3).status);
        // still in sync
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }

    @Test
    void multiStatementsWithDeprecateEof() throws IOException {
        RawClient c = fixture.connect(BASE_CAPS | CLIENT_MULTI_STATEMENTS | CLIENT_DEPRECATE_EOF);
        List<RawClient.Result> results = c.queryAll("select 1; select 1; insert x");
        assertEquals(3, results.size());
        assertTrue(results.get(0).hasMoreResults() && results.get(1).hasMoreResults());
        assertFalse(results.get(2).hasMoreResults());
    }

    @Test
    void errorInTheMiddleOfMultiStatementsEndsWithErr() throws IOException {
        RawClient c = fixture.connect(BASE_CAPS | CLIENT_MULTI_STATEMENTS);
        byte[] first = c.query("select 1; error; select 1");
        RawClient.Result r = c.readResult(first, false);
        assertTrue(r.hasMoreResults());
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class, () -> c.readResult(c.readPacket(), false));
        assertEquals(1146, e.err.code());
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }

    @Test
    void multiStatementsCanBeSwitchedWithSetOption() throws IOException {
        RawClient c = fixture.connect(BASE_CAPS);
        // off: the whole text is one statement
        assertEquals(1, c.queryAll("select 1; select 1").size());
        c.command(0x1b, new byte[] {0, 0});
        byte[] eof = c.readPacket();
        assertEquals(0xfe, eof[0] & 0xff);
        assertEquals(5, eof.length);
        assertEquals(2, c.queryAll("select 1; select 1").size());
        c.command(0x1b, new byte[] {1, 0});
        c.readPacket();
        c.command(0x1b, new byte[] {9, 0});
        assertEquals(1047, RawClient.Err.parse(c.readPacket()).code());
    }

    @Test
    void handlerErrorsBecomeErrPacketsAndTheConnectionStaysUsable() throws IOException {
        RawClient c = fixture.connect();
        RawClient.ServerError e = assertThrows(RawClient.ServerError.class, () -> c.queryAll("error"));
        assertEquals(1146, e.err.code());
        assertEquals("42S02", e.err.sqlState());
        assertEquals("Table 'test.nope' doesn't exist", e.err.message());

        e = assertThrows(RawClient.ServerError.class, () -> c.queryAll("boom"));
        assertEquals(1105, e.err.code());
        assertEquals("HY000", e.err.sqlState());
        assertEquals("engine exploded", e.err.message());

        e = assertThrows(RawClient.ServerError.class, () -> c.queryAll("rows then error"));
        assertEquals(1317, e.err.code());
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }

    @Test
    void unknownCommandIs1047() throws IOException {
        RawClient c = fixture.connect();
        c.command(0x0d, new byte[0]);
        RawClient.Err err = RawClient.Err.parse(c.readPacket());
        assertEquals(1047, err.code());
        assertEquals("08S01", err.sqlState());
        c.command(0x7f, new byte[0]);
        assertEquals(1047, RawClient.Err.parse(c.readPacket()).code());
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }

    @Test
    void pingInitDbStatisticsAndFieldList() throws IOException {
        RawClient c = fixture.connect(BASE_CAPS);
        c.command(0x0e, new byte[0]);
        assertEquals(0x00, c.readPacket()[0]);

        c.command(0x02, "otherdb".getBytes(StandardCharsets.UTF_8));
        assertEquals(0x00, c.readPacket()[0]);
        assertEquals("otherdb", c.querySingle("select database()").text(0, 0));
        c.command(0x02, "nosuchdb".getBytes(StandardCharsets.UTF_8));
        assertEquals(1049, RawClient.Err.parse(c.readPacket()).code());

        c.command(0x09, new byte[0]);
        String stats = new String(c.readPacket(), StandardCharsets.UTF_8);
        assertTrue(stats.startsWith("Uptime: "), stats);
        assertTrue(stats.contains("Threads: 1"), stats);

        c.command(0x04, "t\0".getBytes(StandardCharsets.UTF_8));
        byte[] p1 = c.readPacket();
        RawClient.Column id = RawClient.parseColumn(p1);
        assertEquals("id", id.name());
        assertEquals("t", id.table());
        assertEquals(0x03, id.type());
        assertEquals(3, id.flags());
        assertEquals(0xfb, p1[p1.length - 1] & 0xff, "default value NULL");
        assertEquals("name", RawClient.parseColumn(c.readPacket()).name());
        byte[] eof = c.readPacket();
        assertEquals(0xfe, eof[0] & 0xff);
        c.command(0x04, "missing\0".getBytes(StandardCharsets.UTF_8));
        assertEquals(1146, RawClient.Err.parse(c.readPacket()).code());
    }

    @Test
    void resetConnectionResetsSessionAndDropsStatements() throws IOException {
        RawClient c = fixture.connect();
        RawClient.Prepared ps = c.prepare("select ? + 1, ?");
        c.command(0x1f, new byte[0]);
        assertEquals(0x00, c.readPacket()[0]);
        var session = fixture.handler.lastSession();
        assertTrue(session.resetCalled);
        assertEquals(1, session.closedStatements.get());
        byte[] p = c.execute(ps.statementId(), 0, new int[] {0x08, 0xfd}, 1L, "x");
        assertEquals(1243, RawClient.Err.parse(p).code());
    }

    @Test
    void quitClosesTheSession() throws Exception {
        RawClient c = fixture.connect();
        var session = fixture.handler.lastSession();
        c.command(0x01, new byte[0]);
        assertTrue(c.isClosedByServer());
        waitFor(() -> session.closeCount.get() == 1);
        Thread.sleep(50);
        assertEquals(1, session.closeCount.get());
        waitFor(() -> fixture.server.connectionCount() == 0);
    }

    @Test
    void malformedCommandPacketIsAnError() throws IOException {
        RawClient c = fixture.connect();
        c.command(0x17, new byte[] {1});
        assertEquals(1835, RawClient.Err.parse(c.readPacket()).code());
        c.writePacket(new byte[0], 0);
        assertEquals(1047, RawClient.Err.parse(c.readPacket()).code());
        assertEquals("1", c.querySingle("select 1").text(0, 0));
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(10);
        }
    }
}
