package dev.scion.server.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of {@code scion sql-server}: its dotted path in the YAML file ({@code listener.port} is key
 * {@code port} under {@code listener:}) and how its value is checked. A flag and the file share the key, so both
 * are validated alike and the message names the key either way.
 */
public enum ConfigKey {
    LOG_LEVEL("log_level", Kind.LOG_LEVEL),
    LONG_QUERY_TIME("long_query_time", Kind.SECONDS),
    DATA_DIR("data_dir", Kind.PATH),
    READ_ONLY("behavior.read_only", Kind.BOOLEAN),
    AUTOCOMMIT("behavior.autocommit", Kind.BOOLEAN),
    SHUTDOWN_TIMEOUT("behavior.shutdown_timeout_seconds", Kind.SECONDS),
    AUTO_GC("behavior.auto_gc", Kind.BOOLEAN),
    AUTO_GC_THRESHOLD("behavior.auto_gc_threshold_bytes", Kind.GC_THRESHOLD),
    SECURE_FILE_PRIV("behavior.secure_file_priv", Kind.STRING),
    USER_NAME("user.name", Kind.USER_NAME),
    USER_PASSWORD("user.password", Kind.STRING),
    HOST("listener.host", Kind.STRING),
    PORT("listener.port", Kind.PORT),
    MAX_CONNECTIONS("listener.max_connections", Kind.POSITIVE_INT),
    READ_TIMEOUT("listener.read_timeout_millis", Kind.MILLIS),
    WRITE_TIMEOUT("listener.write_timeout_millis", Kind.MILLIS),
    MAX_ALLOWED_PACKET("listener.max_allowed_packet", Kind.PACKET_SIZE),
    TLS_CERT("listener.tls_cert", Kind.PATH),
    TLS_KEY("listener.tls_key", Kind.PATH),
    REQUIRE_SECURE_TRANSPORT("listener.require_secure_transport", Kind.BOOLEAN),
    REMOTESAPI_PORT("remotesapi.port", Kind.PORT),
    REMOTESAPI_READ_ONLY("remotesapi.read_only", Kind.BOOLEAN);

    /** The sections of the file: keys that hold other keys. */
    static final Set<String> SECTIONS = Set.of("behavior", "user", "listener", "remotesapi");

    private final String path;
    private final Kind kind;

    ConfigKey(String path, Kind kind) {
        this.path = path;
        this.kind = kind;
    }

    public String path() {
        return path;
    }

    public static Optional<ConfigKey> byPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    /**
     * Checks a value (from YAML: String, Number, Boolean; from a flag: its text) and returns it in the key's Java
     * type: String, Path, Integer, Long (millis, bytes), BigDecimal (seconds) or Boolean.
     */
    Object parse(Object raw) {
        if (raw == null) {
            throw bad(null, "a value is required");
        }
        String text = raw.toString().trim();
        return switch (kind) {
            case STRING -> text;
            case USER_NAME -> {
                if (text.isEmpty() || text.length() > 32) {
                    throw bad(text, "a user name of 1 to 32 characters is required");
                }
                yield text;
            }
            case PATH -> {
                if (text.isEmpty()) {
                    throw bad(text, "a path is required");
                }
                yield Path.of(text);
            }
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes", "1" -> Boolean.TRUE;
                case "false", "off", "no", "0" -> Boolean.FALSE;
                default -> throw bad(text, "expected true or false");
            };
            case PORT -> (int) range(text, 0, 65535, "a port number 0..65535 (0: any free port)");
            case POSITIVE_INT -> (int) range(text, 1, 100_000, "a whole number 1..100000");
            case MILLIS -> range(text, 0, 31_536_000_000L, "milliseconds 0..31536000000 (0: no limit)");
            case PACKET_SIZE -> range(text, 1024, 1024L * 1024 * 1024, "bytes 1024..1073741824");
            case GC_THRESHOLD -> range(text, 1024L * 1024, 1L << 50, "bytes 1048576..1125899906842624");
            case SECONDS -> {
                try {
                    BigDecimal s = new BigDecimal(text);
                    if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(31_536_000)) > 0) {
                        throw bad(text, "seconds 0..31536000");
                    }
                    yield s;
                } catch (NumberFormatException e) {
                    throw bad(text, "a number of seconds");
                }
            }
            case LOG_LEVEL -> {
                String level = text.toLowerCase(Locale.ROOT);
                if (!Set.of("error", "warn", "info", "debug", "trace").contains(level)) {
                    throw bad(text, "one of error, warn, info, debug, trace");
                }
                yield level;
            }
        };
    }

    private long range(String text, long min, long max, String expected) {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw bad(text, expected);
        }
        if (v < min || v > max) {
            throw bad(text, expected);
        }
        return v;
    }

    private ConfigException bad(String value, String expected) {
        return new ConfigException("bad value " + (value == null ? "(none)" : "'" + value + "'") + " for " + path
                + ": " + expected);
    }

    enum Kind { STRING, USER_NAME, PATH, BOOLEAN, PORT, POSITIVE_INT, MILLIS, PACKET_SIZE, GC_THRESHOLD, SECONDS, LOG_LEVEL }
}
