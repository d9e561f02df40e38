package dev.scion.sql.admin;

import dev.scion.sql.catalog.Charsets;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.Views;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.List;

/** SHOW CREATE VIEW v: the stored CREATE VIEW statement. */
final class ShowCreateView implements AdminStatement {
    private final String database;
    private final String view;

    ShowCreateView(String database, String view) {
        this.database = database;
        this.view = view;
    }

    static ShowCreateView of(String qualified) {
        String[] parts = TableLookup.split(qualified);
        return new ShowCreateView(parts[0], parts[1]);
    }

    /**
     * MySQL shows the stored text of a view whose tables are gone, with warning 1356: the view is planned to find
     * out, and any failure but one naming a missing table is left to the statements that read the view.
     */
    private void warnIfInvalid(Session session, DatabaseState db) {
        try {
            ViewColumns.ofView(session, db, view);
        } catch (SqlError e) {
            if (e.errorCode() == ErrorCode.VIEW_INVALID || e.errorCode() == ErrorCode.NO_SUCH_TABLE) {
                SqlError invalid = dev.scion.sql.frontend.ViewExpander.Expansion.invalid(db.name() + "." + view);
                session.addWarning(invalid.code(), invalid.getMessage());
            }
        }
    }

    @Override
    public StatementResult execute(Session session) {
        DatabaseState db = database == null ? session.current() : session.database(database);
        String definition = Views.definition(db, view).orElse(null);
        if (definition == null) {
            if (db.workingRoot().resolveName(view).isPresent()) {
                throw new SqlError(ErrorCode.WRONG_OBJECT, "'" + db.name() + "." + view + "' is not VIEW");
            }
            throw SqlError.noSuchTable(db.name(), view);
        }
        warnIfInvalid(session, db);
        return ShowFilter.NONE.result(session, List.of("View", "Create View", "character_set_client",
                "collation_connection"), List.<Object[]>of(new Object[] {view, ShowCreateTable.shownQuoting(session, definition),
                    Charsets.DEFAULT_CHARSET, Charsets.DEFAULT_COLLATION}));
    }
}
