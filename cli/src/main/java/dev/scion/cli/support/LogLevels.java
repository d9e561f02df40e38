package dev.scion.cli.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies the server's log_level to Logback: the root logger and Scion's own loggers. */
public final class LogLevels {
    private LogLevels() {
    }

    public static void apply(String level) {
        Level l = Level.toLevel(level, Level.INFO);
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(l);
        }
        if (LoggerFactory.getLogger("dev.scion") instanceof Logger scion) {
            scion.setLevel(l);
        }
    }
}
