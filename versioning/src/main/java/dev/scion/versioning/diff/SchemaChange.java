package dev.scion.versioning.diff;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;

/** One schema difference of a table; the unused members are null. */
public record SchemaChange(Kind kind, Column before, Column after, IndexDef indexBefore, IndexDef indexAfter) {

    public enum Kind { COLUMN_ADDED, COLUMN_DROPPED, COLUMN_RENAMED, COLUMN_MODIFIED, PRIMARY_KEY_CHANGED,
        INDEX_ADDED, INDEX_DROPPED }

    public String describe() {
        return switch (kind) {
            case COLUMN_ADDED -> "added column " + after.name() + " " + after.type().sqlName();
            case COLUMN_DROPPED -> "dropped column " + before.name();
            case COLUMN_RENAMED -> "renamed column " + before.name() + " to " + after.name()
                    + (sameDefinition() ? "" : " and changed it to " + after.type().sqlName());
            case COLUMN_MODIFIED -> "modified column " + after.name() + " " + before.type().sqlName() + " -> "
                    + after.type().sqlName();
            case PRIMARY_KEY_CHANGED -> "changed the primary key";
            case INDEX_ADDED -> "added index " + indexAfter.name();
            case INDEX_DROPPED -> "dropped index " + indexBefore.name();
        };
    }

    public boolean sameDefinition() {
        return before != null && after != null && before.withName(after.name()).equals(after);
    }
}
