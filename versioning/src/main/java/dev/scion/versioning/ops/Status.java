package dev.scion.versioning.ops;

import dev.scion.storage.Hash;
import dev.scion.versioning.diff.TableDelta;
import dev.scion.versioning.model.MergeState;

import java.util.List;

/**
 * What {@code status} reports: staged changes (head to staged), unstaged changes to tracked tables (staged to
 * working) and untracked tables (new in working, absent from staged), plus the merge in progress if any.
 */
public record Status(String branch, Hash head, List<TableDelta> staged, List<TableDelta> unstaged,
                     List<TableDelta> untracked, Hash mergeSource, MergeState mergeState,
                     boolean collationStaged, boolean collationUnstaged) {
    /**
     * The name prefix of the pseudo-table {@code __DATABASE__<db>} under which Dolt lists a change of the database
     * collation (status, diff, add); CREATE TABLE refuses names that start with it.
     */
    public static final String DATABASE_ENTRY_PREFIX = "__DATABASE__";

    public boolean isClean() {
        return staged.isEmpty() && unstaged.isEmpty() && untracked.isEmpty() && mergeState == null
                && mergeSource == null && !collationStaged && !collationUnstaged;
    }

    public boolean isMerging() {
        return mergeSource != null || mergeState != null;
    }
}
