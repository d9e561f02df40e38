package dev.scion.sql.routine;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.event.EventStatements;
import dev.scion.sql.trigger.TriggerStatements;

import java.util.Optional;

/**
 * The statements that define, drop and show triggers, events and stored routines. The front end owns them because
 * their bodies are programs Calcite cannot parse. Each of them starts with CREATE, ALTER, DROP or SHOW, so any other
 * statement (BEGIN, COMMIT, SET ...) skips their pattern matching, which cost several percent of a write
 * transaction's CPU when every statement tried it.
 */
public final class StoredObjectStatements {
    private static final String[] LEADING_WORDS = {"CREATE", "ALTER", "DROP", "SHOW"};

    private StoredObjectStatements() {
    }

    /** The trigger, event or stored-routine statement the text is, if it is one. */
    public static Optional<AdminStatement> match(String text) {
        if (!startsWithLeadingWord(text)) {
            return Optional.empty();
        }
        return TriggerStatements.match(text)
                .or(() -> EventStatements.match(text))
                .or(() -> ProcedureStatements.match(text));
    }

    /** The matchers anchor at the first character, so the text must start with the word itself. */
    private static boolean startsWithLeadingWord(String text) {
        for (String word : LEADING_WORDS) {
            if (text.regionMatches(true, 0, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
