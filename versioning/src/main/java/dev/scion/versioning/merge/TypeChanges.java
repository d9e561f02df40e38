package dev.scion.versioning.merge;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Column type changes in a schema merge. A type changed on one side only must also hold the rows the other side
 * wrote in the old type. Dolt accepts a text or byte-string type holding at least as many characters and an ENUM
 * or SET with values added at the end; anything else (narrowing, any numeric change such as SMALLINT to BIGINT or
 * FLOAT to DOUBLE, or a change of kind such as INT to VARCHAR) is a schema conflict, one per column, as Dolt
 * reports it: "incompatible column types for column 'c': ...". A change made identically on both sides needs no
 * conversion and is fine.
 */
final class TypeChanges {
    private TypeChanges() {
    }

    /** The conflict description for the incompatible one-sided type changes in {@code merged}; null when none. */
    static String incompatible(TableSchema base, TableSchema ours, TableSchema theirs, TableSchema merged) {
        List<String> problems = new ArrayList<>();
        for (Column m : merged.columns()) {
            Column b = byTag(base, m.tag());
            if (b == null || b.type().equals(m.type())) {
                continue;
            }
            Column o = byTag(ours, m.tag());
            Column t = byTag(theirs, m.tag());
            boolean bothChanged = o != null && t != null && o.type().equals(t.type());
            if (!bothChanged && !widens(b.type(), m.type())) {
                problems.add("incompatible column types for column '" + m.name() + "': " + b.type().sqlName()
                        + " changed to " + m.type().sqlName() + " on one side only");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Whether every value of {@code from} is also a value of {@code to}, stored the same way. */
    static boolean widens(ColumnType from, ColumnType to) {
        TypeKind f = from.kind();
        TypeKind t = to.kind();
        if (numeric(f) || numeric(t)) {
            // Dolt merges no numeric type change made on one side (SMALLINT -> BIGINT, DECIMAL(4,2) ->
            // DECIMAL(8,4), BIT(1) -> BIT(2) each count as a schema conflict): the stored encoding changes
            return false;
        }
        if ((f == TypeKind.ENUM || f == TypeKind.SET) && t == f) {
            return to.values().size() >= from.values().size()
                    && to.values().subList(0, from.values().size()).equals(from.values());
        }
        boolean strings = f.isString() && t.isString() || f.isBinary() && t.isBinary();
        if (strings) {
            return to.maxLength() >= from.maxLength(); // CHAR(5) -> TINYTEXT and VARCHAR(10) -> CHAR(11) widen
        }
        return f == t && to.length() >= from.length(); // e.g. DATETIME(3) -> DATETIME(6)
    }

    private static boolean numeric(TypeKind k) {
        return k.isInteger() || k == TypeKind.DECIMAL || k == TypeKind.FLOAT || k == TypeKind.DOUBLE
                || k == TypeKind.BIT;
    }

    private static Column byTag(TableSchema s, long tag) {
        for (Column c : s.columns()) {
            if (c.tag() == tag) {
                return c;
            }
        }
        return null;
    }
}
