package dev.scion.sql.catalog;

import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.table.RowCodec;
import dev.scion.versioning.table.TableEditor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Schema objects kept the way Dolt keeps them: rows {@code (type, name, fragment)} of a table {@code dolt_schemas}
 * in the database's root, so views and triggers are versioned, diffed and merged like any data. The fragment is the
 * CREATE statement. Names are stored lower-case, as MySQL matches table and trigger names case-insensitively.
 */
public final class SchemaFragments {
    public static final String TABLE = "dolt_schemas";

    private static final TableSchema SCHEMA = new TableSchema(List.of(
            new Column("type", ColumnType.of(TypeKind.VARCHAR, 64), false, null, false, null, tag("type")),
            new Column("name", ColumnType.of(TypeKind.VARCHAR, 64), false, null, false, null, tag("name")),
            new Column("fragment", ColumnType.of(TypeKind.LONGTEXT), true, null, false, null, tag("fragment"))),
            List.of("type", "name"), List.of());

    private SchemaFragments() {
    }

    private static long tag(String column) {
        return (TABLE + "." + column).hashCode() & 0xffffffffL;
    }

    /** The CREATE text of the {@code type} object {@code name}, if the database has one. */
    public static Optional<String> definition(DatabaseState db, String type, String name) {
        TableValue table = table(db).orElse(null);
        if (table == null) {
            return Optional.empty();
        }
        TableEditor editor = new TableEditor(TABLE, table, db.buffer());
        Object[] row = editor.getByKey(editor.codec().key(new Object[] {type, key(name), null}));
        return row == null ? Optional.empty() : Optional.ofNullable((String) row[2]);
    }

    /** Every object of {@code type}: lower-case name to CREATE text, in name order. */
    public static Map<String, String> all(DatabaseState db, String type) {
        Map<String, String> out = new LinkedHashMap<>();
        TableValue table = table(db).orElse(null);
        if (table == null) {
            return out;
        }
        RowCodec codec = new RowCodec(table.schema());
        try (ProllyCursor c = ProllyMap.load(db.buffer(), table.rows()).cursor(KeyRange.ALL, false)) {
            while (c.next()) {
                Object[] row = codec.decode(c.key(), c.value());
                if (type.equals(row[0])) {
                    out.put((String) row[1], (String) row[2]);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("reading " + TABLE + " of " + db.name(), e);
        }
        return out;
    }

    /** Stores (or replaces) a definition in the transaction's working root. */
    public static void put(DatabaseState db, String type, String name, String createText) {
        TableValue table = table(db).orElseGet(() -> empty(db));
        TableEditor editor = new TableEditor(TABLE, table, db.buffer());
        Object[] row = {type, key(name), createText};
        Object[] old = editor.getByKey(editor.codec().key(row));
        if (old != null) {
            editor.update(old, row);
        } else {
            editor.insert(row);
        }
        write(db, editor.finish());
    }

    /** Removes a definition; false if there was none. */
    public static boolean remove(DatabaseState db, String type, String name) {
        TableValue table = table(db).orElse(null);
        if (table == null) {
            return false;
        }
        TableEditor editor = new TableEditor(TABLE, table, db.buffer());
        Object[] old = editor.getByKey(editor.codec().key(new Object[] {type, key(name), null}));
        if (old == null) {
            return false;
        }
        editor.delete(old);
        write(db, editor.finish());
        return true;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Optional<TableValue> table(DatabaseState db) {
        return db.workingRoot().resolveName(TABLE)
                .map(stored -> db.repo().readTable(db.buffer(), db.workingRoot().tableHash(stored)));
    }

    private static TableValue empty(DatabaseState db) {
        var empty = ProllyMap.empty(db.buffer()).root();
        return new TableValue(SCHEMA, empty, Map.of(), 0);
    }

    private static void write(DatabaseState db, TableValue value) {
        String stored = db.workingRoot().resolveName(TABLE).orElse(TABLE);
        db.setWorkingRoot(db.workingRoot().withTable(stored, value.write(db.buffer())));
    }
}
