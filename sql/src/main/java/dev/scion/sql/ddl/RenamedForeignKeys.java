package dev.scion.sql.ddl;

import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What renaming a table does to its own foreign keys, as InnoDB does it: a key named the way MySQL names an
 * unnamed one ({@code <table>_ibfk_<n>}) takes the new table name, and a key referencing the table itself follows
 * it. Keys named by the user keep their names.
 */
final class RenamedForeignKeys {
    private RenamedForeignKeys() {
    }

    static TableValue of(TableValue value, String from, String to) {
        TableSchema s = value.schema();
        if (s.foreignKeys().isEmpty()) {
            return value;
        }
        String generated = from.toLowerCase(Locale.ROOT) + "_ibfk_";
        List<ForeignKeyDef> keys = new ArrayList<>();
        boolean changed = false;
        for (ForeignKeyDef fk : s.foreignKeys()) {
            String name = fk.name();
            String suffix = name.toLowerCase(Locale.ROOT).startsWith(generated)
                    ? name.substring(generated.length()) : null;
            if (suffix != null && !suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit)) {
                name = to + "_ibfk_" + suffix;
            }
            String referenced = fk.referencedTable().equalsIgnoreCase(from) ? to : fk.referencedTable();
            ForeignKeyDef next = new ForeignKeyDef(name, fk.columns(), referenced, fk.referencedColumns(),
                    fk.onDelete(), fk.onUpdate());
            changed |= !next.equals(fk);
            keys.add(next);
        }
        if (!changed) {
            return value;
        }
        TableSchema schema = new TableSchema(s.columns(), s.primaryKey(), s.indexes(), s.checks(), keys,
                s.collation(), s.collatedPrimaryKey());
        return new TableValue(schema, value.rows(), value.indexes(), value.autoIncrement());
    }
}
