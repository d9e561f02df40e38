package dev.scion.wire.testsupport;

import dev.scion.wire.auth.CachingSha2Password;
import dev.scion.wire.auth.NativePassword;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal MySQL client over a raw socket, written for the tests: it frames and reassembles packets, checks
 * sequence ids, and parses just enough of the protocol to assert on it.
 */
public final class RawClient implements AutoCloseable {

    public static final int CLIENT_LONG_PASSWORD = 0x1;
    public static final int CLIENT_FOUND_ROWS = 0x2;
    public static final int CLIENT_LONG_FLAG = 0x4;
    public static final int CLIENT_CONNECT_WITH_DB = 0x8;
    public static final int CLIENT_PROTOCOL_41 = 0x200;
    public static final int CLIENT_TRANSACTIONS = 0x2000;
    public static final int CLIENT_SECURE_CONNECTION = 0x8000;
    public static final int CLIENT_MULTI_STATEMENTS = 0x10000;
    public static final int CLIENT_MULTI_RESULTS = 0x20000;
    public static final int CLIENT_PS_MULTI_RESULTS = 0x40000;
    public static final int CLIENT_PLUGIN_AUTH = 0x80000;
    public static final int CLIENT_CONNECT_ATTRS = 0x100000;
    public static final int CLIENT_PLUGIN_AUTH_LENENC = 0x200000;
    public static final int CLIENT_DEPRECATE_EOF = 0x1000000;

    public static final int BASE_CAPS = CLIENT_LONG_PASSWORD | CLIENT_FOUND_ROWS | CLIENT_LONG_FLAG
            | CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS | CLIENT_SECURE_CONNECTION | CLIENT_MULTI_RESULTS
            | CLIENT_PS_MULTI_RESULTS | CLIENT_PLUGIN_AUTH | CLIENT_CONNECT_ATTRS | CLIENT_PLUGIN_AUTH_LENENC;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int nextSeq;
    private Handshake handshake;
    private int caps;
    /** Every packet received, in order (for tests that inspect the raw exchange). */
    public final List<byte[]> received = new ArrayList<>();
    public boolean recordPackets;

    public RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    public int caps() {
        return caps;
    }

    public boolean deprecateEof() {
        return (caps & CLIENT_DEPRECATE_EOF) != 0;
    }

    // ------------------------------------------------------------------ framing

    /** Reads one logical packet; checks its sequence id is the expected one. */
    public byte[] readPacket() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                throw new EOFException("server closed the connection");
            }
            int length = b0 | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16;
            int seq = in.readUnsignedByte();
            if (seq != nextSeq) {
                throw new IOException("sequence id " + seq + ", expected " + nextSeq);
            }
            nextSeq = (nextSeq + 1) & 0xff;
            byte[] chunk = new byte[length];
            in.readFully(chunk);
            payload.writeBytes(chunk);
            if (length < 0xFFFFFF) {
                break;
            }
        }
        byte[] packet = payload.toByteArray();
        if (recordPackets) {
            received.add(packet);
        }
        return packet;
    }

    /** The sequence id the next packet read must have. */
    public void expectSequence(int seq) {
        nextSeq = seq;
    }

    /** True if the server closed the connection (reads EOF within the socket timeout). */
    public boolean isClosedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    public void writePacket(byte[] payload) throws IOException {
        writePacket(payload, nextSeq);
    }

    /** Writes a payload as frames starting at {@code seq} (split at 0xFFFFFF). */
    public void writePacket(byte[] payload, int seq) throws IOException {
        int offset = 0;
        while (true) {
            int chunk = Math.min(payload.length - offset, 0xFFFFFF);
            byte[] header = {(byte) chunk, (byte) (chunk >> 8), (byte) (chunk >> 16), (byte) seq};
            out.write(header);
            out.write(payload, offset, chunk);
            seq = (seq + 1) & 0xff;
            offset += chunk;
            if (chunk < 0xFFFFFF) {
                break;
            }
        }
        out.flush();
        nextSeq = seq;
    }

    /** Starts a command: sequence 0. */
    public void command(int command, byte[] body) throws IOException {
        byte[] payload = new byte[body.length + 1];
        payload[0] = (byte) command;
        System.arraycopy(body, 0, payload, 1, body.length);
        nextSeq = 0;
        writePacket(payload, 0);
    }

    // ------------------------------------------------------------------ handshake

    public record Handshake(int protocol, String serverVersion, long connectionId, byte[] nonce, int capabilities,
                            int charset, int status, String plugin) {
    }

    public Handshake readHandshake() throws IOException {
        nextSeq = 0;
        byte[] p = readPacket();
        if ((p[0] & 0xff) == 0xff) {
            throw new ServerError(Err.parse(p));
        }
        Reader r = new Reader(p);
        int protocol = r.int1();
        String version = r.nulString();
        long connectionId = r.int4();
        byte[] part1 = r.bytes(8);
        r.int1();
        int capsLow = r.int2();
        int charset = r.int1();
        int status = r.int2();
        int capsHigh = r.int2();
        int authLength = r.int1();
        r.bytes(10);
        byte[] part2 = r.bytes(Math.max(13, authLength - 8));
        String plugin = r.nulString();
        byte[] nonce = new byte[20];
        System.arraycopy(part1, 0, nonce, 0, 8);
        System.arraycopy(part2, 0, nonce, 8, 12);
        handshake = new Handshake(protocol, version, connectionId, nonce, capsLow | capsHigh << 16, charset, status,
                plugin);
        return handshake;
    }

    public Handshake handshake() {
        return handshake;
    }

    /** Sends HandshakeResponse41 with a scramble for {@code plugin}; returns the server's next packet. */
    public byte[] sendHandshakeResponse(int clientCaps, String user, String password, String database,
                                        String plugin) throws IOException {
        byte[] auth = scramble(plugin, password, handshake.nonce());
        return sendHandshakeResponse(clientCaps, user, auth, database, plugin);
    }

    public byte[] sendHandshakeResponse(int clientCaps, String user, byte[] auth, String database, String plugin)
            throws IOException {
        caps = clientCaps & handshake.capabilities();
        writePacket(handshakeResponse(clientCaps, user, auth, database, plugin), 1);
        return readPacket();
    }

    /** The payload of a HandshakeResponse41. */
    public static byte[] handshakeResponse(int clientCaps, String user, byte[] auth, String database, String plugin) {
        if (database != null) {
            clientCaps |= CLIENT_CONNECT_WITH_DB;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        writeInt4(b, clientCaps);
        writeInt4(b, 16 * 1024 * 1024);
        b.write(255);
        b.writeBytes(new byte[23]);
        writeNul(b, user);
        writeLenencInt(b, auth.length);
        b.writeBytes(auth);
        if (database != null) {
            writeNul(b, database);
        }
        writeNul(b, plugin);
        ByteArrayOutputStream attrs = new ByteArrayOutputStream();
        writeLenencString(attrs, "_client_name");
        writeLenencString(attrs, "rawclient");
        writeLenencString(attrs, "program_name");
        writeLenencString(attrs, "wire-test");
        writeLenencInt(b, attrs.size());
        b.writeBytes(attrs.toByteArray());
        return b.toByteArray();
    }

    /** Reads one frame's payload from a bare stream (no sequence checks). */
    public static byte[] readRawPacket(java.io.InputStream in) throws IOException {
        java.io.DataInputStream data = new java.io.DataInputStream(in);
        int length = data.readUnsignedByte() | data.readUnsignedByte() << 8 | data.readUnsignedByte() << 16;
        data.readUnsignedByte();
        byte[] payload = new byte[length];
        data.readFully(payload);
        return payload;
    }

    public static byte[] scramble(String plugin, String password, byte[] nonce) {
        if (password == null || password.isEmpty()) {
            return new byte[0];
        }
        return "mysql_native_password".equals(plugin) ? NativePassword.scramble(password, nonce)
                : CachingSha2Password.scramble(password, nonce);
    }

    /**
     * Full connect: handshake, response, auth switch and fast-auth handling. Returns the final OK packet.
     *
     * @throws ServerError with the ERR packet if the server refused
     */
    public byte[] connect(int clientCaps, String user, String password, String database, String plugin)
            throws IOException {
        readHandshake();
        byte[] p = sendHandshakeResponse(clientCaps, user, password, database, plugin);
        return finishAuth(p, password);
    }

    public byte[] finishAuth(byte[] p, String password) throws IOException {
        byte[] currentNonce = handshake.nonce();
        while (true) {
            int header = p[0] & 0xff;
            if (header == 0x00) {
                return p;
            }
            if (header == 0xff) {
                throw new ServerError(Err.parse(p));
            }
            if (header == 0xfe) {
                Reader r = new Reader(p);
                r.int1();
                String plugin = r.nulString();
                byte[] data = r.rest();
                byte[] nonce = Arrays.copyOf(data, 20);
                currentNonce = nonce;
                writePacket(scramble(plugin, password, nonce));
                p = readPacket();
                continue;
            }
            if (header == 0x01) {
                if (p.length == 2 && p[1] == 0x03) {
                    p = readPacket();
                    continue;
                }
                if (p.length == 2 && p[1] == 0x04) {
                    // full authentication on a plain socket: fetch the RSA key, send the encrypted password
                    writePacket(new byte[] {0x02});
                    byte[] key = readPacket();
                    if ((key[0] & 0xff) != 0x01) {
                        throw new IOException("expected the public key, got 0x" + Integer.toHexString(key[0] & 0xff));
                    }
                    writePacket(dev.scion.wire.auth.RsaPasswordExchange.encryptForServer(
                            Arrays.copyOfRange(key, 1, key.length), password, currentNonce));
                    p = readPacket();
                    continue;
                }
                throw new IOException("unexpected AuthMoreData");
            }
            throw new IOException("unexpected auth packet 0x" + Integer.toHexString(header));
        }
    }

    public byte[] connect(String user, String password) throws IOException {
        return connect(BASE_CAPS | CLIENT_DEPRECATE_EOF, user, password, null, "caching_sha2_password");
    }

    // ------------------------------------------------------------------ results

    public record Column(String schema, String table, String name, int charset, long length, int type, int flags,
                         int decimals) {
    }

    public record Ok(long affectedRows, long lastInsertId, int status, int warnings, String info) {
        public static Ok parse(byte[] p) {
            Reader r = new Reader(p);
            r.int1();
            long affected = r.lenencInt();
            long lastId = r.lenencInt();
            int status = r.int2();
            int warnings = r.int2();
            String info = r.pos < r.p.length ? r.lenencString() : "";
            return new Ok(affected, lastId, status, warnings, info);
        }
    }

    public record Err(int code, String sqlState, String message) {
        public static Err parse(byte[] p) {
            Reader r = new Reader(p);
            r.int1();
            int code = r.int2();
            r.int1();
            String state = new String(r.bytes(5), StandardCharsets.US_ASCII);
            return new Err(code, state, new String(r.rest(), StandardCharsets.UTF_8));
        }
    }

    public static final class ServerError extends IOException {
        private static final long serialVersionUID = 1L;
        public final Err err;

        public ServerError(Err err) {
            super(err.code() + " (" + err.sqlState() + "): " + err.message());
            this.err = err;
        }
    }

    /** One result of a command: an OK, or columns and rows ended by EOF/OK (status from that packet). */
    public static final class Result {
        public Ok ok;
        public List<Column> columns;
        public final List<Object[]> rows = new ArrayList<>();
        public int status;
        public int warnings;

        public boolean hasMoreResults() {
            return (status & 0x0008) != 0;
        }

        public String text(int row, int column) {
            Object v = rows.get(row)[column];
            return v == null ? null : v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString();
        }
    }

    public byte[] query(String sql) throws IOException {
        command(0x03, sql.getBytes(StandardCharsets.UTF_8));
        return readPacket();
    }

    /** Runs a text query and reads all its results; throws ServerError on ERR. */
    public List<Result> queryAll(String sql) throws IOException {
        return readResults(query(sql), false);
    }

    public Result querySingle(String sql) throws IOException {
        List<Result> results = queryAll(sql);
        if (results.size() != 1) {
            throw new IOException("expected one result, got " + results.size());
        }
        return results.get(0);
    }

    /** Reads results starting with the already-read first packet, following MORE_RESULTS. */
    public List<Result> readResults(byte[] first, boolean binary) throws IOException {
        List<Result> results = new ArrayList<>();
        byte[] p = first;
        while (true) {
            Result result = readResult(p, binary);
            results.add(result);
            if (!result.hasMoreResults()) {
                return results;
            }
            p = readPacket();
        }
    }

    public Result readResult(byte[] p, boolean binary) throws IOException {
        int header = p[0] & 0xff;
        if (header == 0xff) {
            throw new ServerError(Err.parse(p));
        }
        Result result = new Result();
        if (header == 0x00) {
            result.ok = Ok.parse(p);
            result.status = result.ok.status();
            return result;
        }
        int count = (int) new Reader(p).lenencInt();
        result.columns = readColumns(count);
        if (!deprecateEof()) {
            byte[] eof = readPacket();
            if ((eof[0] & 0xff) != 0xfe || eof.length != 5) {
                throw new IOException("expected EOF after column definitions");
            }
        }
        while (true) {
            byte[] row = readPacket();
            int h = row[0] & 0xff;
            if (h == 0xff) {
                throw new ServerError(Err.parse(row));
            }
            if (h == 0xfe && row.length < 0xFFFFFF && (deprecateEof() || row.length == 5)) {
                Reader r = new Reader(row);
                r.int1();
                if (deprecateEof()) {
                    r.lenencInt();
                    r.lenencInt();
                    result.status = r.int2();
                    result.warnings = r.int2();
                } else {
                    result.warnings = r.int2();
                    result.status = r.int2();
                }
                return result;
            }
            result.rows.add(binary ? parseBinaryRow(row, result.columns) : parseTextRow(row, count));
        }
    }

    public List<Column> readColumns(int count) throws IOException {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            columns.add(parseColumn(readPacket()));
        }
        return columns;
    }

    public static Column parseColumn(byte[] p) {
        Reader r = new Reader(p);
        String catalog = r.lenencString();
        if (!"def".equals(catalog)) {
            throw new IllegalStateException("catalog " + catalog);
        }
        String schema = r.lenencString();
        String table = r.lenencString();
        r.lenencString();
        String name = r.lenencString();
        r.lenencString();
        r.lenencInt();
        int charset = r.int2();
        long length = r.int4();
        int type = r.int1();
        int flags = r.int2();
        int decimals = r.int1();
        return new Column(schema, table, name, charset, length, type, flags, decimals);
    }

    static Object[] parseTextRow(byte[] p, int count) {
        Reader r = new Reader(p);
        Object[] row = new Object[count];
        for (int i = 0; i < count; i++) {
            if ((p[r.pos] & 0xff) == 0xfb) {
                r.pos++;
                row[i] = null;
            } else {
                row[i] = r.lenencString();
            }
        }
        return row;
    }

    /** Binary row values: Long, Float, Double, String (strings, decimals), int[] (date/time fields). */
    static Object[] parseBinaryRow(byte[] p, List<Column> columns) {
        Reader r = new Reader(p);
        if (r.int1() != 0) {
            throw new IllegalStateException("binary row header");
        }
        int n = columns.size();
        byte[] bitmap = r.bytes((n + 7 + 2) / 8);
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
            int bit = i + 2;
            if ((bitmap[bit >> 3] & (1 << (bit & 7))) != 0) {
                continue;
            }
            int type = columns.get(i).type();
            row[i] = switch (type) {
                case 0x01 -> (long) (byte) r.int1();
                case 0x02, 0x0d -> (long) (short) r.int2();
                case 0x03, 0x09 -> (long) (int) r.int4();
                case 0x08 -> r.int8();
                case 0x04 -> Float.intBitsToFloat((int) r.int4());
                case 0x05 -> Double.longBitsToDouble(r.int8());
                case 0x07, 0x0a, 0x0c, 0x0b -> {
                    int len = r.int1();
                    int[] fields = new int[len];
                    byte[] raw = r.bytes(len);
                    for (int k = 0; k < len; k++) {
                        fields[k] = raw[k] & 0xff;
                    }
                    yield fields;
                }
                default -> r.lenencString();
            };
        }
        return row;
    }

    // ------------------------------------------------------------------ prepared statements

    public record Prepared(long statementId, int columnCount, int parameterCount, List<Column> parameters,
                           List<Column> columns) {
    }

    public Prepared prepare(String sql) throws IOException {
        command(0x16, sql.getBytes(StandardCharsets.UTF_8));
        byte[] p = readPacket();
        if ((p[0] & 0xff) == 0xff) {
            throw new ServerError(Err.parse(p));
        }
        Reader r = new Reader(p);
        r.int1();
        long id = r.int4();
        int columns = r.int2();
        int params = r.int2();
        List<Column> paramDefs = List.of();
        List<Column> columnDefs = List.of();
        if (params > 0) {
            paramDefs = readColumns(params);
            if (!deprecateEof()) {
                readPacket();
            }
        }
        if (columns > 0) {
            columnDefs = readColumns(columns);
            if (!deprecateEof()) {
                readPacket();
            }
        }
        return new Prepared(id, columns, params, paramDefs, columnDefs);
    }

    /**
     * COM_STMT_EXECUTE. {@code types} null means new_params_bound_flag = 0; values: null, Long, Double, String,
     * byte[].
     */
    public byte[] execute(long statementId, int flags, int[] types, Object... values) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        writeInt4(b, (int) statementId);
        b.write(flags);
        writeInt4(b, 1);
        if (values.length > 0) {
            byte[] bitmap = new byte[(values.length + 7) / 8];
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    bitmap[i >> 3] |= (byte) (1 << (i & 7));
                }
            }
            b.writeBytes(bitmap);
            b.write(types == null ? 0 : 1);
            if (types != null) {
                for (int t : types) {
                    b.write(t & 0xff);
                    b.write(t >> 8 & 0xff);
                }
            }
            for (Object v : values) {
                if (v == null) {
                    continue;
                }
                if (v instanceof Long l) {
                    writeInt8(b, l);
                } else if (v instanceof Integer i) {
                    writeInt4(b, i);
                } else if (v instanceof Double d) {
                    writeInt8(b, Double.doubleToLongBits(d));
                } else if (v instanceof String s) {
                    writeLenencString(b, s);
                } else if (v instanceof byte[] bytes) {
                    writeLenencInt(b, bytes.length);
                    b.writeBytes(bytes);
                } else if (v instanceof Raw raw) {
                    b.writeBytes(raw.bytes());
                } else {
                    throw new IllegalArgumentException(v.getClass().toString());
                }
            }
        }
        command(0x17, b.toByteArray());
        return readPacket();
    }

    /** Pre-encoded parameter bytes. */
    public record Raw(byte[] bytes) {
    }

    public void sendLongData(long statementId, int param, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        writeInt4(b, (int) statementId);
        b.write(param);
        b.write(param >> 8);
        b.writeBytes(data);
        command(0x18, b.toByteArray());
    }

    public void closeStatement(long statementId) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        writeInt4(b, (int) statementId);
        command(0x19, b.toByteArray());
    }

    public static byte[] int4(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    // ------------------------------------------------------------------ encoding helpers

    static void writeInt4(ByteArrayOutputStream b, int v) {
        b.write(v);
        b.write(v >> 8);
        b.write(v >> 16);
        b.write(v >> 24);
    }

    static void writeInt8(ByteArrayOutputStream b, long v) {
        for (int i = 0; i < 8; i++) {
            b.write((int) (v >> (8 * i)));
        }
    }

    static void writeNul(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        b.write(0);
    }

    static void writeLenencInt(ByteArrayOutputStream b, long v) {
        if (v < 251) {
            b.write((int) v);
        } else if (v < 65536) {
            b.write(0xfc);
            b.write((int) v);
            b.write((int) (v >> 8));
        } else if (v < 16777216) {
            b.write(0xfd);
            b.write((int) v);
            b.write((int) (v >> 8));
            b.write((int) (v >> 16));
        } else {
            b.write(0xfe);
            writeInt8(b, v);
        }
    }

    static void writeLenencString(ByteArrayOutputStream b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeLenencInt(b, bytes.length);
        b.writeBytes(bytes);
    }

    /** Sequential reader over a payload. */
    public static final class Reader {
        final byte[] p;
        public int pos;

        public Reader(byte[] p) {
            this.p = p;
        }

        public int int1() {
            return p[pos++] & 0xff;
        }

        public int int2() {
            return int1() | int1() << 8;
        }

        public long int4() {
            return (int1() | (long) int1() << 8 | (long) int1() << 16 | (long) int1() << 24);
        }

        public long int8() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) int1() << (8 * i);
            }
            return v;
        }

        public long lenencInt() {
            int first = int1();
            return switch (first) {
                case 0xfc -> int2();
                case 0xfd -> int1() | int1() << 8 | int1() << 16;
                case 0xfe -> int8();
                case 0xfb -> -1;
                default -> first;
            };
        }

        public String lenencString() {
            long n = lenencInt();
            return n < 0 ? null : new String(bytes((int) n), StandardCharsets.UTF_8);
        }

        public byte[] bytes(int n) {
            byte[] out = Arrays.copyOfRange(p, pos, pos + n);
            pos += n;
            return out;
        }

        public String nulString() {
            int start = pos;
            while (p[pos] != 0) {
                pos++;
            }
            String s = new String(p, start, pos - start, StandardCharsets.UTF_8);
            pos++;
            return s;
        }

        public byte[] rest() {
            return bytes(p.length - pos);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public InputStream rawInput() {
        return in;
    }
}
