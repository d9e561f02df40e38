package dev.scion.it.remotes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of a server's remotes API that can damage what it forwards, so clients meet real
 * faults over a real connection: chunk bytes flipped in {@code get} answers, or every request after some
 * volume of chunk data held until released (the client is then killed mid-transfer by the test).
 */
final class FaultyRemoteProxy implements AutoCloseable {
    enum Mode { PASS, CORRUPT_GETS, STALL_AFTER_BYTES }

    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "X-Scion-Push-Session",
            "Content-Type");

    private final HttpServer server;
    private final String upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile Mode mode = Mode.PASS;
    private volatile long stallAfter = Long.MAX_VALUE;
    private final AtomicLong getBytes = new AtomicLong();
    private volatile CountDownLatch stalled = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    FaultyRemoteProxy(int upstreamPort) throws IOException {
        this.upstream = "http://127.0.0.1:" + upstreamPort;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::forward);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void pass() {
        mode = Mode.PASS;
    }

    void corruptGets() {
        mode = Mode.CORRUPT_GETS;
    }

    /** Holds every request once {@code bytes} of chunk data went out, until {@link #releaseStalled}. */
    void stallAfter(long bytes) {
        getBytes.set(0);
        stalled = new CountDownLatch(1);
        release = new CountDownLatch(1);
        stallAfter = bytes;
        mode = Mode.STALL_AFTER_BYTES;
    }

    boolean awaitStalled(long seconds) throws InterruptedException {
        return stalled.await(seconds, TimeUnit.SECONDS);
    }

    void releaseStalled() {
        release.countDown();
    }

    private void forward(HttpExchange ex) throws IOException {
        try (ex) {
            if (mode == Mode.STALL_AFTER_BYTES && getBytes.get() >= stallAfter) {
                stalled.countDown();
                try {
                    release.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(upstream + ex.getRequestURI()))
                    .method(ex.getRequestMethod(), body.length == 0 && ex.getRequestMethod().equals("GET")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : FORWARDED_HEADERS) {
                String v = ex.getRequestHeaders().getFirst(h);
                if (v != null) {
                    rb.header(h, v);
                }
            }
            HttpResponse<byte[]> r;
            try {
                r = client.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] answer = r.body();
            boolean isGet = ex.getRequestURI().getPath().endsWith("/get");
            if (isGet && r.statusCode() == 200) {
                getBytes.addAndGet(answer.length);
                if (mode == Mode.CORRUPT_GETS && answer.length > 0) {
                    answer = answer.clone();
                    answer[answer.length - 1] ^= 0x5a; // inside the last chunk's bytes: framing stays intact
                }
            }
            r.headers().firstValue("WWW-Authenticate").ifPresent(v -> ex.getResponseHeaders().add("WWW-Authenticate", v));
            ex.sendResponseHeaders(r.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
