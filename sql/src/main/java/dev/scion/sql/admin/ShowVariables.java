package dev.scion.sql.admin;

import dev.scion.sql.expr.Values;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.session.SystemVariables;

import java.util.ArrayList;
import java.util.List;

/** SHOW [GLOBAL | SESSION] VARIABLES [LIKE | WHERE]. */
final class ShowVariables implements AdminStatement {
    private final ShowFilter filter;

    ShowVariables(ShowFilter filter) {
        this.filter = filter;
    }

    @Override
    public StatementResult execute(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (String name : SystemVariables.defaults().keySet()) {
            Object v = session.variable(name);
            rows.add(new Object[] {name, v == null ? "" : Values.toStringValue(v)});
        }
        return filter.result(session, List.of("Variable_name", "Value"), rows);
    }
}
