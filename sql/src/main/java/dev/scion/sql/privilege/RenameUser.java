package dev.scion.sql.privilege;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/** RENAME USER a TO b [, ...]: the account keeps its password and grants; fails if a is missing or b exists. */
final class RenameUser implements AdminStatement {
    private final List<AccountStatementParser.UserSpec[]> pairs;

    RenameUser(List<AccountStatementParser.UserSpec[]> pairs) {
        this.pairs = pairs;
    }

    @Override
    public StatementResult execute(Session session) {
        AccessChecks.requireGlobal(session, Privilege.CREATE_USER);
        List<Account> failed = new ArrayList<>();
        session.engine().accounts().change(map -> {
            for (AccountStatementParser.UserSpec[] p : pairs) {
                Account from = p[0].resolve(session);
                Account to = p[1].resolve(session);
                AccountRecord r = map.get(from);
                if (r == null || map.containsKey(to)) {
                    failed.add(from);
                    continue;
                }
                map.remove(from);
                map.put(to, r.renamed(to));
            }
            if (!failed.isEmpty()) {
                throw UserOperationFailed.of("RENAME USER", failed);
            }
        });
        return StatementResult.ok();
    }
}
