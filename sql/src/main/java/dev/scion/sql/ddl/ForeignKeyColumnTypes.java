package dev.scion.sql.ddl;

import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TypeKind;

/**
 * Whether the two columns of a new foreign key are of similar types, as InnoDB requires (3780 otherwise): integers
 * of the same size and sign, strings with strings and binary strings with binary strings whatever their lengths,
 * DECIMAL with DECIMAL, DATETIME or TIMESTAMP with either, any other type with itself. Columns of different storage
 * within a family (DATETIME against DATETIME(6), DECIMAL scales) may be linked and simply never match
 * (scripts/ddl/foreign_keys.test). An ALTER that changes a key column's type is held to the stricter
 * {@link ForeignKeyAlterRules}.
 */
final class ForeignKeyColumnTypes {
    private ForeignKeyColumnTypes() {
    }

    static boolean compatible(ColumnType a, ColumnType b) {
        return family(a.kind()) == family(b.kind()) && a.unsigned() == b.unsigned();
    }

    /** The kind standing for every kind that may pair with it. */
    private static TypeKind family(TypeKind k) {
        return switch (k) {
            case BOOLEAN -> TypeKind.TINYINT;
            case VARCHAR -> TypeKind.CHAR;
            case VARBINARY -> TypeKind.BINARY;
            case TIMESTAMP -> TypeKind.DATETIME;
            default -> k;
        };
    }
}
