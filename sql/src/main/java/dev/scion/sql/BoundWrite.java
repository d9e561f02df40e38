package dev.scion.sql;

import dev.scion.sql.dml.PreparedWrite;
import dev.scion.sql.frontend.ParameterBinder;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One execution of a prepared one-row write: its statement already bound ({@link PreparedWrite.Bound}), which the
 * write fast path runs as is, and its bound text, made only when the statement takes the usual path or someone asks
 * what the session runs (SHOW PROCESSLIST). Binding the text costed a prepared INSERT about 5% of its CPU.
 */
final class BoundWrite implements Supplier<String> {
    private static final LongAdder TEXTS_MADE = new LongAdder();

    private final String template;
    private final Object[] parameters;
    private final PreparedWrite.Bound statement;
    /** Made once on demand; a race between threads asking makes the same text twice, which is harmless. */
    private String text;

    BoundWrite(String template, Object[] parameters, PreparedWrite.Bound statement) {
        this.template = template;
        this.parameters = parameters;
        this.statement = statement;
    }

    PreparedWrite.Bound statement() {
        return statement;
    }

    /** The bound text, as the text protocol would have sent it (the template has no trailing semicolon). */
    @Override
    public String get() {
        String t = text;
        if (t == null) {
            TEXTS_MADE.increment();
            t = ParameterBinder.bind(template, parameters).stripTrailing();
            text = t;
        }
        return t;
    }

    /** How many prepared writes' texts were made in this process: an operation count for regression checks. */
    static long textsMade() {
        return TEXTS_MADE.sum();
    }
}
