package dev.scion.versioning.merge;

import dev.scion.storage.Hash;

/**
 * Where a replayed merge takes one secondary index from when a side left it as it was in base.
 *
 * <p>Every index entry embeds its row's primary key, so an index tree equal to base's means that side changed no
 * entry: each row it changed has the same entries before and after. With the replay's row check passed (every row
 * their side changed still holds its base value on ours), the merged rows are ours plus their changes, so:
 * <ul>
 *   <li>theirs' index equal to base's: their changes add and remove no entry, the merged index is ours';</li>
 *   <li>ours' index equal to base's: ours' rows have base's entries, and the merged index is base's with their
 *       changes' entries applied, which is theirs' tree as it is (prolly trees depend only on their contents).</li>
 * </ul>
 * Either way no row is decoded and no index node is built. Only an index both sides changed is edited entry by entry.
 */
final class IndexSource {
    private IndexSource() {
    }

    /** The index tree to take as it is, or null when both sides changed it (or a side lacks it): edit it. */
    static Hash takenWhole(Hash base, Hash ours, Hash theirs) {
        if (base == null || ours == null || theirs == null) {
            return null;
        }
        if (theirs.equals(base)) {
            return ours;
        }
        if (ours.equals(base)) {
            return theirs;
        }
        return null;
    }
}
