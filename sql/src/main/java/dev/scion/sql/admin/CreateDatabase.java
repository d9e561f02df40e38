package dev.scion.sql.admin;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.ServerReadOnly;
import dev.scion.sql.session.Session;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.VersioningException;

/** CREATE DATABASE: a new subdirectory of the data directory with an initial commit on main. */
final class CreateDatabase implements AdminStatement {
    private final String name;
    private final boolean ifNotExists;
    private final DatabaseOptions options;

    CreateDatabase(String name, boolean ifNotExists, DatabaseOptions options) {
        this.name = name;
        this.ifNotExists = ifNotExists;
        this.options = options;
    }

    @Override
    public StatementResult execute(Session session) {
        ServerReadOnly.refuseWrite(session);
        dev.scion.sql.privilege.AccessChecks.requireDatabase(session, dev.scion.sql.privilege.Privilege.CREATE, name);
        DataDirectory dir = session.engine().dataDirectory();
        if (dir.canonicalName(name).isPresent() || dev.scion.sql.privilege.MysqlDatabase.isName(name)
                || dev.scion.sql.catalog.InformationSchema.isName(name)) {
            if (ifNotExists) {
                session.addNote(1007, "Can't create database '" + name + "'; database exists");
                return StatementResult.Update.of(1); // MySQL reports the row it would have created, with the note
            }
            throw new SqlError(ErrorCode.DB_CREATE_EXISTS, "Can't create database '" + name + "'; database exists");
        }
        if (!DataDirectory.isValidName(name)) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect database name '" + name + "'");
        }
        String collation = options.resolve(null); // unknown names fail before anything is created
        try {
            var repo = dir.create(name, session.engine().author(session));
            if (collation != null) {
                repo.setDatabaseCollation(collation);
            }
        } catch (VersioningException e) {
            throw new SqlError(ErrorCode.DB_CREATE_EXISTS, e.getMessage(), e);
        }
        return StatementResult.Update.of(1);
    }
}
