package dev.scion.sql.admin;

import dev.scion.sql.expr.Values;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.session.SystemVariables;

import java.util.ArrayList;
import java.util.List;

/** SHOW VARIABLES [LIKE pattern]. */
final class ShowVariables implements AdminStatement {
    private final String like;

    ShowVariables(String like) {
        this.like = like;
    }

    @Override
    public StatementResult execute(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (String name : SystemVariables.defaults().keySet()) {
            if (like == null || Identifiers.likePattern(like).matcher(name).matches()) {
                Object v = session.variable(name);
                rows.add(new Object[] {name, v == null ? "" : Values.toStringValue(v)});
            }
        }
        return new StatementResult.Rows(List.of(ResultColumn.text("Variable_name"), ResultColumn.text("Value")),
                RowStream.of(rows));
    }
}
