package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;

/**
 * What a merge left unresolved in one table. Row conflicts and constraint violations are prolly maps keyed by
 * the row key of the merged table; their values are encoded in the merged table's schema (see
 * {@code merge.ConflictCodec}). {@code schemaConflict} describes a schema disagreement (null when the schemas
 * merged); {@code base}/{@code ours}/{@code theirs} are the three table values the merge saw (null if absent),
 * so a table can be resolved wholesale to one side.
 */
public record TableConflicts(String table, Hash base, Hash ours, Hash theirs, Hash rowConflicts, long rowConflictCount,
                             Hash violations, long violationCount, String schemaConflict) {

    public boolean isResolved() {
        return rowConflictCount == 0 && violationCount == 0 && schemaConflict == null;
    }

    public boolean hasRowConflicts() {
        return rowConflictCount > 0;
    }

    void write(BinaryWriter w) {
        w.string(table).nullableHash(base).nullableHash(ours).nullableHash(theirs);
        w.nullableHash(rowConflicts).varLong(rowConflictCount).nullableHash(violations).varLong(violationCount);
        w.nullableString(schemaConflict);
    }

    static TableConflicts read(BinaryReader r) {
        return new TableConflicts(r.string(), r.nullableHash(), r.nullableHash(), r.nullableHash(), r.nullableHash(),
                r.varLong(), r.nullableHash(), r.varLong(), r.nullableString());
    }
}
