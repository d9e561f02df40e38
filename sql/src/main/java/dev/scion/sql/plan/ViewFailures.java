package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.ViewExpander;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlNode;

/**
 * Tells a statement's own planning failure from one inside a view it reads. MySQL reports a view whose query no
 * longer resolves, because a table it reads or a column it names is gone, as 1356 naming the view; the same
 * error about the statement's own text (a column the view does not have) stays as it is.
 */
public final class ViewFailures {
    private ViewFailures() {
    }

    /** {@code e}, or 1356 for the view it comes from when a view's query fails on a missing table or column. */
    public static SqlError explain(Session session, ViewExpander.Expansion views, SqlError e) {
        SqlError explained = views.explain(e);
        if (explained != e || e.errorCode() != ErrorCode.BAD_FIELD) {
            return explained;
        }
        for (String view : views.views()) {
            if (unknownColumnInside(session, view)) {
                return ViewExpander.Expansion.invalid(view);
            }
        }
        return e;
    }

    /** Whether reading all of view {@code qualified} ({@code db.view}) alone fails on an unknown column. */
    private static boolean unknownColumnInside(Session session, String qualified) {
        int dot = qualified.indexOf('.');
        String sql = "SELECT * FROM " + quoted(qualified.substring(0, dot)) + "." + quoted(qualified.substring(dot + 1));
        SqlNode query = StatementReader.statement(sql);
        ViewExpander.expand(session, query);
        try {
            QueryPlanner.plan(session, query, sql);
            return false;
        } catch (SqlError inside) {
            return inside.errorCode() == ErrorCode.BAD_FIELD;
        }
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
