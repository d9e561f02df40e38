package dev.scion.sql.admin;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.ServerReadOnly;
import dev.scion.sql.session.Session;

import java.util.Optional;

/** DROP DATABASE: moves the database to the data directory's trash, from where it can be recovered. */
final class DropDatabase implements AdminStatement {
    private final String name;
    private final boolean ifExists;

    DropDatabase(String name, boolean ifExists) {
        this.name = name;
        this.ifExists = ifExists;
    }

    @Override
    public StatementResult execute(Session session) {
        ServerReadOnly.refuseWrite(session);
        dev.scion.sql.privilege.AccessChecks.requireDatabase(session, dev.scion.sql.privilege.Privilege.DROP, name);
        Optional<String> canonical = session.engine().dataDirectory().canonicalName(name);
        if (canonical.isEmpty()) {
            if (ifExists) {
                session.addNote(1008, "Can't drop database '" + name + "'; database doesn't exist");
                return StatementResult.ok();
            }
            throw new SqlError(ErrorCode.DB_DROP_EXISTS, "Can't drop database '" + name + "'; database doesn't exist");
        }
        session.engine().dropDatabase(canonical.get());
        session.forgetDatabase(canonical.get());
        return StatementResult.ok();
    }
}
