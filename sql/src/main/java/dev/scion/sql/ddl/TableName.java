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

    /** The table {@code id} names for this session: its temporary table of that name first, else the base table. */
    static TableName of(Session session, SqlIdentifier id) {
        TableName base = base(session, id);
        return new TableName(session.temporaryTables().resolve(base.db(), base.name()), base.name());
    }

    /** The base (versioned) table {@code id} names, passing over any temporary table of that name. */
    static TableName base(Session session, SqlIdentifier id) {
        String table = id.names.get(id.names.size() - 1);
        DatabaseState db = id.names.size() > 1 ? session.database(id.names.get(id.names.size() - 2))
                : session.current();
        return new TableName(db, table);
    }

    /** The temporary table {@code id} names, in the home of the session's temporary tables of that database. */
    static TableName temporary(Session session, SqlIdentifier id) {
        TableName base = base(session, id);
        return new TableName(session.temporaryTables().homeOf(base.db()), base.name());
    }

    /** The session's temporary table {@code id} names, if it has one (DROP TEMPORARY TABLE never reaches others). */
    static Optional<TableName> temporaryIfAny(Session session, SqlIdentifier id) {
        TableName base = base(session, id);
        return session.temporaryTables().shadowing(base.db(), base.name())
                .map(home -> new TableName(home, base.name()));
    }

    boolean isTemporary() {
        return db.isTemporary();
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
