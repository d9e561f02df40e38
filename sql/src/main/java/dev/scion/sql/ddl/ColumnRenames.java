package dev.scion.sql.ddl;

import dev.scion.sql.dml.ForeignKeys;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns one ALTER TABLE renamed (RENAME COLUMN, CHANGE), from their names before the statement to their
 * names after it. MySQL lets a foreign key's columns be renamed on either side and the key follows: the table's
 * own keys name the new columns, and so do the keys of the tables that reference it.
 */
final class ColumnRenames {
    /** Lower-cased name before the statement to the current name. */
    private final Map<String, String> current = new LinkedHashMap<>();

    void renamed(String from, String to) {
        for (Map.Entry<String, String> e : current.entrySet()) {
            if (e.getValue().equalsIgnoreCase(from)) {
                e.setValue(to);
                return;
            }
        }
        current.put(from.toLowerCase(Locale.ROOT), to);
    }

    boolean isEmpty() {
        return current.isEmpty();
    }

    /** {@code names} (as before the statement) as they are called now. */
    List<String> apply(List<String> names) {
        return names.stream().map(n -> current.getOrDefault(n.toLowerCase(Locale.ROOT), n)).toList();
    }

    /** A key of the renamed table itself: its columns, and its referenced columns when it references the table. */
    static ForeignKeyDef renameOwn(ForeignKeyDef fk, String table, String from, String to) {
        List<String> columns = rename(fk.columns(), from, to);
        List<String> referenced = fk.referencedTable().equalsIgnoreCase(table)
                ? rename(fk.referencedColumns(), from, to) : fk.referencedColumns();
        return new ForeignKeyDef(fk.name(), columns, fk.referencedTable(), referenced, fk.onDelete(), fk.onUpdate());
    }

    private static List<String> rename(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equalsIgnoreCase(from) ? to : n).toList();
    }

    /**
     * Rewrites the schemas of the tables whose keys reference renamed columns of {@code table} ({@code children}
     * as they were before the statement); their rows do not change.
     */
    void renameInChildren(TableName target, String table, List<ForeignKeys.Child> children) {
        if (current.isEmpty()) {
            return;
        }
        for (String child : children.stream().map(ForeignKeys.Child::table)
                .filter(c -> !c.equalsIgnoreCase(table)).distinct().toList()) {
            TableName name = new TableName(target.db(), child);
            TableValue value = name.read();
            TableSchema s = value.schema();
            List<ForeignKeyDef> keys = new ArrayList<>();
            for (ForeignKeyDef fk : s.foreignKeys()) {
                keys.add(!fk.referencedTable().equalsIgnoreCase(table) ? fk : new ForeignKeyDef(fk.name(),
                        fk.columns(), fk.referencedTable(), apply(fk.referencedColumns()), fk.onDelete(),
                        fk.onUpdate()));
            }
            if (!keys.equals(s.foreignKeys())) {
                TableSchema next = new TableSchema(s.columns(), s.primaryKey(), s.indexes(), s.checks(), keys,
                        s.collation(), s.collatedPrimaryKey(), s.comment());
                name.write(new TableValue(next, value.rows(), value.indexes(), value.autoIncrement()));
            }
        }
    }
}
