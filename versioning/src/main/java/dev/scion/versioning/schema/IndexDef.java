package dev.scion.versioning.schema;

import java.util.List;

/** A secondary index: a name, its columns in order, and whether it is unique. */
public record IndexDef(String name, List<String> columns, boolean unique) {
    public IndexDef {
        columns = List.copyOf(columns);
    }
}
