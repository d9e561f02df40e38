package dev.scion.cli;

import dev.scion.cli.remote.ScionCliProcedure;
import dev.scion.cli.remote.ServerAddress;
import dev.scion.cli.support.LogLevels;
import dev.scion.cli.support.TermSignals;
import dev.scion.server.ScionServer;
import dev.scion.server.ServerConfig;
import dev.scion.server.config.ConfigException;
import dev.scion.server.config.ConfigFile;
import dev.scion.server.config.ConfigKey;
import dev.scion.server.config.ConfigValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code scion sql-server}: serve a data directory over the MySQL protocol until SIGTERM (or SIGINT). Settings come
 * from the YAML file of {@code --config}, then the environment ({@value #PASSWORD_ENV}), then flags, each later
 * one overriding; docs/server-config.md describes them.
 */
@Command(name = "sql-server", description = "Start a MySQL-compatible server for the databases in a data directory.")
public final class SqlServerCommand implements Callable<Integer> {
    /** The root password from the environment, so it need not appear in a process listing or a file. */
    public static final String PASSWORD_ENV = "SCION_ROOT_PASSWORD";

    @Option(names = "--config", description = "YAML config file (see docs/server-config.md); flags override it.")
    Path configFile;

    @Option(names = {"-H", "--host"}, description = "Address to listen on (default: 127.0.0.1).")
    String host;

    @Option(names = {"-P", "--port"}, description = "Port to listen on (default: 3306).")
    String port;

    @Option(names = "--data-dir", description = "Directory holding the databases (default: ~/.scion/data).")
    String dataDir;

    @Option(names = "--max-connections", description = "Most simultaneous clients (default: 151).")
    String maxConnections;

    @Option(names = "--user", description = "Name of the administrator account (default: root).")
    String rootUser;

    @Option(names = "--root-password", description = "Password of the administrator (default: "
            + PASSWORD_ENV + ", else none, and it may then only connect from loopback addresses).")
    String rootPassword;

    @Option(names = "--tls-cert", description = "PEM certificate chain for TLS (default: a self-signed one created "
            + "in the data directory at first start).")
    String tlsCert;

    @Option(names = "--tls-key", description = "PEM (PKCS#8, unencrypted) private key of --tls-cert.")
    String tlsKey;

    @Option(names = "--require-secure-transport", description = "Refuse clients that do not use TLS.")
    Boolean requireSecureTransport;

    @Option(names = "--read-only", description = "Refuse every write (error 1290).")
    Boolean readOnly;

    @Option(names = "--no-autocommit", description = "Sessions start with autocommit off.")
    Boolean noAutocommit;

    @Option(names = "--read-timeout-millis", description = "How long a client may stay idle (default: 28800000).")
    String readTimeoutMillis;

    @Option(names = "--write-timeout-millis", description = "How long a client may read nothing of a result before "
            + "it is disconnected (default: 60000; 0 = forever).")
    String writeTimeoutMillis;

    @Option(names = "--wait-timeout", description = "Seconds an idle client may stay connected (0 = forever); "
            + "overrides the read timeout for non-interactive clients.")
    Long waitTimeout;

    @Option(names = "--interactive-timeout", description = "The same for interactive clients.")
    Long interactiveTimeout;

    @Option(names = "--max-allowed-packet", description = "Largest client packet in bytes (default: 67108864).")
    String maxAllowedPacket;

    @Option(names = "--log-level", description = "error, warn, info (default), debug (logs every query), trace.")
    String logLevel;

    @Option(names = "--long-query-time", description = "Seconds after which a statement is logged as slow "
            + "(default: 10).")
    String longQueryTime;

    @Option(names = "--shutdown-timeout", description = "Seconds running statements may take to finish on SIGTERM "
            + "(default: 30).")
    String shutdownTimeout;

    @Option(names = "--remotesapi-port", description = "Serve the HTTP remotes API (clone/fetch/push "
            + "http://host:port/<db>) on this port.")
    String remotesApiPort;

    @Option(names = "--remotesapi-read-only", description = "Refuse pushes through the remotes API.")
    Boolean remotesApiReadOnly;

    @Override
    public Integer call() throws Exception {
        ServerConfig config;
        try {
            config = settings().toServerConfig();
            if (waitTimeout != null || interactiveTimeout != null) {
                config = config.withTimeouts(waitTimeout != null ? waitTimeout : config.waitTimeoutSeconds(),
                        interactiveTimeout != null ? interactiveTimeout : config.interactiveTimeoutSeconds());
            }
        } catch (ConfigException e) {
            System.err.println("scion sql-server: " + e.getMessage());
            return 1;
        }
        return serve(config);
    }

    /** The config file, then the environment, then the flags. */
    private ConfigValues settings() {
        ConfigValues file = configFile == null ? new ConfigValues() : ConfigFile.read(configFile);
        ConfigValues env = new ConfigValues().setIfGiven(ConfigKey.USER_PASSWORD, System.getenv(PASSWORD_ENV));
        ConfigValues flags = new ConfigValues()
                .setIfGiven(ConfigKey.HOST, host)
                .setIfGiven(ConfigKey.PORT, port)
                .setIfGiven(ConfigKey.DATA_DIR, dataDir)
                .setIfGiven(ConfigKey.MAX_CONNECTIONS, maxConnections)
                .setIfGiven(ConfigKey.USER_NAME, rootUser)
                .setIfGiven(ConfigKey.USER_PASSWORD, rootPassword)
                .setIfGiven(ConfigKey.TLS_CERT, tlsCert)
                .setIfGiven(ConfigKey.TLS_KEY, tlsKey)
                .setIfGiven(ConfigKey.REQUIRE_SECURE_TRANSPORT, requireSecureTransport)
                .setIfGiven(ConfigKey.READ_ONLY, readOnly)
                .setIfGiven(ConfigKey.AUTOCOMMIT, noAutocommit == null ? null : !noAutocommit)
                .setIfGiven(ConfigKey.READ_TIMEOUT, readTimeoutMillis)
                .setIfGiven(ConfigKey.WRITE_TIMEOUT, writeTimeoutMillis)
                .setIfGiven(ConfigKey.MAX_ALLOWED_PACKET, maxAllowedPacket)
                .setIfGiven(ConfigKey.LOG_LEVEL, logLevel)
                .setIfGiven(ConfigKey.LONG_QUERY_TIME, longQueryTime)
                .setIfGiven(ConfigKey.SHUTDOWN_TIMEOUT, shutdownTimeout)
                .setIfGiven(ConfigKey.REMOTESAPI_PORT, remotesApiPort)
                .setIfGiven(ConfigKey.REMOTESAPI_READ_ONLY, remotesApiReadOnly);
        ConfigValues all = file.overriddenBy(env).overriddenBy(flags);
        all.<String>get(ConfigKey.LOG_LEVEL).ifPresent(LogLevels::apply);
        return all;
    }

    private int serve(ServerConfig config) throws InterruptedException {
        TermSignals signals = TermSignals.install();
        ScionServer server;
        try {
            server = new ScionServer(config);
            // CLI commands run from the served directories come in through this procedure
            ScionCliProcedure.register(server.engine());
            server.start();
        } catch (RuntimeException e) {
            System.err.println("scion sql-server: " + e.getMessage());
            return 1;
        }
        Path served = config.dataDir().toAbsolutePath().normalize();
        try {
            // lets CLI commands refused by the store lock find this server and go through it
            new ServerAddress(config.host(), server.port(), ProcessHandle.current().pid()).write(served);
        } catch (java.io.IOException e) {
            System.err.println("scion sql-server: cannot record the server address in " + served + ": "
                    + e.getMessage());
        }
        // a JVM exit not caused by a signal (System.exit elsewhere) still closes the stores
        Thread hook = new Thread(() -> stop(server, served), "scion-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("Scion server listening on " + config.host() + ":" + server.port() + " (data directory "
                + served + ")");
        System.out.println("Databases: " + (server.databases().isEmpty() ? "(none)"
                : String.join(", ", server.databases())));
        if (server.remotesApiPort() >= 0) {
            System.out.println("Remotes API listening on " + config.host() + ":" + server.remotesApiPort());
        }
        if (config.readOnly()) {
            System.out.println("Read-only: writes are refused");
        }
        System.out.flush();
        String signal = signals.await();
        System.out.println("Received SIG" + signal + ": shutting down");
        System.out.flush();
        stop(server, served);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        System.out.println("Scion server stopped");
        System.out.flush();
        return 0;
    }

    private static void stop(ScionServer server, Path served) {
        ServerAddress.remove(served);
        server.close();
    }
}
