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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code scion sql-server}: serve a data directory over the MySQL protocol until SIGTERM (or SIGINT). Settings come
 * from the YAML file of {@code --config}, then the environment ({@value #PASSWORD_ENV}), then flags, each later
 * one overriding; docs/server-config.md describes them.
 */
@Command(name = "sql-server", description = "Start a MySQL-compatible server for the databases in a data directory.",
        modelTransformer = ServerFlag.Declare.class)
public final class SqlServerCommand implements Callable<Integer> {
    /** The root password from the environment, so it need not appear in a process listing or a file. */
    public static final String PASSWORD_ENV = "SCION_ROOT_PASSWORD";

    @Option(names = "--config", description = "YAML config file (see docs/server-config.md); flags override it.")
    Path configFile;

    @Option(names = "--wait-timeout", description = "Seconds an idle client may stay connected (0 = forever); "
            + "overrides the read timeout for non-interactive clients.")
    Long waitTimeout;

    @Option(names = "--interactive-timeout", description = "The same for interactive clients.")
    Long interactiveTimeout;

    /** The flags that set config keys ({@link ServerFlag}), declared on this command by its model transformer. */
    @Spec
    CommandSpec spec;

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

    /** The configured log_level, which @@dolt_log_level starts from. */
    private String logLevel = "info";

    /** The config file, then the environment, then the flags. */
    private ConfigValues settings() {
        ConfigValues file = configFile == null ? new ConfigValues() : ConfigFile.read(configFile);
        ConfigValues env = new ConfigValues().setIfGiven(ConfigKey.USER_PASSWORD, System.getenv(PASSWORD_ENV));
        ConfigValues flags = ServerFlag.given(spec);
        ConfigValues all = file.overriddenBy(env).overriddenBy(flags);
        all.<String>get(ConfigKey.LOG_LEVEL).ifPresent(level -> {
            LogLevels.apply(level);
            logLevel = level;
        });
        return all;
    }

    private int serve(ServerConfig config) throws InterruptedException {
        TermSignals signals = TermSignals.install();
        ScionServer server;
        try {
            server = new ScionServer(config);
            // SET GLOBAL dolt_log_level changes the server's logging as Dolt's does; a persisted value (SET
            // PERSIST) wins over the configured one, as mysqld-auto.cnf wins over my.cnf
            if (!server.engine().hasGlobalVariable("dolt_log_level")) {
                server.engine().setGlobalVariable("dolt_log_level", logLevel);
            }
            server.engine().logLevelSink(LogLevels::apply);
            LogLevels.apply(String.valueOf(server.engine().globalVariable("dolt_log_level")));
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
