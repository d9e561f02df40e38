package dev.scion.sql.routine;

import dev.scion.sql.catalog.DatabaseState;
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

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stored procedures of a database, kept as Dolt keeps them: rows of a table {@code dolt_procedures}
 * {@code (name, create_stmt, created_at, modified_at, sql_mode)} in the database's root, so procedures are
 * committed, branched, diffed and merged like any data. Names are stored lower-case (MySQL matches procedure names
 * case-insensitively). Stored functions are rows of the same shape in {@code dolt_functions}: MySQL gives procedures
 * and functions separate namespaces, so one name may be both.
 */
public final class StoredProcedures {
    public static final String TABLE = "dolt_procedures";
    public static final String FUNCTIONS = "dolt_functions";

    private static final TableSchema SCHEMA = new TableSchema(List.of(
            new Column("name", ColumnType.of(TypeKind.VARCHAR, 64), false, null, false, null, tag(TABLE, "name")),
            new Column("create_stmt", ColumnType.of(TypeKind.LONGTEXT), false, null, false, null,
                    tag(TABLE, "create_stmt")),
            new Column("created_at", ColumnType.of(TypeKind.TIMESTAMP), false, null, false, null,
                    tag(TABLE, "created_at")),
            new Column("modified_at", ColumnType.of(TypeKind.TIMESTAMP), false, null, false, null,
                    tag(TABLE, "modified_at")),
            new Column("sql_mode", ColumnType.of(TypeKind.LONGTEXT), true, null, false, null, tag(TABLE, "sql_mode"))),
            List.of("name"), List.of());
    private static final TableSchema FUNCTIONS_SCHEMA = new TableSchema(List.of(
            new Column("name", ColumnType.of(TypeKind.VARCHAR, 64), false, null, false, null, tag(FUNCTIONS, "name")),
            new Column("create_stmt", ColumnType.of(TypeKind.LONGTEXT), false, null, false, null,
                    tag(FUNCTIONS, "create_stmt")),
            new Column("created_at", ColumnType.of(TypeKind.TIMESTAMP), false, null, false, null,
                    tag(FUNCTIONS, "created_at")),
            new Column("modified_at", ColumnType.of(TypeKind.TIMESTAMP), false, null, false, null,
                    tag(FUNCTIONS, "modified_at")),
            new Column("sql_mode", ColumnType.of(TypeKind.LONGTEXT), true, null, false, null,
                    tag(FUNCTIONS, "sql_mode"))),
            List.of("name"), List.of());

    /** One stored row. */
    public record Stored(String name, String createStatement, LocalDateTime created, LocalDateTime modified,
                         String sqlMode) {
    }

    private StoredProcedures() {
    }

    private static long tag(String table, String column) {
        return (table + "." + column).hashCode() & 0xffffffffL;
    }

    public static Optional<Stored> find(DatabaseState db, String name) {
        return find(db, TABLE, name);
    }

    /** The row of {@code name} in {@code table} ({@link #TABLE} or {@link #FUNCTIONS}). */
    public static Optional<Stored> find(DatabaseState db, String table, String name) {
        TableValue value = table(db, table).orElse(null);
        if (value == null) {
            return Optional.empty();
        }
        TableEditor editor = new TableEditor(table, value, db.buffer());
        Object[] row = editor.getByKey(editor.codec().key(new Object[] {key(name), null, null, null, null}));
        return Optional.ofNullable(row == null ? null : stored(row));
    }

    /** Every procedure of the database in name order. */
    public static List<Stored> all(DatabaseState db) {
        return all(db, TABLE);
    }

    /** Every row of {@code table} in name order. */
    public static List<Stored> all(DatabaseState db, String table) {
        List<Stored> out = new ArrayList<>();
        TableValue value = table(db, table).orElse(null);
        if (value == null) {
            return out;
        }
        RowCodec codec = new RowCodec(value.schema());
        try (ProllyCursor c = ProllyMap.load(db.buffer(), value.rows()).cursor(KeyRange.ALL, false)) {
            while (c.next()) {
                out.add(stored(codec.decode(c.key(), c.value())));
            }
        } catch (Exception e) {
            throw new IllegalStateException("reading " + table + " of " + db.name(), e);
        }
        return out;
    }

    public static void put(DatabaseState db, String name, String createStatement, String sqlMode) {
        put(db, TABLE, name, createStatement, sqlMode);
    }

    public static void put(DatabaseState db, String table, String name, String createStatement, String sqlMode) {
        TableSchema schema = table.equals(FUNCTIONS) ? FUNCTIONS_SCHEMA : SCHEMA;
        TableValue value = table(db, table).orElseGet(() -> new TableValue(schema, ProllyMap.empty(db.buffer()).root(),
                Map.of(), 0));
        TableEditor editor = new TableEditor(table, value, db.buffer());
        LocalDateTime now = LocalDateTime.now().withNano(0);
        Object[] row = {key(name), createStatement, now, now, sqlMode};
        Object[] old = editor.getByKey(editor.codec().key(row));
        if (old != null) {
            row[2] = old[2];
            editor.update(old, row);
        } else {
            editor.insert(row);
        }
        write(db, table, editor.finish());
    }

    public static boolean remove(DatabaseState db, String name) {
        return remove(db, TABLE, name);
    }

    public static boolean remove(DatabaseState db, String table, String name) {
        TableValue value = table(db, table).orElse(null);
        if (value == null) {
            return false;
        }
        TableEditor editor = new TableEditor(table, value, db.buffer());
        Object[] old = editor.getByKey(editor.codec().key(new Object[] {key(name), null, null, null, null}));
        if (old == null) {
            return false;
        }
        editor.delete(old);
        write(db, table, editor.finish());
        return true;
    }

    /** Whether the database has the table at all: a cheap test before any row is read. */
    public static boolean exists(DatabaseState db, String table) {
        return db.workingRoot().resolveName(table).isPresent();
    }

    private static Stored stored(Object[] row) {
        return new Stored((String) row[0], (String) row[1], (LocalDateTime) row[2], (LocalDateTime) row[3],
                (String) row[4]);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Optional<TableValue> table(DatabaseState db, String table) {
        return db.workingRoot().resolveName(table)
                .map(stored -> db.repo().readTable(db.buffer(), db.workingRoot().tables().get(stored)));
    }

    private static void write(DatabaseState db, String table, TableValue value) {
        String stored = db.workingRoot().resolveName(table).orElse(table);
        db.setWorkingRoot(db.workingRoot().withTable(stored, db.repo().writeTable(db.buffer(), value)));
    }
}
