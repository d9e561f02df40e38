package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.history.RevisionResolver;

/**
 * The {@code AS OF <revision>} of a SHOW or DESCRIBE statement (Dolt's extension): the revision as the client wrote
 * it (a quoted string, a back-quoted or bare name, or a user variable) resolved to the read-only revision database
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
        if (rev.startsWith("`@") || rev.startsWith("@")) {
            Object v = session.userVariable(Identifiers.unquote(rev).substring(1));
            if (v == null || v.toString().isEmpty()) {
                throw whenUnset.get();
            }
            rev = dev.scion.sql.expr.Values.toStringValue(v);
        } else {
            rev = Identifiers.unquote(rev.replaceAll("^'(.*)'$", "`$1`").replaceAll("^\"(.*)\"$", "`$1`"));
        }
        String revision = rev;
        var commit = new RevisionResolver(db.repo()).resolve(revision, session.headOf(db))
                .map(RevisionResolver.Resolved::commit)
                .orElseThrow(() -> new SqlError(ErrorCode.VERSIONING, unresolved + ": " + revision));
        return db.databaseName() + "/" + commit;
    }
}
