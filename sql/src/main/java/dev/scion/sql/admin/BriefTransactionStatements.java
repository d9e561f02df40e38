package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.session.Session;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises the transaction boundaries that finish at once: BEGIN, START TRANSACTION, COMMIT and ROLLBACK of a
 * session that has written nothing. Such a COMMIT has nothing to install (a read-only transaction's commit only
 * drops its snapshot) and such a BEGIN has no open writes to commit first, so neither reads the store, syncs or
 * waits for another session. A server runs them on its network thread, which saves sysbench's read_only
 * transaction two thread hand-offs each way. Any other form (savepoints, AND CHAIN, RELEASE) takes the usual path.
 */
public final class BriefTransactionStatements {
    private static final int LONGEST = 48;
    private static final Set<String> FORMS = Set.of("BEGIN", "BEGIN WORK", "START TRANSACTION",
            "START TRANSACTION READ ONLY", "START TRANSACTION READ WRITE",
            "START TRANSACTION WITH CONSISTENT SNAPSHOT", "COMMIT", "COMMIT WORK", "ROLLBACK", "ROLLBACK WORK");

    private BriefTransactionStatements() {
    }

    /** Whether {@code sql} is one of the plain boundary forms and {@code session} has nothing to commit or undo. */
    public static boolean runsBriefly(Session session, String sql) {
        return isPlainBoundary(sql) && nothingWritten(session);
    }

    /** Whether {@code sql} is one of the plain boundary forms, whatever the session has written. */
    public static boolean isPlainBoundary(String sql) {
        if (sql.length() > LONGEST) {
            return false;
        }
        StringBuilder words = new StringBuilder(sql.length());
        boolean space = false;
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                space = words.length() > 0;
            } else {
                if (space) {
                    words.append(' ');
                    space = false;
                }
                words.append(c);
            }
        }
        return FORMS.contains(words.toString().toUpperCase(Locale.ROOT));
    }

    /** No bound database holds uncommitted writes or a merge whose conflicts a ROLLBACK would have to abort. */
    private static boolean nothingWritten(Session session) {
        for (DatabaseState s : session.boundDatabases()) {
            if (s.isDirty() || s.mergeConflictsPending()) {
                return false;
            }
        }
        return true;
    }
}
