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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Schema objects kept the way Dolt keeps them: rows {@code (type, name, fragment, extra)} of a table
 * {@code dolt_schemas} in the database's root, so views and triggers are versioned, diffed and merged like any data.
 * The fragment is the CREATE statement; {@code extra} is a JSON object of attributes the text does not carry (a
 * trigger's action order). Names are stored lower-case, as MySQL matches table and trigger names case-insensitively.
 * A {@code dolt_schemas} written before {@code extra} existed keeps its three columns until an attribute is stored.
 */
public final class SchemaFragments {
    public static final String TABLE = "dolt_schemas";

    private static final TableSchema SCHEMA = new TableSchema(List.of(
            new Column("type", ColumnType.of(TypeKind.VARCHAR, 64), false, null, false, null, tag("type")),
            new Column("name", ColumnType.of(TypeKind.VARCHAR, 64), false, null, false, null, tag("name")),
            new Column("fragment", ColumnType.of(TypeKind.LONGTEXT), true, null, false, null, tag("fragment")),
            new Column("extra", ColumnType.of(TypeKind.JSON), true, null, false, null, tag("extra"))),
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
        Object[] row = editor.getByKey(editor.codec().key(keyRow(table, type, name)));
        return row == null ? Optional.empty() : Optional.ofNullable((String) row[2]);
    }

    /** One stored object: lower-case name, CREATE text and the {@code extra} JSON text (null if none). */
    public record Fragment(String name, String text, String extra) {
    }

    /** Every object of {@code type}: lower-case name to CREATE text, in name order. */
    public static Map<String, String> all(DatabaseState db, String type) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Fragment f : fragments(db, type)) {
            out.put(f.name(), f.text());
        }
        return out;
    }

    /** Every object of {@code type} with its {@code extra} attributes, in name order. */
    public static List<Fragment> fragments(DatabaseState db, String type) {
        List<Fragment> out = new ArrayList<>();
        TableValue table = table(db).orElse(null);
        if (table == null) {
            return out;
        }
        RowCodec codec = new RowCodec(table.schema());
        try (ProllyCursor c = ProllyMap.load(db.buffer(), table.rows()).cursor(KeyRange.ALL, false)) {
            while (c.next()) {
                Object[] row = codec.decode(c.key(), c.value());
                if (type.equals(row[0])) {
                    out.add(new Fragment((String) row[1], (String) row[2], row.length > 3 ? (String) row[3] : null));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("reading " + TABLE + " of " + db.name(), e);
        }
        return out;
    }

    /** Stores (or replaces) a definition in the transaction's working root, keeping its {@code extra}. */
    public static void put(DatabaseState db, String type, String name, String createText) {
        TableValue table = table(db).orElseGet(() -> empty(db));
        TableEditor editor = new TableEditor(TABLE, table, db.buffer());
        Object[] row = row(table, type, name, createText, null);
        Object[] old = editor.getByKey(editor.codec().key(row));
        if (old != null) {
            if (old.length > 3) {
                row[3] = old[3];
            }
            editor.update(old, row);
        } else {
            editor.insert(row);
        }
        write(db, editor.finish());
    }

    /**
     * Stores (or replaces) a definition together with its {@code extra} JSON text, first giving an old three-column
     * {@code dolt_schemas} its {@code extra} column.
     */
    public static void put(DatabaseState db, String type, String name, String createText, String extra) {
        TableValue table = table(db).map(t -> withExtraColumn(db, t)).orElseGet(() -> empty(db));
        TableEditor editor = new TableEditor(TABLE, table, db.buffer());
        Object[] row = row(table, type, name, createText, extra);
        Object[] old = editor.getByKey(editor.codec().key(row));
        if (old != null) {
            editor.update(old, row);
        } else {
            editor.insert(row);
        }
        write(db, editor.finish());
    }

    private static Object[] row(TableValue table, String type, String name, String createText, String extra) {
        return table.schema().columns().size() > 3 ? new Object[] {type, key(name), createText, extra}
                : new Object[] {type, key(name), createText};
    }

    /** The table in the current four-column schema: rewritten row by row if it still has three columns. */
    private static TableValue withExtraColumn(DatabaseState db, TableValue table) {
        if (table.schema().columns().size() > 3) {
            return table;
        }
        TableEditor editor = new TableEditor(TABLE, empty(db), db.buffer());
        RowCodec codec = new RowCodec(table.schema());
        try (ProllyCursor c = ProllyMap.load(db.buffer(), table.rows()).cursor(KeyRange.ALL, false)) {
            while (c.next()) {
                Object[] old = codec.decode(c.key(), c.value());
                editor.insert(new Object[] {old[0], old[1], old[2], null});
            }
        } catch (Exception e) {
            throw new IllegalStateException("upgrading " + TABLE + " of " + db.name(), e);
        }
        return editor.finish();
    }

    /** Removes a definition; false if there was none. */
    public static boolean remove(DatabaseState db, String type, String name) {
        TableValue table = table(db).orElse(null);
        if (table == null) {
            return false;
        }
        TableEditor editor = new TableEditor(TABLE, table, db.buffer());
        Object[] old = editor.getByKey(editor.codec().key(keyRow(table, type, name)));
        if (old == null) {
            return false;
        }
        editor.delete(old);
        write(db, editor.finish());
        return true;
    }

    private static Object[] keyRow(TableValue table, String type, String name) {
        return row(table, type, name, null, null);
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
