package dev.scion.versioning.remote;

import dev.scion.storage.Hash;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The wire format of the HTTP remotes API, shared by client ({@link HttpTransport}) and server. Paths are
 * relative to {@code /<database>}:
 * <ul>
 *   <li>{@code GET refs}: text, first line {@code default <branch>} (or {@code default}), then one
 *       {@code <hash> <ref name>} per line;
 *   <li>{@code POST has}: body is 20-byte addresses; answer is those of them the server stores;
 *   <li>{@code POST get}: body is 20-byte addresses; answer streams {@code address, u32 length, bytes} per chunk;
 *   <li>{@code POST put}: body streams {@code address, u32 length, bytes}; stored verified and durable; 204;
 *   <li>{@code POST ref}: text {@code name\nexpected\nnext} (empty for none); 409 when the ref moved;
 *   <li>{@code GET backup-refs}: text, one {@code <ref name> <base64 value>} per line: every ref a backup carries;
 *   <li>{@code POST backup-refs}: the same text; makes those exactly the refs a backup carries (a backup sync);
 *   <li>{@code POST end}: ends the push session named by the {@code X-Scion-Push-Session} header. A push
 *       sends that header with its has, put and ref requests; the server keeps the database's garbage
 *       collection off from the first of them until {@code end} (or ten idle minutes).
 * </ul>
 * Authentication is HTTP Basic with the server's users; 401 without valid credentials, 403 without the
 * privilege (reads need SELECT on the database; writes need INSERT, UPDATE and DELETE, and a server that is not
 * read-only).
 */
public final class RemotesProtocol {
    public static final String REFS = "refs";
    public static final String HAS = "has";
    public static final String GET = "get";
    public static final String PUT = "put";
    public static final String REF = "ref";
    /** Ends a push session (header {@link #SESSION_HEADER}) that held the server's garbage collection off. */
    public static final String END = "end";
    /** A backup's refs: GET lists them, POST replaces them (see {@link #writeRefValues}). */
    public static final String BACKUP_REFS = "backup-refs";
    public static final String SESSION_HEADER = "X-Scion-Push-Session";

    private RemotesProtocol() {
    }

    public static void writeAddresses(OutputStream out, Collection<Hash> addresses) throws IOException {
        byte[] b = new byte[Hash.LENGTH];
        for (Hash h : addresses) {
            h.writeTo(b, 0);
            out.write(b);
        }
    }

    public static List<Hash> readAddresses(InputStream in) throws IOException {
        List<Hash> out = new ArrayList<>();
        byte[] b = new byte[Hash.LENGTH];
        while (true) {
            int n = in.readNBytes(b, 0, b.length);
            if (n == 0) {
                return out;
            }
            if (n < b.length) {
                throw new IOException("truncated address list");
            }
            out.add(Hash.fromBytes(b));
        }
    }

    /** Refs with raw values as text, one {@code name base64} per line (ref names hold no spaces or newlines). */
    public static String writeRefValues(Map<String, byte[]> refs) {
        StringBuilder sb = new StringBuilder();
        refs.forEach((k, v) -> sb.append(k).append(' ').append(Base64.getEncoder().encodeToString(v)).append('\n'));
        return sb.toString();
    }

    public static SortedMap<String, byte[]> readRefValues(String text) throws IOException {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                throw new IOException("malformed ref line: " + line);
            }
            try {
                out.put(line.substring(0, sp), Base64.getDecoder().decode(line.substring(sp + 1)));
            } catch (IllegalArgumentException e) {
                throw new IOException("malformed ref value: " + line, e);
            }
        }
        return out;
    }

    public static void writeChunk(DataOutputStream out, Hash h, byte[] chunk) throws IOException {
        byte[] b = new byte[Hash.LENGTH];
        h.writeTo(b, 0);
        out.write(b);
        out.writeInt(chunk.length);
        out.write(chunk);
    }

    /** Reads chunks until the stream ends, handing each over as soon as it is complete. */
    public static void readChunks(InputStream raw, BiConsumer<Hash, byte[]> sink) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] b = new byte[Hash.LENGTH];
        while (true) {
            int n = in.readNBytes(b, 0, b.length);
            if (n == 0) {
                return;
            }
            if (n < b.length) {
                throw new EOFException("truncated chunk stream");
            }
            int len = in.readInt();
            if (len < 0 || len > (64 << 20)) {
                throw new IOException("bad chunk length " + len);
            }
            byte[] chunk = in.readNBytes(len);
            if (chunk.length < len) {
                throw new EOFException("truncated chunk stream");
            }
            sink.accept(Hash.fromBytes(b), chunk);
        }
    }
}
