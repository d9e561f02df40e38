package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.history.RevisionResolver;

/**
 * The {@code AS OF <revision>} of a SHOW or DESCRIBE statement (Dolt's extension): the revision as the client wrote
 * it (a quoted string, a back-quoted or bare name, a user variable, or a function call such as
 * {@code TIMESTAMP('2020-01-01')}, whose DATE or DATETIME value names the newest commit made by then) resolved to the read-only revision database
 * {@code `db/<commit>`} of the named or current database. Queries read AS OF through the planner
 * ({@code dolt.AsOfRewriter}); these statements are not planned, so they name the revision database directly.
 */
final class AsOfDatabase {
    private AsOfDatabase() {
    }

    /**
     * The revision database of {@code database} (null: the current one) at {@code written}; {@code unresolved}
     * words the error for a revision that names nothing. A user variable holding NULL or '' is
     * {@code whenUnset}'s error, since the statements differ in what they say then.
     */
    static String of(Session session, String database, String written, String unresolved,
            java.util.function.Supplier<SqlError> whenUnset) {
        DatabaseState db = database == null ? session.current() : session.database(database);
        String rev = written.strip();
        Object value;
        if (rev.startsWith("`@") || rev.startsWith("@")) {
            value = session.userVariable(Identifiers.unquote(rev).substring(1));
        } else if (rev.endsWith(")")) {
            value = evaluate(session, rev); // TIMESTAMP('2020-01-01') and the like
        } else {
            value = Identifiers.unquote(rev.replaceAll("^'(.*)'$", "`$1`").replaceAll("^\"(.*)\"$", "`$1`"));
        }
        if (value == null || value.toString().isEmpty()) {
            throw whenUnset.get();
        }
        if (dev.scion.sql.dolt.CommitAtTime.isTime(value)) {
            return db.databaseName() + "/" + dev.scion.sql.dolt.CommitAtTime.of(session, db, value);
        }
        String revision = dev.scion.sql.expr.Values.toStringValue(value);
        var commit = new RevisionResolver(db.repo()).resolve(revision, session.headOf(db))
                .map(RevisionResolver.Resolved::commit)
                .orElseThrow(() -> new SqlError(ErrorCode.VERSIONING, unresolved + ": " + revision));
        return db.databaseName() + "/" + commit;
    }

    private static Object evaluate(Session session, String expression) {
        dev.scion.sql.result.StatementResult r = session.engine().executeNested(session, "SELECT " + expression);
        if (r instanceof dev.scion.sql.result.StatementResult.Rows rows) {
            try (dev.scion.sql.result.RowStream s = rows.rows()) {
                Object[] row = s.next();
                return row == null ? null : row[0];
            }
        }
        return null;
    }
}
