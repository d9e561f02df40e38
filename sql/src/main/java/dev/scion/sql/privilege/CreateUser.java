package dev.scion.sql.privilege;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/** CREATE USER [IF NOT EXISTS] user [IDENTIFIED BY 'pw'] [, ...]: all of them or none. */
final class CreateUser implements AdminStatement {
    record NewUser(AccountStatementParser.UserSpec user, String password) {
    }

    private final List<NewUser> users;
    private final boolean ifNotExists;

    CreateUser(List<NewUser> users, boolean ifNotExists) {
        this.users = users;
        this.ifNotExists = ifNotExists;
    }

    @Override
    public StatementResult execute(Session session) {
        AccessChecks.requireGlobal(session, Privilege.CREATE_USER);
        AccountCatalog catalog = session.engine().accounts();
        List<Account> failed = new ArrayList<>();
        List<Account> skipped = new ArrayList<>();
        catalog.change(map -> {
            for (NewUser u : users) {
                Account account = u.user().resolve(session);
                if (map.containsKey(account)) {
                    (ifNotExists ? skipped : failed).add(account);
                    continue;
                }
                String pw = u.password();
                map.put(account, AccountRecord.create(account, pw == null || pw.isEmpty() ? null : StoredPassword.of(pw)));
            }
            if (!failed.isEmpty()) {
                throw UserOperationFailed.of("CREATE USER", failed);
            }
        });
        for (Account a : skipped) {
            session.addNote(3163, "Authorization ID " + a.quoted() + " already exists.");
        }
        return StatementResult.ok();
    }
}
