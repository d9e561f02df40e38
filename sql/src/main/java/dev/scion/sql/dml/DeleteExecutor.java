package dev.scion.sql.dml;

import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlDelete;

import java.util.List;

/** DELETE: reads the matching rows from the snapshot and removes them. */
public final class DeleteExecutor {
    private DeleteExecutor() {
    }

    public static StatementResult execute(Session session, SqlDelete delete, String sql) {
        TableTarget target = TableTarget.resolve(session, delete.getTargetTable());
        QueryPlanner.Plan plan = QueryPlanner.plan(session, UpdateExecutor.selectRows(delete.getTargetTable(),
                delete.getAlias(), target.value().schema(), List.of(), delete.getCondition()), sql);
        TableEditor editor = target.editor();
        long deleted = 0;
        try (RowStream rows = plan.root().open(new ExecContext(session))) {
            Object[] r;
            while ((r = rows.next()) != null) {
                if (editor.delete(r)) {
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            target.apply(editor);
        }
        return StatementResult.Update.of(deleted);
    }
}
