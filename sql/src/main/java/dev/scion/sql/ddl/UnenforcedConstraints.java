package dev.scion.sql.ddl;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.session.Session;

/**
 * FOREIGN KEY definitions are accepted, so that schemas and dump files load, but the schema model does
 * not store them yet and DML does not enforce them. Each statement that declares some says so with a warning,
 * rather than dropping them silently.
 */
final class UnenforcedConstraints {
    private UnenforcedConstraints() {
    }

    static void note(Session session, int foreignKeys) {
        if (foreignKeys > 0) {
            session.addWarning(ErrorCode.NOT_SUPPORTED_YET.code(), "This version of Scion doesn't yet enforce "
                    + "FOREIGN KEY constraints: " + foreignKeys + " declared, not stored");
        }
    }
}
