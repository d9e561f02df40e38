package dev.scion.sql.dml;

import java.util.List;

import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

/**
 * Whether a foreign key's columns can ever equal the referenced columns. InnoDB finds a child row's parent by
 * comparing the stored key, so a DATETIME references a DATETIME(6) (or a TIMESTAMP) and a DECIMAL(4,1) a
 * DECIMAL(4,2) without error, yet no value ever matches: '12:34:56' of one is not '12:34:56.000000' of the other.
 * go-mysql-server's foreign-key suite records the same outcomes.
 */
final class KeyStorage {
    private KeyStorage() {
    }

    static boolean comparable(TableSchema child, List<String> childColumns, TableSchema parent,
                              List<String> parentColumns) {
        for (int i = 0; i < childColumns.size(); i++) {
            var c = child.column(childColumns.get(i));
            var p = parent.column(parentColumns.get(i));
            if (c.isPresent() && p.isPresent() && !sameStorage(c.get().type(), p.get().type())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameStorage(ColumnType a, ColumnType b) {
        if (temporal(a.kind()) || temporal(b.kind())) {
            return a.kind() == b.kind() && fractionDigits(a) == fractionDigits(b);
        }
        if (a.kind() == TypeKind.DECIMAL && b.kind() == TypeKind.DECIMAL) {
            int aScale = Math.max(a.scale(), 0);
            int bScale = Math.max(b.scale(), 0);
            return aScale == bScale && decimalBytes(precision(a) - aScale) == decimalBytes(precision(b) - bScale);
        }
        return true;
    }

    private static boolean temporal(TypeKind kind) {
        return kind == TypeKind.DATETIME || kind == TypeKind.TIMESTAMP || kind == TypeKind.TIME;
    }

    private static int fractionDigits(ColumnType t) {
        return Math.max(t.length(), 0);
    }

    private static int precision(ColumnType t) {
        return t.length() < 0 ? 10 : t.length();
    }

    /** Bytes MySQL's binary DECIMAL format gives this many digits: 4 per 9, and 0-4 for the rest. */
    private static int decimalBytes(int digits) {
        int[] leftover = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
        return digits / 9 * 4 + leftover[digits % 9];
    }
}
