package dev.scion.server.remotes;

import com.sun.net.httpserver.HttpServer;
import dev.scion.versioning.repo.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP remotes API ({@link dev.scion.versioning.remote.RemotesProtocol}) next to the MySQL port: other
 * Scion instances clone, fetch, pull and push {@code http://host:port/<database>} through it. Served by the
 * JDK's HTTP server (the protocol is a handful of bulk requests, no need for more).
 */
public final class RemotesApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemotesApiServer.class);

    private final HttpServer http;
    private final ExecutorService workers;

    public RemotesApiServer(String host, int port, DataDirectory data, RemotesAuthenticator auth) {
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for the remotes API on " + host + ":" + port, e);
        }
        workers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "scion-remotesapi");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(workers);
        http.createContext("/", new RemotesHandler(data, auth));
    }

    public void start() {
        http.start();
        LOG.info("Remotes API listening on {}:{}", http.getAddress().getHostString(), port());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(1);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
