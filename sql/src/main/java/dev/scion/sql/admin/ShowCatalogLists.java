package dev.scion.sql.admin;

import dev.scion.sql.catalog.Charsets;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.List;

/** The fixed lists: SHOW CHARACTER SET, SHOW COLLATION, SHOW ENGINES, SHOW GRANTS. */
final class ShowCatalogLists {
    private ShowCatalogLists() {
    }

    static AdminStatement characterSets(ShowFilter filter) {
        return session -> filter.result(session, List.of("Charset", "Description", "Default collation", "Maxlen"),
                Charsets.CHARSETS.stream().map(c -> new Object[] {c.name(), c.description(), c.defaultCollation(),
                    c.maxLength()}).toList());
    }

    static AdminStatement collations(ShowFilter filter) {
        return session -> filter.result(session, List.of("Collation", "Charset", "Id", "Default", "Compiled",
                        "Sortlen", "Pad_attribute"),
                Charsets.COLLATIONS.stream().map(c -> new Object[] {c.name(), c.charset(), c.id(),
                    c.isDefault() ? "Yes" : "", "Yes", 1L, c.padAttribute()}).toList());
    }

    static AdminStatement engines() {
        return session -> ShowFilter.NONE.result(session, List.of("Engine", "Support", "Comment", "Transactions",
                "XA", "Savepoints"), List.<Object[]>of(dev.scion.sql.catalog.ServerInfoSchemaTables.engineRow()));
    }

    /** SHOW GRANTS [FOR user]: Scion has one privilege level, so every account holds every privilege. */
    static StatementResult empty(Session session, List<String> columns) {
        return ShowFilter.NONE.result(session, columns, List.of());
    }
}
