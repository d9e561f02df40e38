package dev.scion.sql.privilege;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/**
 * ALTER USER [IF EXISTS] user IDENTIFIED BY 'pw' [, ...] and SET PASSWORD [FOR user] = 'pw'. Changing one's own
 * password needs no privilege; anyone else's needs CREATE USER.
 */
final class AlterUser implements AdminStatement {
    record Change(AccountStatementParser.UserSpec user, String password) {
    }

    private final List<Change> changes;
    private final boolean ifExists;

    AlterUser(List<Change> changes, boolean ifExists) {
        this.changes = changes;
        this.ifExists = ifExists;
    }

    @Override
    public StatementResult execute(Session session) {
        List<Account> targets = new ArrayList<>();
        for (Change c : changes) {
            Account a = c.user().resolve(session);
            targets.add(a);
            if (!session.access().account().map(a::equals).orElse(true)) {
                AccessChecks.requireGlobal(session, Privilege.CREATE_USER);
            }
        }
        List<Account> failed = new ArrayList<>();
        List<Account> skipped = new ArrayList<>();
        session.engine().accounts().change(map -> {
            for (int i = 0; i < changes.size(); i++) {
                Account a = targets.get(i);
                AccountRecord r = map.get(a);
                if (r == null) {
                    (ifExists ? skipped : failed).add(a);
                    continue;
                }
                String pw = changes.get(i).password();
                map.put(a, r.withPassword(pw.isEmpty() ? null : StoredPassword.of(pw)));
            }
            if (!failed.isEmpty()) {
                throw UserOperationFailed.of("ALTER USER", failed);
            }
        });
        for (Account a : skipped) {
            session.addNote(3162, "Authorization ID " + a.quoted() + " does not exist.");
        }
        return StatementResult.ok();
    }
}
