package dev.scion.sql.plan;

import dev.scion.sql.session.Session;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.HashSet;
import java.util.Set;

/** The root schema of one query: every database (and revision) the session can name, resolved lazily. */
public final class SessionSchema extends AbstractSchema {
    private final Session session;

    public SessionSchema(Session session) {
        this.session = session;
    }

    @Override
    public Lookup<? extends Schema> subSchemas() {
        return new NameLookup<Schema>(name -> dev.scion.sql.catalog.InformationSchema.isName(name)
                ? new Named<Schema>(dev.scion.sql.catalog.InformationSchema.NAME,
                        new dev.scion.sql.catalog.InformationSchema())
                : dev.scion.sql.privilege.MysqlDatabase.isName(name) && session.findDatabase(name).isEmpty()
                ? new Named<Schema>(dev.scion.sql.privilege.MysqlDatabase.NAME,
                        new dev.scion.sql.privilege.MysqlDatabase())
                : database(name),
                () -> new HashSet<>(session.engine().dataDirectory().names()));
    }

    /**
     * The database or revision of that name; a revision the database lacks ({@code `db/nobranch`.t}) is 1049
     * "database not found: db/nobranch", as in Dolt, rather than a table missing from the current database.
     */
    private Named<Schema> database(String name) {
        var state = session.findDatabase(name);
        if (state.isEmpty()) {
            var revision = dev.scion.sql.catalog.RevisionName.parse(name);
            if (revision.revision() != null
                    && session.engine().dataDirectory().canonicalName(revision.database()).isPresent()) {
                session.database(name);
            }
            return null;
        }
        return new Named<>(name, new DatabaseSchema(session, state.get()));
    }

    Set<String> names() {
        return new HashSet<>(session.engine().dataDirectory().names());
    }
}
