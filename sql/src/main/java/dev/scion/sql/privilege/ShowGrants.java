package dev.scion.sql.privilege;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SHOW GRANTS [FOR user]: one GRANT statement per scope, the global one (USAGE when empty) first. Another
 * account's grants need SELECT on the mysql database.
 */
final class ShowGrants implements AdminStatement {
    private final AccountStatementParser.UserSpec user;

    ShowGrants(AccountStatementParser.UserSpec user) {
        this.user = user;
    }

    @Override
    public StatementResult execute(Session session) {
        Account target = user.resolve(session);
        boolean own = session.access().account().map(target::equals).orElse(user.currentUser());
        if (!own) {
            AccessChecks.requireDatabase(session, Privilege.SELECT, MysqlDatabase.NAME);
        }
        Optional<AccountRecord> found = session.engine().accounts().find(target);
        String to = " TO `" + target.user() + "`@`" + target.host() + "`";
        List<Object[]> rows = new ArrayList<>();
        if (found.isEmpty()) {
            if (!(own && session.access().account().isEmpty())) {
                throw new SqlError(ErrorCode.NONEXISTING_GRANT, "There is no such grant defined for user '"
                        + target.user() + "' on host '" + target.host() + "'");
            }
            // an in-process session (CLI) is not an account and may do everything
            rows.add(new Object[] {"GRANT ALL PRIVILEGES ON *.*" + to + " WITH GRANT OPTION"});
        } else {
            AccountRecord r = found.get();
            rows.add(line(GrantScope.GLOBAL, r.at(GrantScope.GLOBAL), to));
            r.grants().forEach((scope, held) -> {
                if (scope.level() != Privilege.Level.GLOBAL) {
                    rows.add(line(scope, held, to));
                }
            });
        }
        return new StatementResult.Rows(List.of(ResultColumn.text("Grants for " + target.plain())),
                RowStream.of(rows));
    }

    private static Object[] line(GrantScope scope, Set<Privilege> held, String to) {
        return new Object[] {"GRANT " + GrantStatement.privilegeText(scope, held) + " ON " + scope.sql() + to
                + (held.contains(Privilege.GRANT_OPTION) ? " WITH GRANT OPTION" : "")};
    }
}
