package dev.scion.cli;

import dev.scion.cli.remote.ServerAddress;
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

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : ServerConfig.defaultDataDir();
        ScionServer server;
        try {
            server = new ScionServer(new ServerConfig(host, port, dir, maxConnections));
            server.start();
        } catch (RuntimeException e) {
            System.err.println("scion sql-server: " + e.getMessage());
            return 1;
        }
        Path served = dir.toAbsolutePath().normalize();
        try {
            // lets CLI commands refused by the store lock find this server and go through it
            new ServerAddress(host, server.port(), ProcessHandle.current().pid()).write(served);
        } catch (java.io.IOException e) {
            System.err.println("scion sql-server: cannot record the server address in " + served + ": "
                    + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServerAddress.remove(served);
            server.close();
            stopped.countDown();
        }, "scion-shutdown"));
        System.out.println("Scion server listening on " + host + ":" + server.port() + " (data directory " + dir + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
