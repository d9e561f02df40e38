package dev.scion.sql.ddl;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import org.apache.calcite.sql.SqlIdentifier;

import java.util.Optional;

/** A table named by a DDL statement ({@code t} or {@code db.t}), resolved against the session's transaction. */
record TableName(DatabaseState db, String name) {

    static TableName of(Session session, SqlIdentifier id) {
        String table = id.names.get(id.names.size() - 1);
        DatabaseState db = id.names.size() > 1 ? session.database(id.names.get(id.names.size() - 2))
                : session.current();
        return new TableName(db, table);
    }

    TableName requireWritable() {
        if (db.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + db.name() + "' is read-only");
        }
        return this;
    }

    /** The name the table is stored under (table names match case-insensitively), if it exists. */
    Optional<String> stored() {
        return db.workingRoot().resolveName(name);
    }

    boolean exists() {
        return stored().isPresent();
    }

    String storedOrThrow() {
        return stored().orElseThrow(() -> SqlError.noSuchTable(db.name(), name));
    }

    TableValue read() {
        RootValue root = db.workingRoot();
        return db.repo().readTable(db.buffer(), root.tableHash(storedOrThrow()));
    }

    /** Installs {@code value} under this name (or the existing stored spelling) in the working root. */
    void write(TableValue value) {
        String key = stored().orElse(name);
        db.setWorkingRoot(db.workingRoot().withTable(key, db.repo().writeTable(db.buffer(), value)));
    }

    String qualified() {
        return db.name() + "." + name;
    }
}
