package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.model.TableConflicts;

import java.util.List;

/**
 * What a merge, cherry-pick or revert did. {@code commit} is the new head for FAST_FORWARD and COMMITTED;
 * {@code conflicts} lists the tables left to resolve for CONFLICTS.
 */
public record MergeOutcome(Kind kind, Hash commit, List<TableConflicts> conflicts) {

    public enum Kind {
        /** Nothing to merge: the other commit is already in our history. */
        UP_TO_DATE,
        FAST_FORWARD,
        /** A clean merge (or pick) was committed. */
        COMMITTED,
        /** --squash or --no-commit: the merged root is in the working set, not committed. */
        STAGED,
        /** The merged root is in the working set with conflicts recorded in its merge state. */
        CONFLICTS
    }
}
