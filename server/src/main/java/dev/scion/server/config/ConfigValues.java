package dev.scion.server.config;

import dev.scion.server.ServerConfig;
import dev.scion.versioning.gc.AutoGarbageCollector;
import dev.scion.wire.WireConfig;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Settings given so far (by the file, the environment or flags), each checked by its {@link ConfigKey}. */
public final class ConfigValues {
    private final Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);

    /** Sets a key from its text or YAML scalar; a bad value throws {@link ConfigException} naming the key. */
    public ConfigValues set(ConfigKey key, Object raw) {
        values.put(key, key.parse(raw));
        return this;
    }

    /** Sets the key when {@code raw} is not null (a flag that was given). */
    public ConfigValues setIfGiven(ConfigKey key, Object raw) {
        if (raw != null) {
            set(key, raw);
        }
        return this;
    }

    /** Later values win: {@code file.overriddenBy(flags)}. */
    public ConfigValues overriddenBy(ConfigValues other) {
        ConfigValues out = new ConfigValues();
        out.values.putAll(values);
        out.values.putAll(other.values);
        return out;
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(ConfigKey key) {
        return Optional.ofNullable((T) values.get(key));
    }

    public boolean has(ConfigKey key) {
        return values.containsKey(key);
    }

    /** The server settings: every key not given takes its default (MySQL's where MySQL has one). */
    public ServerConfig toServerConfig() {
        if (has(ConfigKey.TLS_CERT) != has(ConfigKey.TLS_KEY)) {
            throw new ConfigException(has(ConfigKey.TLS_CERT) ? "listener.tls_cert is set but listener.tls_key is not"
                    : "listener.tls_key is set but listener.tls_cert is not");
        }
        String host = this.<String>get(ConfigKey.HOST).orElse(ServerConfig.DEFAULT_HOST);
        int port = this.<Integer>get(ConfigKey.PORT).orElse(ServerConfig.DEFAULT_PORT);
        Path dataDir = this.<Path>get(ConfigKey.DATA_DIR).orElse(ServerConfig.defaultDataDir());
        int maxConnections = this.<Integer>get(ConfigKey.MAX_CONNECTIONS).orElse(ServerConfig.DEFAULT_MAX_CONNECTIONS);
        // a read timeout is how long the server waits for a client's next command: MySQL's wait_timeout
        long idleSeconds = this.<Long>get(ConfigKey.READ_TIMEOUT).map(ms -> (ms + 999) / 1000)
                .orElse(WireConfig.DEFAULT_WAIT_TIMEOUT);
        return new ServerConfig(host, port, dataDir, maxConnections,
                this.<String>get(ConfigKey.USER_PASSWORD).orElse(null),
                this.<Path>get(ConfigKey.TLS_CERT).orElse(null), this.<Path>get(ConfigKey.TLS_KEY).orElse(null),
                this.<Boolean>get(ConfigKey.REQUIRE_SECURE_TRANSPORT).orElse(false), idleSeconds, idleSeconds,
                this.<Long>get(ConfigKey.MAX_ALLOWED_PACKET).orElse(WireConfig.DEFAULT_MAX_ALLOWED_PACKET),
                this.<Integer>get(ConfigKey.REMOTESAPI_PORT).orElse(ServerConfig.REMOTES_API_OFF),
                this.<Boolean>get(ConfigKey.REMOTESAPI_READ_ONLY).orElse(false),
                this.<String>get(ConfigKey.USER_NAME).orElse(ServerConfig.DEFAULT_ROOT_USER),
                this.<Boolean>get(ConfigKey.READ_ONLY).orElse(false),
                this.<Boolean>get(ConfigKey.AUTOCOMMIT).orElse(true),
                this.<BigDecimal>get(ConfigKey.LONG_QUERY_TIME).map(BigDecimal::doubleValue)
                        .orElse(ServerConfig.DEFAULT_LONG_QUERY_TIME),
                this.<BigDecimal>get(ConfigKey.SHUTDOWN_TIMEOUT).map(BigDecimal::doubleValue)
                        .orElse(ServerConfig.DEFAULT_SHUTDOWN_TIMEOUT),
                this.<Long>get(ConfigKey.WRITE_TIMEOUT).orElse(WireConfig.DEFAULT_WRITE_TIMEOUT_MILLIS),
                new AutoGarbageCollector.Settings(this.<Boolean>get(ConfigKey.AUTO_GC).orElse(true),
                        this.<Long>get(ConfigKey.AUTO_GC_THRESHOLD)
                                .orElse(AutoGarbageCollector.Settings.DEFAULT_THRESHOLD)),
                this.<String>get(ConfigKey.SECURE_FILE_PRIV).orElse(null));
    }
}
