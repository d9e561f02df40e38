package dev.scion.sql.session;

import java.util.Locale;

/**
 * MySQL's implicit commit: data definition statements end the open transaction as a COMMIT would before they
 * run, and run as a transaction of their own (so a later ROLLBACK does not undo them). CREATE TABLE and DROP
 * TABLE are exempt when they say TEMPORARY; the rule keys on the word, so a plain DROP TABLE of a temporary table
 * commits, as do ALTER TABLE and CREATE INDEX on one. Decided from the statement's first words, before parsing.
 */
public final class ImplicitCommit {
    private ImplicitCommit() {
    }

    /** Whether {@code sql} (one statement) commits the open transaction before and after it runs. */
    public static boolean causedBy(String sql) {
        if (sql == null) {
            return false;
        }
        Words w = new Words(sql);
        String first = w.next();
        switch (first) {
            case "RENAME", "TRUNCATE" -> {
                return true;
            }
            case "CREATE", "ALTER", "DROP" -> {
                String second = w.next();
                // DROP PREPARE is DEALLOCATE PREPARE, a statement about the session, not the schema
                return !second.equals("TEMPORARY") && !second.equals("PREPARE") && !second.isEmpty();
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Whether {@code sql} commits implicitly, reading an {@code EXECUTE name} as the statement it runs: MySQL
     * commits before and after a prepared CREATE / ALTER / DROP as it does for the statement typed out. An EXECUTE
     * of an unknown name is not one (it fails with 1243 when it runs).
     */
    public static boolean causedBy(Session session, String sql) {
        if (causedBy(sql)) {
            return true;
        }
        if (sql == null) {
            return false;
        }
        Words w = new Words(sql);
        if (!w.next().equals("EXECUTE")) {
            return false;
        }
        String name = w.name();
        if (name.isEmpty()) {
            return false;
        }
        try {
            return causedBy(session.prepared(name, "EXECUTE"));
        } catch (dev.scion.sql.error.SqlError unknown) {
            return false;
        }
    }

    /**
     * The implicit commit itself, before and after the DDL: what COMMIT does, a version commit included when
     * {@code @@dolt_transaction_commit} is on (Dolt makes one per SQL commit, implicit ones too).
     */
    public static void commit(Session session) {
        if (TransactionCommitter.isOn(session, "dolt_transaction_commit")) {
            session.engine().transactionCommitter().sqlCommit(session);
        } else {
            session.commit();
        }
    }

    /** Whether {@code sql} ends the transaction explicitly: COMMIT, ROLLBACK (not to a savepoint), BEGIN, START. */
    public static boolean endsTransaction(String sql) {
        if (sql == null) {
            return false;
        }
        Words w = new Words(sql);
        switch (w.next()) {
            case "COMMIT", "BEGIN", "START" -> {
                return true;
            }
            case "ROLLBACK" -> {
                String next = w.next();
                return !(next.equals("TO") || next.equals("WORK") && w.next().equals("TO"));
            }
            default -> {
                return false;
            }
        }
    }

    /** The upper-cased words at the start of a statement, after whitespace and comments. */
    private static final class Words {
        private final String sql;
        private int at;

        Words(String sql) {
            this.sql = sql;
        }

        String next() {
            skipSpaceAndComments();
            int start = at;
            while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_')) {
                at++;
            }
            return sql.substring(start, at).toUpperCase(Locale.ROOT);
        }

        /** The next identifier as written, its backquotes removed (a prepared statement's name). */
        String name() {
            skipSpaceAndComments();
            if (at < sql.length() && sql.charAt(at) == '`') {
                int end = sql.indexOf('`', at + 1);
                String quoted = end < 0 ? "" : sql.substring(at + 1, end);
                at = end < 0 ? sql.length() : end + 1;
                return quoted;
            }
            int start = at;
            while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_'
                    || sql.charAt(at) == '$')) {
                at++;
            }
            return sql.substring(start, at);
        }

        private void skipSpaceAndComments() {
            while (at < sql.length()) {
                char c = sql.charAt(at);
                if (Character.isWhitespace(c)) {
                    at++;
                } else if (sql.startsWith("/*!", at)) {
                    // a versioned comment's text is part of the statement (mysqldump's /*!50001 CREATE ... */)
                    at += 3;
                    while (at < sql.length() && Character.isDigit(sql.charAt(at))) {
                        at++;
                    }
                } else if (sql.startsWith("*/", at)) {
                    at += 2;
                } else if (sql.startsWith("/*", at)) {
                    int end = sql.indexOf("*/", at + 2);
                    at = end < 0 ? sql.length() : end + 2;
                } else if (sql.startsWith("-- ", at) || c == '#') {
                    int end = sql.indexOf('\n', at);
                    at = end < 0 ? sql.length() : end + 1;
                } else {
                    return;
                }
            }
        }
    }
}
