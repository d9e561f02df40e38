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
                : session.findDatabase(name).map(s -> new Named<Schema>(name, new DatabaseSchema(session, s)))
                        .orElse(null),
                () -> new HashSet<>(session.engine().dataDirectory().names()));
    }

    Set<String> names() {
        return new HashSet<>(session.engine().dataDirectory().names());
    }
}
