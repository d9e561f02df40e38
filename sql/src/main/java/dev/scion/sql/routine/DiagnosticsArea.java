package dev.scion.sql.routine;

import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/**
 * What GET DIAGNOSTICS reads: the conditions (errors, warnings, notes) the previous statement raised and its
 * row count. The current area is the session's; a handler also has the stacked one, fixed when it began.
 */
public record DiagnosticsArea(List<Session.Warning> conditions, long rowCount) {
    /** The session's area as it stands. */
    public static DiagnosticsArea current(Session session) {
        return new DiagnosticsArea(List.copyOf(session.warnings()), session.counts().rowCount());
    }

    /**
     * The area a handler for {@code handled} sees when it begins: the conditions raised so far, the handled
     * error first (the one {@code CONDITION 1} names in MySQL's handlers).
     */
    public static DiagnosticsArea handling(Session session, SqlError handled) {
        List<Session.Warning> conditions = new ArrayList<>();
        conditions.add(new Session.Warning("Error", handled.code(), handled.getMessage(), handled.sqlState()));
        for (Session.Warning w : session.warnings()) {
            boolean same = w.level().equals("Error") && w.code() == handled.code()
                    && w.message().equals(handled.getMessage());
            if (!same) {
                conditions.add(w);
            }
        }
        return new DiagnosticsArea(List.copyOf(conditions), session.counts().rowCount());
    }
}
