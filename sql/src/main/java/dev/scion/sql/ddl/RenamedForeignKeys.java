package dev.scion.sql.ddl;

import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What renaming a table does to foreign keys, as InnoDB does it: a key of the table named the way MySQL names an
 * unnamed one ({@code <table>_ibfk_<n>}) takes the new table name (keys named by the user keep their names), and
 * every key referencing the table, its own or another table's, references the new name.
 */
final class RenamedForeignKeys {
    private RenamedForeignKeys() {
    }

    /**
     * Rewrites the schemas of the other tables of {@code db} whose keys reference table {@code from} (as
     * {@code children}, read before the rename, list them) to reference {@code to}; their rows do not change.
     */
    static void inReferencingTables(dev.scion.sql.catalog.DatabaseState db, String from, String to,
                                    List<dev.scion.sql.dml.ForeignKeys.Child> children) {
        for (String child : children.stream().map(dev.scion.sql.dml.ForeignKeys.Child::table)
                .filter(c -> !c.equalsIgnoreCase(from)).distinct().toList()) {
            TableName name = new TableName(db, child);
            TableValue value = name.read();
            TableSchema s = value.schema();
            List<ForeignKeyDef> keys = s.foreignKeys().stream().map(fk -> !fk.referencedTable().equalsIgnoreCase(from)
                    ? fk : new ForeignKeyDef(fk.name(), fk.columns(), to, fk.referencedColumns(), fk.onDelete(),
                    fk.onUpdate())).toList();
            TableSchema next = new TableSchema(s.columns(), s.primaryKey(), s.indexes(), s.checks(), keys,
                    s.collation(), s.collatedPrimaryKey(), s.comment());
            name.write(new TableValue(next, value.rows(), value.indexes(), value.autoIncrement()));
        }
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
                s.collation(), s.collatedPrimaryKey(), s.comment());
        return new TableValue(schema, value.rows(), value.indexes(), value.autoIncrement());
    }
}
