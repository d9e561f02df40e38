package dev.scion.versioning.remote;

import dev.scion.storage.Hash;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** The client side of {@link RemotesProtocol}: a remote database served by a Scion server over HTTP. */
public final class HttpTransport implements RemoteTransport {
    private final URI base;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The push session whose requests hold the server's garbage collection off; null outside one. */
    private volatile String pushSession;

    HttpTransport(URI url, RemoteCredentials credentials) {
        String s = url.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        String user = credentials == null ? null : credentials.user();
        if (user == null && url.getUserInfo() != null) {
            user = url.getUserInfo();
        }
        if (user != null) {
            String password = credentials == null || credentials.password() == null ? "" : credentials.password();
            int colon = user.indexOf(':');
            if (colon >= 0) {
                password = user.substring(colon + 1);
                user = user.substring(0, colon);
            }
            authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            authorization = null;
        }
    }

    @Override
    public String url() {
        return base.toString();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        String session = pushSession;
        if (session != null) {
            b.header(RemotesProtocol.SESSION_HEADER, session);
        }
        return b;
    }

    private HttpResponse<InputStream> send(HttpRequest req) {
        try {
            HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() / 100 != 2) {
                String msg;
                try (InputStream in = r.body()) {
                    msg = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                }
                String what = base + ": " + (msg.isEmpty() ? "HTTP " + r.statusCode() : msg);
                if (r.statusCode() == 409) {
                    throw new RefRejectedException(what);
                }
                throw new RemoteAccessException(switch (r.statusCode()) {
                    case 401 -> "authentication failed for " + what;
                    case 403 -> "permission denied: " + what;
                    case 404 -> "remote database not found: " + what;
                    default -> what;
                });
            }
            return r;
        } catch (IOException e) {
            throw new RemoteAccessException("cannot reach remote " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteAccessException("interrupted talking to " + base, e);
        }
    }

    @Override
    public RemoteRefs listRefs() {
        HttpResponse<InputStream> r = send(request(RemotesProtocol.REFS).GET().build());
        String text = readText(r);
        SortedMap<String, Hash> refs = new TreeMap<>();
        String def = null;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("default")) {
                String d = line.substring("default".length()).trim();
                def = d.isEmpty() ? null : d;
                continue;
            }
            int sp = line.indexOf(' ');
            refs.put(line.substring(sp + 1), Hash.parse(line.substring(0, sp)));
        }
        return new RemoteRefs(refs, def);
    }

    @Override
    public Set<Hash> hasMany(Collection<Hash> addresses) {
        HttpResponse<InputStream> r = send(request(RemotesProtocol.HAS)
                .POST(HttpRequest.BodyPublishers.ofByteArray(addressBytes(addresses))).build());
        try (InputStream in = r.body()) {
            return new HashSet<>(RemotesProtocol.readAddresses(in));
        } catch (IOException e) {
            throw new RemoteAccessException("reading from " + base + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void getMany(Collection<Hash> addresses, BiConsumer<Hash, byte[]> sink) {
        HttpResponse<InputStream> r = send(request(RemotesProtocol.GET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(addressBytes(addresses))).build());
        try (InputStream in = r.body()) {
            RemotesProtocol.readChunks(in, sink);
        } catch (IOException e) {
            throw new RemoteAccessException("reading chunks from " + base + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void putMany(Map<Hash, byte[]> chunks) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            for (Map.Entry<Hash, byte[]> e : chunks.entrySet()) {
                RemotesProtocol.writeChunk(out, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        readText(send(request(RemotesProtocol.PUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(buf.toByteArray())).build()));
    }

    @Override
    public void updateRef(String name, Hash expected, Hash next) {
        String body = name + "\n" + (expected == null ? "" : expected) + "\n" + (next == null ? "" : next);
        HttpResponse<InputStream> r = send(request(RemotesProtocol.REF)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        readText(r);
    }

    @Override
    public SortedMap<String, byte[]> listBackupRefs() {
        String text = readText(send(request(RemotesProtocol.BACKUP_REFS).GET().build()));
        try {
            return RemotesProtocol.readRefValues(text);
        } catch (IOException e) {
            throw new RemoteAccessException("reading from " + base + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void replaceBackupRefs(Map<String, byte[]> refs) {
        readText(send(request(RemotesProtocol.BACKUP_REFS).POST(HttpRequest.BodyPublishers.ofString(
                RemotesProtocol.writeRefValues(refs), StandardCharsets.UTF_8)).build()));
    }

    @Override
    public AutoCloseable holdGarbageCollection() {
        String id = java.util.UUID.randomUUID().toString();
        pushSession = id;
        return () -> {
            try {
                readText(send(request(RemotesProtocol.END).POST(HttpRequest.BodyPublishers.noBody()).build()));
            } finally {
                pushSession = null;
            }
        };
    }

    private static byte[] addressBytes(Collection<Hash> addresses) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(addresses.size() * Hash.LENGTH);
        try {
            RemotesProtocol.writeAddresses(buf, addresses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    private String readText(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RemoteAccessException("reading from " + base + ": " + e.getMessage(), e);
        }
    }
}
