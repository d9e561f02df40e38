package dev.scion.sql.ddl;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL refuses a key on a TEXT or BLOB column without a prefix length (1170); Scion, like Dolt and MariaDB, keys
 * the whole value instead, unless the session sets Dolt's {@code strict_mysql_compatibility}. Only keys a
 * statement adds are checked, so a table made without the switch can still be altered with it.
 */
final class BlobKeyLengths {
    private BlobKeyLengths() {
    }

    /** Fails with 1170 when the switch is on and {@code next} has a new key with a whole TEXT/BLOB part. */
    static void check(Session session, TableSchema old, TableSchema next) {
        if (!strict(session)) {
            return;
        }
        if (old == null || !old.primaryKey().equals(next.primaryKey())) {
            for (String column : next.primaryKey()) {
                requirePrefix(next, column, 0);
            }
        }
        Set<String> existing = new HashSet<>();
        if (old != null) {
            old.indexes().forEach(ix -> existing.add(ix.name().toLowerCase(Locale.ROOT)));
        }
        for (IndexDef ix : next.indexes()) {
            if (ix.fulltext() || existing.contains(ix.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<String> columns = ix.columns();
            for (int i = 0; i < columns.size(); i++) {
                requirePrefix(next, columns.get(i), ix.prefixLength(i));
            }
        }
    }

    private static void requirePrefix(TableSchema schema, String column, int prefix) {
        Column c = schema.column(column).orElse(null);
        if (c == null || c.hidden() || prefix > 0 || !isLob(c.type().kind())) {
            return;
        }
        throw new SqlError(ErrorCode.BLOB_KEY_WITHOUT_LENGTH, "BLOB/TEXT column '" + c.name()
                + "' used in key specification without a key length");
    }

    private static boolean isLob(TypeKind k) {
        return switch (k) {
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> true;
            default -> false;
        };
    }

    private static boolean strict(Session session) {
        Object v = session.variable("strict_mysql_compatibility");
        return v instanceof Number n ? n.longValue() != 0 : v != null && (v.toString().equalsIgnoreCase("ON")
                || v.toString().equals("1"));
    }
}
