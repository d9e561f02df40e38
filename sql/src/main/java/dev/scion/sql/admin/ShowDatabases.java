package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * SHOW DATABASES [LIKE 'pattern' | WHERE expr]: information_schema and every database in the data directory, as seed
 * 001 shows.
 */
final class ShowDatabases implements AdminStatement {
    private final ShowFilter filter;

    ShowDatabases(ShowFilter filter) {
        this.filter = filter;
    }

    @Override
    public StatementResult execute(Session session) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.add("information_schema");
        names.addAll(session.engine().dataDirectory().names());
        names.addAll(dev.scion.sql.dolt.BranchDatabases.names(session));
        List<Object[]> rows = new ArrayList<>();
        for (String n : names) {
            if (!dev.scion.sql.catalog.InformationSchema.isName(n) && !session.access().hasAnyOnDatabase(n)) {
                continue; // MySQL lists only the databases the user holds some privilege on
            }
            rows.add(new Object[] {n});
        }
        return filter.result(session, List.of("Database"), rows);
    }
}
