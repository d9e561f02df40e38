package dev.scion.sql.session;

import dev.scion.sql.catalog.DatabaseState;

import java.util.Locale;

/**
 * BEGIN, START TRANSACTION, COMMIT and ROLLBACK are brief (a server may run them on its network thread, saving
 * two thread hand-offs each) when the session has nothing to publish: no database it touched is dirty and no
 * merge of this session waits for a decision. Then BEGIN only sets a flag and COMMIT / ROLLBACK only release the
 * snapshot. A COMMIT with writes syncs to disk, and a BEGIN inside a written transaction commits it first, so
 * those are not brief.
 */
public final class BriefTransactionStatements {
    private BriefTransactionStatements() {
    }

    public static boolean runsBriefly(Session session, String sql) {
        return isPlainTransactionStatement(sql) && nothingToPublish(session);
    }

    /** BEGIN [WORK], START TRANSACTION, COMMIT [WORK], ROLLBACK [WORK], any case, with an optional ';'. */
    static boolean isPlainTransactionStatement(String sql) {
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        int start = 0;
        while (start < end && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        if (end - start > 20) {
            return false;
        }
        String s = sql.substring(start, end).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (s) {
            case "BEGIN", "BEGIN WORK", "START TRANSACTION", "COMMIT", "COMMIT WORK", "ROLLBACK", "ROLLBACK WORK" ->
                    true;
            default -> false;
        };
    }

    private static boolean nothingToPublish(Session session) {
        for (DatabaseState s : session.boundDatabases()) {
            if (s.isDirty() || s.mergeConflictsPending()) {
                return false;
            }
        }
        return true;
    }
}
