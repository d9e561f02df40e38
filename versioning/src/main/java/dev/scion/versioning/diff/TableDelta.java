package dev.scion.versioning.diff;

import dev.scion.storage.Hash;

/** How one table differs between two roots: added, dropped or modified (schema, data or both). */
public record TableDelta(String name, Kind kind, Hash from, Hash to, boolean schemaChanged, boolean dataChanged) {

    public enum Kind { ADDED, DROPPED, MODIFIED }

    /** git-like word for status and diff headers. */
    public String describe() {
        return switch (kind) {
            case ADDED -> "new table";
            case DROPPED -> "deleted";
            case MODIFIED -> "modified";
        };
    }
}
