package dev.scion.sql;

import dev.scion.sql.frontend.ParameterBinder;
import dev.scion.sql.plan.cache.PreparedShape;

import java.util.function.Supplier;

/**
 * One execution of a prepared SELECT: its shape and bound values, from which the plan cache finds its plan, and its
 * bound text, made only when the statement takes the usual path or someone asks what the session runs.
 */
final class BoundRead implements Supplier<String> {
    private final PreparedShape shape;
    private final String template;
    private final Object[] parameters;
    /** Made once on demand; a race between threads asking makes the same text twice, which is harmless. */
    private String text;

    BoundRead(PreparedShape shape, String template, Object[] parameters) {
        this.shape = shape;
        this.template = template;
        this.parameters = parameters;
    }

    PreparedShape shape() {
        return shape;
    }

    Object[] parameters() {
        return parameters;
    }

    /** The bound text, as the text protocol would have sent it. */
    @Override
    public String get() {
        String t = text;
        if (t == null) {
            t = ParameterBinder.bind(template, parameters);
            text = t;
        }
        return t;
    }
}
