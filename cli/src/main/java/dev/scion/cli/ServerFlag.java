package dev.scion.cli;

import dev.scion.server.config.ConfigKey;
import dev.scion.server.config.ConfigValues;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The flags of {@code scion sql-server} that set a config key (docs/server-config.md), declared once: each becomes
 * a picocli option (through {@link Declare}, the command's model transformer) and is read back into the flags'
 * {@link ConfigValues} by the same table, so adding a setting is one line here.
 */
enum ServerFlag {
    HOST(ConfigKey.HOST, "<host>", "Address to listen on (default: 127.0.0.1).", "-H", "--host"),
    PORT(ConfigKey.PORT, "<port>", "Port to listen on (default: 3306).", "-P", "--port"),
    DATA_DIR(ConfigKey.DATA_DIR, "<dir>", "Directory holding the databases (default: ~/.scion/data).",
            "--data-dir"),
    MAX_CONNECTIONS(ConfigKey.MAX_CONNECTIONS, "<n>", "Most simultaneous clients (default: 151).",
            "--max-connections"),
    USER(ConfigKey.USER_NAME, "<name>", "Name of the administrator account (default: root).", "--user"),
    ROOT_PASSWORD(ConfigKey.USER_PASSWORD, "<password>", "Password of the administrator (default: "
            + SqlServerCommand.PASSWORD_ENV + ", else none, and it may then only connect from loopback addresses).",
            "--root-password"),
    TLS_CERT(ConfigKey.TLS_CERT, "<file>", "PEM certificate chain for TLS (default: a self-signed one created "
            + "in the data directory at first start).", "--tls-cert"),
    TLS_KEY(ConfigKey.TLS_KEY, "<file>", "PEM (PKCS#8, unencrypted) private key of --tls-cert.", "--tls-key"),
    REQUIRE_SECURE_TRANSPORT(ConfigKey.REQUIRE_SECURE_TRANSPORT, null, "Refuse clients that do not use TLS.",
            "--require-secure-transport"),
    READ_ONLY(ConfigKey.READ_ONLY, null, "Refuse every write (error 1290).", "--read-only"),
    /** A switch that turns the setting off: autocommit = false. */
    NO_AUTOCOMMIT(ConfigKey.AUTOCOMMIT, null, "Sessions start with autocommit off.", "--no-autocommit"),
    READ_TIMEOUT(ConfigKey.READ_TIMEOUT, "<millis>", "How long a client may stay idle (default: 28800000).",
            "--read-timeout-millis"),
    WRITE_TIMEOUT(ConfigKey.WRITE_TIMEOUT, "<millis>", "How long a client may read nothing of a result before it "
            + "is disconnected (default: 60000; 0 = forever).", "--write-timeout-millis"),
    MAX_ALLOWED_PACKET(ConfigKey.MAX_ALLOWED_PACKET, "<bytes>", "Largest client packet in bytes (default: "
            + "67108864).", "--max-allowed-packet"),
    LOG_LEVEL(ConfigKey.LOG_LEVEL, "<level>", "error, warn, info (default), debug (logs every query), trace.",
            "--log-level"),
    LONG_QUERY_TIME(ConfigKey.LONG_QUERY_TIME, "<seconds>", "Seconds after which a statement is logged as slow "
            + "(default: 10).", "--long-query-time"),
    SHUTDOWN_TIMEOUT(ConfigKey.SHUTDOWN_TIMEOUT, "<seconds>", "Seconds running statements may take to finish on "
            + "SIGTERM (default: 30).", "--shutdown-timeout"),
    NO_AUTO_GC(ConfigKey.AUTO_GC, null, "Never collect garbage by itself (@@scion_auto_gc).", "--no-auto-gc"),
    AUTO_GC_THRESHOLD(ConfigKey.AUTO_GC_THRESHOLD, "<bytes>", "Collect a database's garbage once its files grew "
            + "by this much since the last collection (default: 268435456).", "--auto-gc-threshold"),
    SECURE_FILE_PRIV(ConfigKey.SECURE_FILE_PRIV, "<dir>", "The directory LOAD DATA INFILE may read server files "
            + "from (@@secure_file_priv; empty: any; default: none).", "--secure-file-priv"),
    REMOTESAPI_PORT(ConfigKey.REMOTESAPI_PORT, "<port>", "Serve the HTTP remotes API (clone/fetch/push "
            + "http://host:port/<db>) on this port.", "--remotesapi-port"),
    REMOTESAPI_READ_ONLY(ConfigKey.REMOTESAPI_READ_ONLY, null, "Refuse pushes through the remotes API.",
            "--remotesapi-read-only");

    private final ConfigKey key;
    /** Null for a switch (no value). */
    private final String label;
    private final String description;
    private final String[] names;

    ServerFlag(ConfigKey key, String label, String description, String... names) {
        this.key = key;
        this.label = label;
        this.description = description;
        this.names = names;
    }

    private String longName() {
        return names[names.length - 1];
    }

    /** The flags given on the command line, as config values (validated later with the file's). */
    static ConfigValues given(CommandSpec spec) {
        ConfigValues values = new ConfigValues();
        for (ServerFlag f : values()) {
            Object v = spec.findOption(f.longName()).getValue();
            if ((f == NO_AUTOCOMMIT || f == NO_AUTO_GC) && v != null) {
                v = !((Boolean) v);
            }
            values.setIfGiven(f.key, v);
        }
        return values;
    }

    /** Adds every flag to the sql-server command's model when picocli builds it. */
    public static final class Declare implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            for (ServerFlag f : ServerFlag.values()) {
                OptionSpec.Builder b = OptionSpec.builder(f.names).description(f.description);
                if (f.label == null) {
                    b.type(Boolean.class).arity("0");
                } else {
                    b.type(String.class).paramLabel(f.label);
                }
                spec.addOption(b.build());
            }
            return spec;
        }
    }
}
