package dev.scion.server.remotes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.scion.storage.Hash;
import dev.scion.versioning.remote.RefRejectedException;
import dev.scion.versioning.remote.RemoteRefs;
import dev.scion.versioning.remote.RemotesProtocol;
import dev.scion.versioning.remote.RepositoryEndpoint;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.repo.VersioningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Serves one remotes-API request: authenticate, find the database, run the operation. */
final class RemotesHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RemotesHandler.class);

    private final DataDirectory data;
    private final RemotesAuthenticator auth;
    private final PushSessions pushes = new PushSessions();

    RemotesHandler(DataDirectory data, RemotesAuthenticator auth) {
        this.data = data;
        this.auth = auth;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String[] parts = ex.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
            if (parts.length != 2) {
                reply(ex, 404, "expected /<database>/<operation>");
                return;
            }
            String db = parts[0];
            String op = parts[1];
            boolean write = op.equals(RemotesProtocol.PUT) || op.equals(RemotesProtocol.REF)
                    || (op.equals(RemotesProtocol.BACKUP_REFS) && ex.getRequestMethod().equalsIgnoreCase("POST"));
            RemoteAccess access = authenticate(ex, db);
            if (access == RemoteAccess.NONE) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"scion\"");
                reply(ex, 401, "access denied");
                return;
            }
            if (access == RemoteAccess.FORBIDDEN) {
                reply(ex, 403, "no privilege on database '" + db + "'");
                return;
            }
            if (write && access != RemoteAccess.WRITE) {
                reply(ex, 403, "no write privilege on database '" + db + "'");
                return;
            }
            // Only a push asks the remote what it has, so a writer's HAS may create the database too.
            Optional<Repository> repo = database(db, write
                    || (op.equals(RemotesProtocol.HAS) && access == RemoteAccess.WRITE));
            if (repo.isEmpty() && op.equals(RemotesProtocol.REFS) && access == RemoteAccess.WRITE) {
                reply(ex, 200, "default\n"); // a writer may push a new database here: it has no refs yet
                return;
            }
            if (repo.isEmpty() && op.equals(RemotesProtocol.BACKUP_REFS) && access == RemoteAccess.WRITE) {
                reply(ex, 200, ""); // likewise a backup not synced yet
                return;
            }
            if (repo.isEmpty()) {
                reply(ex, 404, "database '" + db + "' not found");
                return;
            }
            RepositoryEndpoint endpoint = new RepositoryEndpoint(repo.get(), "http://" + db, false);
            String session = ex.getRequestHeaders().getFirst(PushSessions.HEADER);
            boolean pushing = session != null && access == RemoteAccess.WRITE;
            if (pushing) {
                pushes.touch(db + "/" + session, endpoint::holdGarbageCollection);
            }
            try {
                if (op.equals(RemotesProtocol.END)) {
                    if (pushing) {
                        pushes.end(db + "/" + session);
                    }
                    reply(ex, 200, "ok");
                    return;
                }
                try (var op2 = dev.scion.versioning.gc.OperationTracker.process().enter()) {
                    serve(ex, op, endpoint); // a collection waits for requests that read refs before it began
                }
            } catch (RefRejectedException e) {
                reply(ex, 409, e.getMessage());
            } catch (VersioningException e) {
                reply(ex, 400, e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("remotes API request {} failed", ex.getRequestURI(), e);
            try {
                reply(ex, 500, "internal error: " + e.getMessage());
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way; the client sees a truncated stream and fails
            }
        }
    }

    /** A push may create a database (a fork in one's own namespace); everything else needs it to exist. */
    private Optional<Repository> database(String name, boolean write) {
        Optional<String> canonical = data.canonicalName(name);
        if (canonical.isPresent()) {
            return data.open(canonical.get());
        }
        if (!write || !DataDirectory.isValidName(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(data.createEmpty(name));
        } catch (VersioningException e) {
            return data.open(name); // created by a concurrent push
        }
    }

    private void serve(HttpExchange ex, String op, RepositoryEndpoint endpoint) throws IOException {
        switch (op) {
            case RemotesProtocol.REFS -> {
                RemoteRefs refs = endpoint.listRefs();
                StringBuilder sb = new StringBuilder("default ")
                        .append(refs.defaultBranch() == null ? "" : refs.defaultBranch()).append('\n');
                refs.refs().forEach((k, v) -> sb.append(v).append(' ').append(k).append('\n'));
                reply(ex, 200, sb.toString());
            }
            case RemotesProtocol.HAS -> {
                List<Hash> asked = RemotesProtocol.readAddresses(ex.getRequestBody());
                var present = endpoint.hasMany(asked);
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    RemotesProtocol.writeAddresses(out, asked.stream().filter(present::contains).toList());
                }
            }
            case RemotesProtocol.GET -> {
                List<Hash> asked = RemotesProtocol.readAddresses(ex.getRequestBody());
                // Check first, so a missing chunk is a clean error rather than a cut stream.
                if (endpoint.hasMany(asked).size() != asked.size()) {
                    reply(ex, 404, "some requested chunks are not stored here");
                    return;
                }
                ex.sendResponseHeaders(200, 0); // chunked: chunks stream as they are read
                try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                        ex.getResponseBody(), 1 << 16))) {
                    endpoint.getMany(asked, (h, chunk) -> {
                        try {
                            RemotesProtocol.writeChunk(out, h, chunk);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
            }
            case RemotesProtocol.PUT -> {
                Map<Hash, byte[]> chunks = new LinkedHashMap<>();
                try (InputStream in = ex.getRequestBody()) {
                    RemotesProtocol.readChunks(in, chunks::put);
                }
                try (AutoCloseable hold = endpoint.holdGarbageCollection()) {
                    endpoint.putMany(chunks);
                } catch (RuntimeException | IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                reply(ex, 200, "stored " + chunks.size());
            }
            case RemotesProtocol.REF -> {
                String[] lines = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                        .split("\n", -1);
                if (lines.length != 3) {
                    reply(ex, 400, "expected name, expected value and new value on three lines");
                    return;
                }
                endpoint.updateRef(lines[0], parse(lines[1]), parse(lines[2]));
                reply(ex, 200, "ok");
            }
            case RemotesProtocol.BACKUP_REFS -> {
                if (ex.getRequestMethod().equalsIgnoreCase("POST")) {
                    endpoint.replaceBackupRefs(RemotesProtocol.readRefValues(new String(
                            ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    reply(ex, 200, "ok");
                } else {
                    reply(ex, 200, RemotesProtocol.writeRefValues(endpoint.listBackupRefs()));
                }
            }
            default -> reply(ex, 404, "unknown operation " + op);
        }
    }

    private static Hash parse(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (!Hash.isHashString(s)) {
            throw new VersioningException(VersioningException.Reason.INVALID_ARGUMENT, "not a hash: " + s);
        }
        return Hash.parse(s);
    }

    private RemoteAccess authenticate(HttpExchange ex, String db) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return auth.access(null, null, ex.getRemoteAddress(), db);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return RemoteAccess.NONE;
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        return auth.access(user, password, ex.getRemoteAddress(), db);
    }

    private static void reply(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }
}
