package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.ops.BranchContext;

import java.util.ArrayList;
import java.util.List;

/** What every versioning procedure needs: the session's branch as a {@link BranchContext}, who acts, result rows. */
final class ProcedureSupport {
    private ProcedureSupport() {
    }

    /**
     * The session's current database as a writable branch. The open SQL transaction is committed first, because
     * the version-control operations read and write the branch's working set, not the session's private root.
     */
    static BranchContext branch(Session session, String procedure) {
        DatabaseState s = writable(session, procedure);
        boolean explicit = session.inExplicitTransaction();
        session.commit();
        if (explicit) {
            session.beginExplicit();
        }
        return new BranchContext(s.repo(), s.branch()).withConstraintChecker(new SqlRowConstraintChecker(session));
    }

    static DatabaseState writable(Session session, String procedure) {
        DatabaseState s = session.current();
        if (s.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, procedure + ": database '" + s.name()
                    + "' is read-only");
        }
        return s;
    }

    /**
     * Who commits for this session, and when: the session's user now, each part replaced by what
     * {@code @@dolt_committer_name}, {@code _email} and {@code _date} set.
     */
    static Signature who(Session session) {
        return committer(session, session.engine().author(session).at(System.currentTimeMillis()));
    }

    /** {@code fallback} with each part {@code @@dolt_committer_name}, {@code _email} or {@code _date} sets replaced. */
    static Signature committer(Session session, Signature fallback) {
        String name = setText(session, "dolt_committer_name");
        String email = setText(session, "dolt_committer_email");
        String date = setText(session, "dolt_committer_date");
        if (name == null && email == null && date == null) {
            return fallback;
        }
        return new Signature(name != null ? name : fallback.name(), email != null ? email : fallback.email(),
                date != null ? Procedures.parseDate(date) : fallback.timeMillis());
    }

    /** A session variable's text, or null when unset or empty. */
    private static String setText(Session session, String variable) {
        if (!session.hasVariable(variable)) {
            return null;
        }
        Object v = session.variable(variable);
        return v == null || v.toString().isEmpty() ? null : v.toString();
    }

    /** One result row; each value is a Long (BIGINT column) or anything else (text column). */
    static StatementResult row(List<String> columns, Object... values) {
        List<ResultColumn> cols = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            cols.add(values[i] instanceof Long ? ResultColumn.bigint(columns.get(i)) : ResultColumn.text(columns.get(i)));
        }
        return new StatementResult.Rows(cols, RowStream.of(List.<Object[]>of(values)));
    }

    static StatementResult status(long status) {
        return row(List.of("status"), status);
    }

    static void requireArgs(List<String> pos, int n, String what) {
        if (pos.size() < n) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, what + ": expected " + n + " argument(s)");
        }
    }

    static boolean flag(Session session, String variable) {
        return dev.scion.sql.session.TransactionCommitter.isOn(session, variable);
    }
}
