package dev.scion.versioning.merge;

import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.repo.VersioningException;

import java.util.Objects;

/**
 * Merges the database collation a root versions: a side that changed it since the base wins over one that left it,
 * and two sides that set the same value agree. Two sides that changed it to different values fail the merge, as
 * Dolt's "database collation conflict" does: a setting has no row to hold a conflict, so the user settles it on
 * one side (ALTER DATABASE, commit) and merges again.
 */
final class DatabaseCollationMerge {
    private DatabaseCollationMerge() {
    }

    /** {@code ours} with the collation the merge gives. */
    static RootValue merge(RootValue base, RootValue ours, RootValue theirs) {
        if (Objects.equals(base.collation(), ours.collation())) {
            return ours.withCollation(theirs.collation());
        }
        if (Objects.equals(base.collation(), theirs.collation())
                || Objects.equals(ours.collation(), theirs.collation())) {
            return ours;
        }
        throw new VersioningException(VersioningException.Reason.CONFLICT, "database collation conflict: ours "
                + shown(ours) + ", theirs " + shown(theirs) + "; set the same collation on both sides and merge again");
    }

    /** A root that sets none has the repository's own setting. */
    private static String shown(RootValue root) {
        return root.collation() == null ? "the database's default collation" : root.collation();
    }
}
