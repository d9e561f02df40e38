package dev.scion.versioning.model;

import dev.scion.storage.Hash;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * One line of an interactive rebase plan: where it runs in the order (a decimal, so a user can move a step
 * between two others, e.g. to 3.5), what to do with the commit, and the message to use.
 */
public record RebaseStep(BigDecimal order, String action, Hash commit, String message) {

    /** git's actions, as Dolt offers them in the dolt_rebase table. */
    public static final Set<String> ACTIONS = Set.of("pick", "reword", "edit", "squash", "fixup", "drop");

    public RebaseStep {
        action = action.toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("invalid rebase action: " + action);
        }
    }

    /** squash and fixup fold the commit into the one before it instead of making a commit of their own. */
    public boolean foldsIntoPrevious() {
        return action.equals("squash") || action.equals("fixup");
    }
}
