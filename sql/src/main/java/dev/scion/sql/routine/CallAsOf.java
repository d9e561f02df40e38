package dev.scion.sql.routine;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.dolt.CommitAtTime;
import dev.scion.storage.Hash;
import dev.scion.versioning.history.RevisionResolver;

import java.util.regex.Pattern;

/**
 * {@code CALL p() AS OF <revision>} (Dolt's extension): the procedure as committed at that revision, run in the
 * read-only revision database {@code `db/<commit>`}. Its body's unqualified tables and the procedures it calls are
 * therefore read at that revision too, unless a nested CALL names a revision of its own. The revision is a branch,
 * tag, hash or ancestor spec ('HEAD~1' is relative to the HEAD of the database the CALL runs in), written as a
 * string, a bare word or a user variable, or a time ({@code TIMESTAMP('2020-01-01')}: the newest commit made by
 * then).
 */
public final class CallAsOf {
    private static final Pattern WORD = Pattern.compile("`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_~^./-]*");

    private CallAsOf() {
    }

    /** {@code name} ([db.]proc) qualified with the revision database of {@code revision} as written. */
    public static String qualify(Session session, String name, String revision) {
        String[] parts = ProcedureCall.split(name);
        if (parts[0] == null && session.currentDatabase() == null) {
            throw SqlError.noDatabaseSelected();
        }
        DatabaseState db = parts[0] != null ? session.database(parts[0]) : session.current();
        Object value = revisionValue(session, revision.strip());
        Hash commit;
        if (CommitAtTime.isTime(value)) {
            commit = CommitAtTime.of(session, db, value);
        } else {
            String rev = dev.scion.sql.expr.Values.toStringValue(value);
            commit = new RevisionResolver(db.repo()).resolve(rev, session.headOf(db))
                    .map(RevisionResolver.Resolved::commit)
                    .orElseThrow(() -> new SqlError(ErrorCode.VERSIONING, "invalid ref spec: " + rev));
        }
        return quote(db.databaseName() + "/" + commit) + "." + quote(parts[1]);
    }

    /** The revision as a name (a word as written, or a string value), or a time (a DATE or DATETIME value). */
    private static Object revisionValue(Session session, String written) {
        if (WORD.matcher(written).matches()) {
            return dev.scion.sql.admin.Identifiers.unquote(written);
        }
        StatementResult r = session.engine().executeNested(session, "SELECT " + written);
        Object v = null;
        if (r instanceof StatementResult.Rows rows) {
            try (RowStream s = rows.rows()) {
                Object[] row = s.next();
                v = row == null ? null : row[0];
            }
        }
        if (v == null) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "AS OF needs a revision, not NULL");
        }
        return v;
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
