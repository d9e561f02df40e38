package dev.scion.versioning.merge;

import dev.scion.versioning.model.RootValue;

import java.util.Objects;

/**
 * Merges the database collation a root versions: a side that changed it since the base wins over one that left it;
 * when both changed it to different values ours is kept (a setting, not rows: there is nothing to record as a
 * conflict cell, and the branch being merged into keeps what it chose).
 */
final class DatabaseCollationMerge {
    private DatabaseCollationMerge() {
    }

    /** {@code ours} with the collation the merge gives. */
    static RootValue merge(RootValue base, RootValue ours, RootValue theirs) {
        if (Objects.equals(base.collation(), ours.collation())) {
            return ours.withCollation(theirs.collation());
        }
        return ours;
    }
}
