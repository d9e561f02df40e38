package dev.scion.sql.privilege;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.List;

/**
 * ALTER USER [IF EXISTS] user IDENTIFIED BY 'pw' [, ...] and SET PASSWORD [FOR user] = 'pw'. Changing one's own
 * password needs no privilege; anyone else's needs CREATE USER.
 */
final class AlterUser implements AdminStatement {
    private final List<UserPassword> changes;
    private final boolean ifExists;

    AlterUser(List<UserPassword> changes, boolean ifExists) {
        this.changes = changes;
        this.ifExists = ifExists;
    }

    @Override
    public StatementResult execute(Session session) {
        List<Account> targets = AccountBatch.resolve(session, changes);
        for (Account a : targets) {
            if (!session.access().account().map(a::equals).orElse(true)) {
                AccessChecks.requireGlobal(session, Privilege.CREATE_USER);
            }
        }
        AccountBatch.apply(session, "ALTER USER", targets, changes, ifExists, 3162, "does not exist.",
                (account, current, spec) -> current == null ? null : current.withPassword(spec.stored()));
        return StatementResult.ok();
    }
}
