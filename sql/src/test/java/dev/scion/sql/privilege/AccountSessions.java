package dev.scion.sql.privilege;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sessions bound to accounts of a test engine, as the server binds a logged-in client, and statements run in them. */
final class AccountSessions {
    private final EngineFixture root;
    private long nextId = 100;

    AccountSessions(EngineFixture root) {
        this.root = root;
    }

    /** A new session of {@code user}@'%' connected from 127.0.0.1. */
    Session as(String user) {
        Session s = root.engine().openSession(nextId++, user, "127.0.0.1", true);
        s.access(AccessPolicy.of(root.engine().accounts(), new Account(user, "%")));
        return s;
    }

    /** The rows of the statement's last result, each as its values joined by '|'. */
    List<String> run(Session s, String sql) {
        List<String> out = new ArrayList<>();
        root.engine().execute(s, sql, true, r -> {
            out.clear();
            if (r instanceof StatementResult.Rows rows) {
                try (var stream = rows.rows()) {
                    Object[] row;
                    while ((row = stream.next()) != null) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 0; i < row.length; i++) {
                            sb.append(i > 0 ? "|" : "").append(row[i]);
                        }
                        out.add(sb.toString());
                    }
                }
            }
        });
        return out;
    }

    SqlError fails(Session s, String sql) {
        return assertThrows(SqlError.class, () -> run(s, sql), sql);
    }

    /** The error code {@code sql} fails with. */
    int code(Session s, String sql) {
        return fails(s, sql).code();
    }
}
