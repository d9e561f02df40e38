package dev.scion.cli.remote;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the MySQL client protocol for the CLI to hand statements to a running {@code scion
 * sql-server}: handshake as a password-less local user, COM_QUERY with multi-statements, text result sets
 * (classic EOF framing), OK and ERR packets. Used when the server holds the database's store lock.
 */
public final class MysqlTextClient implements AutoCloseable {
    private static final int CLIENT_LONG_PASSWORD = 1;
    private static final int CLIENT_CONNECT_WITH_DB = 8;
    private static final int CLIENT_PROTOCOL_41 = 512;
    private static final int CLIENT_TRANSACTIONS = 8192;
    private static final int CLIENT_SECURE_CONNECTION = 32768;
    private static final int CLIENT_MULTI_STATEMENTS = 1 << 16;
    private static final int CLIENT_MULTI_RESULTS = 1 << 17;
    private static final int CLIENT_PLUGIN_AUTH = 1 << 19;
    private static final int SERVER_MORE_RESULTS_EXISTS = 8;

    /** One statement's outcome: a result set (columns and text rows, null = SQL NULL) or an affected-row count. */
    public record Result(List<String> columns, List<List<String>> rows, long affectedRows) {
        public boolean isRows() {
            return columns != null;
        }
    }

    /** The server answered with an ERR packet. */
    public static final class ServerError extends IOException {
        private static final long serialVersionUID = 1L;
        private final int code;
        private final String sqlState;

        ServerError(int code, String sqlState, String message) {
            super(message);
            this.code = code;
            this.sqlState = sqlState;
        }

        public int code() {
            return code;
        }

        public String sqlState() {
            return sqlState;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int seq;

    public MysqlTextClient(String host, int port, String user, String database) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        byte[] greeting = read();
        if (greeting.length > 0 && (greeting[0] & 0xFF) == 0xFF) {
            throw error(greeting);
        }
        Reader g = new Reader(greeting);
        g.u8(); // protocol version
        g.nulString(); // server version
        g.skip(4 + 8 + 1); // connection id, auth data part 1, filler
        String plugin = "mysql_native_password";
        ByteArrayOutputStream resp = new ByteArrayOutputStream();
        int caps = CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS | CLIENT_SECURE_CONNECTION
                | CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS | CLIENT_PLUGIN_AUTH
                | (database != null ? CLIENT_CONNECT_WITH_DB : 0);
        int4(resp, caps);
        int4(resp, 1 << 24);
        resp.write(45); // utf8mb4_general_ci
        resp.write(new byte[23], 0, 23);
        resp.writeBytes(user.getBytes(StandardCharsets.UTF_8));
        resp.write(0);
        resp.write(0); // empty auth response: no password
        if (database != null) {
            resp.writeBytes(database.getBytes(StandardCharsets.UTF_8));
            resp.write(0);
        }
        resp.writeBytes(plugin.getBytes(StandardCharsets.UTF_8));
        resp.write(0);
        write(resp.toByteArray());
        while (true) {
            byte[] p = read();
            int h = p[0] & 0xFF;
            if (h == 0x00) {
                return;
            }
            if (h == 0xFF) {
                throw error(p);
            }
            if (h == 0xFE) {
                write(new byte[0]); // auth switch: the answer for an empty password is empty
                continue;
            }
            if (h == 0x01 && p.length > 1 && p[1] == 3) {
                continue; // caching_sha2_password fast-auth success; the OK packet follows
            }
            throw new IOException("unexpected packet during login: " + h);
        }
    }

    /** Runs statements; returns one result per statement, or throws at the first error. */
    public List<Result> query(String sql) throws IOException {
        List<Result> all = new ArrayList<>();
        query(sql, all::add);
        return all;
    }

    /** Runs statements, handing each result to {@code sink} as it arrives; throws at the first error. */
    public void query(String sql, java.util.function.Consumer<Result> sink) throws IOException {
        seq = 0;
        byte[] q = sql.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[q.length + 1];
        p[0] = 3; // COM_QUERY
        System.arraycopy(q, 0, p, 1, q.length);
        write(p);
        while (true) {
            byte[] first = read();
            int h = first[0] & 0xFF;
            if (h == 0xFF) {
                throw error(first);
            }
            if (h == 0x00) {
                Reader r = new Reader(first);
                r.u8();
                long affected = r.lenenc();
                r.lenenc();
                int status = r.u16();
                sink.accept(new Result(null, null, affected));
                if ((status & SERVER_MORE_RESULTS_EXISTS) == 0) {
                    return;
                }
                continue;
            }
            long n = new Reader(first).lenenc();
            List<String> cols = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                Reader c = new Reader(read());
                c.lenString(); // catalog
                c.lenString(); // schema
                c.lenString(); // table
                c.lenString(); // org table
                cols.add(c.lenString());
            }
            read(); // EOF after column definitions
            List<List<String>> rows = new ArrayList<>();
            int status;
            while (true) {
                byte[] row = read();
                if ((row[0] & 0xFF) == 0xFE && row.length < 9) {
                    Reader e = new Reader(row);
                    e.u8();
                    e.u16(); // warnings
                    status = e.u16();
                    break;
                }
                if ((row[0] & 0xFF) == 0xFF) {
                    throw error(row);
                }
                Reader r = new Reader(row);
                List<String> cells = new ArrayList<>(cols.size());
                for (int i = 0; i < cols.size(); i++) {
                    cells.add(r.lenStringOrNull());
                }
                rows.add(cells);
            }
            sink.accept(new Result(cols, rows, 0));
            if ((status & SERVER_MORE_RESULTS_EXISTS) == 0) {
                return;
            }
        }
    }

    private static ServerError error(byte[] p) {
        Reader r = new Reader(p);
        r.u8();
        int code = r.u16();
        String state = "HY000";
        if (r.pos < p.length && p[r.pos] == '#') {
            state = new String(p, r.pos + 1, 5, StandardCharsets.US_ASCII);
            r.pos += 6;
        }
        return new ServerError(code, state, new String(p, r.pos, p.length - r.pos, StandardCharsets.UTF_8));
    }

    private byte[] read() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int len;
        do {
            byte[] h = in.readNBytes(4);
            if (h.length < 4) {
                throw new IOException("connection closed by the server");
            }
            len = (h[0] & 0xFF) | (h[1] & 0xFF) << 8 | (h[2] & 0xFF) << 16;
            seq = (h[3] & 0xFF) + 1;
            byte[] body = in.readNBytes(len);
            if (body.length < len) {
                throw new IOException("connection closed by the server");
            }
            all.writeBytes(body);
        } while (len == 0xFFFFFF);
        return all.toByteArray();
    }

    private void write(byte[] payload) throws IOException {
        int off = 0;
        do {
            int len = Math.min(0xFFFFFF, payload.length - off);
            out.write(new byte[] {(byte) len, (byte) (len >> 8), (byte) (len >> 16), (byte) seq++});
            out.write(payload, off, len);
            off += len;
            if (len < 0xFFFFFF) {
                break;
            }
        } while (true);
        out.flush();
    }

    private static void int4(ByteArrayOutputStream o, int v) {
        o.write(v);
        o.write(v >> 8);
        o.write(v >> 16);
        o.write(v >> 24);
    }

    @Override
    public void close() throws IOException {
        try {
            seq = 0;
            write(new byte[] {1}); // COM_QUIT
        } finally {
            socket.close();
        }
    }

    /** Little-endian and length-encoded reads over one packet. */
    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        int u8() {
            return b[pos++] & 0xFF;
        }

        int u16() {
            int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
            pos += 2;
            return v;
        }

        void skip(int n) {
            pos += n;
        }

        String nulString() {
            int start = pos;
            while (b[pos] != 0) {
                pos++;
            }
            return new String(b, start, pos++ - start, StandardCharsets.UTF_8);
        }

        long lenenc() {
            int f = u8();
            if (f < 0xFB) {
                return f;
            }
            int n = f == 0xFC ? 2 : f == 0xFD ? 3 : 8;
            long v = 0;
            for (int i = 0; i < n; i++) {
                v |= (long) (b[pos + i] & 0xFF) << (8 * i);
            }
            pos += n;
            return v;
        }

        String lenString() {
            int n = (int) lenenc();
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        String lenStringOrNull() {
            if ((b[pos] & 0xFF) == 0xFB) {
                pos++;
                return null;
            }
            return lenString();
        }
    }
}
