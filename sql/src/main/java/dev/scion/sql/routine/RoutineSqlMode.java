package dev.scion.sql.routine;

import dev.scion.sql.session.Session;

import java.util.function.Supplier;

/**
 * Runs a stored routine's body under the sql_mode recorded when it was created, as MySQL does, and gives the caller
 * its own mode back afterwards (a SET sql_mode inside the body ends with it too).
 */
final class RoutineSqlMode {
    private RoutineSqlMode() {
    }

    /** {@code body} run with sql_mode {@code mode}; as it is when {@code mode} is null (not recorded). */
    static <T> T run(Session session, String mode, Supplier<T> body) {
        if (mode == null) {
            return body.get();
        }
        Object own = session.variable("sql_mode");
        session.setVariable("sql_mode", mode);
        try {
            return body.get();
        } finally {
            session.setVariable("sql_mode", own);
        }
    }
}
