package dev.scion.sql.privilege;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.List;

/** CREATE USER [IF NOT EXISTS] user [IDENTIFIED BY 'pw'] [, ...]: all of them or none. */
final class CreateUser implements AdminStatement {
    private final List<UserPassword> users;
    private final boolean ifNotExists;

    CreateUser(List<UserPassword> users, boolean ifNotExists) {
        this.users = users;
        this.ifNotExists = ifNotExists;
    }

    @Override
    public StatementResult execute(Session session) {
        AccessChecks.requireGlobal(session, Privilege.CREATE_USER);
        AccountBatch.apply(session, "CREATE USER", AccountBatch.resolve(session, users), users, ifNotExists,
                3163, "already exists.",
                (account, current, spec) -> current != null ? null : AccountRecord.create(account, spec.stored()));
        return StatementResult.ok();
    }
}
