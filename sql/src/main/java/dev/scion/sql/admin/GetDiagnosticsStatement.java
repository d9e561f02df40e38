package dev.scion.sql.admin;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.routine.DiagnosticsArea;
import dev.scion.sql.routine.GetDiagnostics;
import dev.scion.sql.session.Session;

import java.util.List;

/**
 * GET DIAGNOSTICS outside a stored program: reads the previous statement's conditions into user variables. There
 * is no handler here, so GET STACKED DIAGNOSTICS is 1887, and a target that is no user variable is 1327.
 */
final class GetDiagnosticsStatement implements AdminStatement {
    private final GetDiagnostics statement;

    GetDiagnosticsStatement(String sql) {
        this.statement = GetDiagnostics.parse(sql);
    }

    @Override
    public StatementResult execute(Session session) {
        if (statement.stacked()) {
            throw new SqlError(ErrorCode.GET_STACKED_DA_WITHOUT_ACTIVE_HANDLER,
                    "GET STACKED DIAGNOSTICS when handler not active");
        }
        for (GetDiagnostics.Item item : statement.items()) {
            if (userVariable(item.target()) == null) {
                throw new SqlError(ErrorCode.SP_UNDECLARED_VAR, "Undeclared variable: " + item.target());
            }
        }
        String n = statement.conditionNumber();
        Object condition = n == null ? null : n.startsWith("@") ? session.userVariable(userVariable(n))
                : n.chars().allMatch(Character::isDigit) ? Long.parseLong(n) : undeclared(n);
        List<Object> values = statement.values(DiagnosticsArea.current(session), condition);
        for (int i = 0; i < values.size(); i++) {
            session.setUserVariable(userVariable(statement.items().get(i).target()), values.get(i));
        }
        return new StatementResult.Update(0, 0, 0, null);
    }

    private static Object undeclared(String name) {
        throw new SqlError(ErrorCode.SP_UNDECLARED_VAR, "Undeclared variable: " + name);
    }

    /** The name of user variable {@code @name} (plain, back-quoted or single-quoted), or null for another target. */
    private static String userVariable(String target) {
        if (!target.startsWith("@") || target.startsWith("@@")) {
            return null;
        }
        String name = target.substring(1);
        return name.startsWith("'") ? Identifiers.unquoteString(name) : Identifiers.unquote(name);
    }
}
