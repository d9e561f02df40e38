package dev.scion.sql.privilege;

import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared rule of CREATE USER and ALTER USER: one catalog update over every named account, all of them or none.
 * An account whose state refuses the change (CREATE of one that exists, ALTER of one that does not) fails the whole
 * statement with 1396 naming every such account, unless the statement says IF [NOT] EXISTS: then it is skipped
 * with a note and the others change.
 */
final class AccountBatch {
    /** The new record for one account, or null when its current state ({@code current}, null if absent) refuses it. */
    interface Change {
        AccountRecord apply(Account account, AccountRecord current, UserPassword spec);
    }

    private AccountBatch() {
    }

    /**
     * @param statement   the statement's name for 1396 ("CREATE USER")
     * @param skipRefused IF [NOT] EXISTS was given
     * @param noteCode    the note for a skipped account (3163 exists, 3162 does not exist)
     * @param noteText    its text after the account's name
     */
    static void apply(Session session, String statement, List<Account> accounts, List<UserPassword> specs,
                      boolean skipRefused, int noteCode, String noteText, Change change) {
        List<Account> refused = new ArrayList<>();
        session.engine().accounts().change(map -> {
            refused.clear(); // the edit runs once, but keep it correct if the catalog ever retries it
            for (int i = 0; i < accounts.size(); i++) {
                Account account = accounts.get(i);
                AccountRecord next = change.apply(account, map.get(account), specs.get(i));
                if (next == null) {
                    refused.add(account);
                } else {
                    map.put(account, next);
                }
            }
            if (!refused.isEmpty() && !skipRefused) {
                throw UserOperationFailed.of(statement, refused);
            }
        });
        for (Account a : refused) {
            session.addNote(noteCode, "Authorization ID " + a.quoted() + " " + noteText);
        }
    }

    static List<Account> resolve(Session session, List<UserPassword> specs) {
        List<Account> out = new ArrayList<>();
        for (UserPassword u : specs) {
            out.add(u.user().resolve(session));
        }
        return out;
    }
}
