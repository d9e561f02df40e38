package dev.scion.cli;

import dev.scion.server.ScionServer;
import dev.scion.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code scion sql-server}: serve a data directory over the MySQL protocol until SIGTERM. */
@Command(name = "sql-server", description = "Start a MySQL-compatible server for the databases in a data directory.")
public final class SqlServerCommand implements Callable<Integer> {

    @Option(names = {"-H", "--host"}, description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = {"-P", "--port"}, description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--data-dir", description = "Directory holding the databases (default: ~/.scion/data).")
    Path dataDir;

    @Option(names = "--max-connections", description = "Most simultaneous clients (default: ${DEFAULT-VALUE}).")
    int maxConnections = 151;

    @Option(names = "--remotesapi-port", description = "Serve the HTTP remotes API (clone/fetch/push "
            + "http://host:port/<db>) on this port.")
    Integer remotesApiPort;

    @Option(names = "--remotesapi-read-only", description = "Refuse pushes through the remotes API.")
    boolean remotesApiReadOnly;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : ServerConfig.defaultDataDir();
        ScionServer server;
        try {
            server = new ScionServer(new ServerConfig(host, port, dir, maxConnections,
                    remotesApiPort == null ? ServerConfig.REMOTES_API_OFF : remotesApiPort, remotesApiReadOnly));
            server.start();
        } catch (RuntimeException e) {
            System.err.println("scion sql-server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "scion-shutdown"));
        System.out.println("Scion server listening on " + host + ":" + server.port() + " (data directory " + dir + ")");
        if (server.remotesApiPort() >= 0) {
            System.out.println("Remotes API listening on " + host + ":" + server.remotesApiPort());
        }
        System.out.flush();
        stopped.await();
        return 0;
    }
}
