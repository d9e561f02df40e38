package dev.scion.sql;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.List;

/**
 * A procedure the program hosting the engine adds to CALL (the scion CLI's sql-server adds {@code scion_cli},
 * through which CLI commands run when the server holds the data directory's lock). It checks its own privileges.
 */
@FunctionalInterface
public interface HostProcedure {
    StatementResult call(Session session, List<String> args);
}
