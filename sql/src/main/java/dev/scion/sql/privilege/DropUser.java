package dev.scion.sql.privilege;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/** DROP USER [IF EXISTS] user [, ...]: the accounts and all their grants, all of them or none. */
final class DropUser implements AdminStatement {
    private final List<AccountStatementParser.UserSpec> users;
    private final boolean ifExists;

    DropUser(List<AccountStatementParser.UserSpec> users, boolean ifExists) {
        this.users = users;
        this.ifExists = ifExists;
    }

    @Override
    public StatementResult execute(Session session) {
        AccessChecks.requireGlobal(session, Privilege.CREATE_USER);
        List<Account> failed = new ArrayList<>();
        List<Account> skipped = new ArrayList<>();
        session.engine().accounts().change(map -> {
            for (AccountStatementParser.UserSpec u : users) {
                Account a = u.resolve(session);
                if (map.remove(a) == null) {
                    (ifExists ? skipped : failed).add(a);
                }
            }
            if (!failed.isEmpty()) {
                throw UserOperationFailed.of("DROP USER", failed);
            }
        });
        for (Account a : skipped) {
            session.addNote(3162, "Authorization ID " + a.quoted() + " does not exist.");
        }
        return StatementResult.ok();
    }
}
