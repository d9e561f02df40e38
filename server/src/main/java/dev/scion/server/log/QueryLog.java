package dev.scion.server.log;

import dev.scion.sql.SqlEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Per-statement logging: every statement at DEBUG on logger {@value #QUERY_LOGGER} (MySQL's general log), and
 * statements that took longer than {@code @@GLOBAL.long_query_time} seconds at WARN on {@value #SLOW_LOGGER}
 * (the slow-query log). Route either to its own file with an ordinary Logback appender. The text is always
 * passed through {@link SecretRedactor} first.
 */
public final class QueryLog {
    public static final String QUERY_LOGGER = "dev.scion.query";
    public static final String SLOW_LOGGER = "dev.scion.slowquery";
    private static final Logger QUERIES = LoggerFactory.getLogger(QUERY_LOGGER);
    private static final Logger SLOW = LoggerFactory.getLogger(SLOW_LOGGER);
    /** Long statements (a big INSERT) are cut, so one statement cannot flood the log. */
    private static final int MAX_LOGGED_CHARS = 4096;

    private final SqlEngine engine;

    public QueryLog(SqlEngine engine) {
        this.engine = engine;
    }

    /** Records one statement (or multi-statement text) that took {@code nanos}; {@code error} null on success. */
    public void record(long connectionId, String user, String database, String sql, long nanos, String error) {
        boolean slow = nanos > thresholdNanos();
        if (!slow && !QUERIES.isDebugEnabled()) {
            return;
        }
        String text = shorten(dev.scion.sql.privilege.SecretRedactor.redact(sql));
        String millis = String.format(Locale.ROOT, "%.3f", nanos / 1e6);
        String outcome = error == null ? "ok" : "error " + error;
        QUERIES.debug("conn={} user={} db={} time_ms={} {}: {}", connectionId, user, database, millis, outcome, text);
        if (slow) {
            SLOW.warn("slow query: conn={} user={} db={} time_ms={} {}: {}", connectionId, user, database, millis,
                    outcome, text);
        }
    }

    private long thresholdNanos() {
        Object v = engine.globalVariable("long_query_time");
        try {
            double seconds = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
            return (long) (seconds * 1e9);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String shorten(String s) {
        String oneLine = s.strip();
        return oneLine.length() <= MAX_LOGGED_CHARS ? oneLine
                : oneLine.substring(0, MAX_LOGGED_CHARS) + "... (" + oneLine.length() + " chars)";
    }
}
