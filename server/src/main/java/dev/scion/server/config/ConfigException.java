package dev.scion.server.config;

/** A configuration the server must not start with: an unknown key, a bad value, an unreadable file. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
