package dev.scion.sql.dml;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.DuplicateKeyException;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Enforces FOREIGN KEYs at write time. A child row's key must match a parent row (1452); deleting or re-keying a
 * parent row that child rows reference is refused (RESTRICT / NO ACTION, 1451) or carried to the children
 * (CASCADE, SET NULL), recursively. Lookups are planned queries over the transaction's working root; a cascade's
 * writes are installed at once, so the next lookup sees them. {@code SET foreign_key_checks = 0} turns it off.
 */
public final class ForeignKeys {
    private static final SqlParserPos POS = SqlParserPos.ZERO;
    private static final int MAX_CASCADE_DEPTH = 15;

    /** A foreign key of another table that references the table being written. */
    public record Child(String table, TableSchema schema, ForeignKeyDef key) {
    }

    private ForeignKeys() {
    }

    public static boolean enabled(Session session) {
        Object v = session.variable("foreign_key_checks");
        return v == null || !(v instanceof Number n ? n.longValue() == 0
                : v.toString().equalsIgnoreCase("OFF") || v.toString().equals("0"));
    }

    /** The foreign keys in {@code db} that reference {@code table}. */
    public static List<Child> childrenOf(DatabaseState db, String table) {
        // the repository's per-root index: O(1) per write instead of reading every table's schema
        List<Child> out = new ArrayList<>();
        for (var ref : db.repo().foreignKeys(db.buffer(), db.workingRootHash()).childrenOf(table)) {
            out.add(new Child(ref.child(), ref.schema(), ref.key()));
        }
        return out;
    }

    /** 1452 unless every foreign key of the row's table finds its parent row (or has a NULL column). */
    public static void checkParents(Session session, DatabaseState db, String table, TableSchema schema,
                                    Object[] row) {
        checkParents(session, db, table, schema, row, null);
    }

    /** As above; a parent may also be a row {@code earlier} holds (the same INSERT's rows so far). */
    static void checkParents(Session session, DatabaseState db, String table, TableSchema schema, Object[] row,
                             StatementParents earlier) {
        if (schema.foreignKeys().isEmpty() || !enabled(session)) {
            return;
        }
        for (ForeignKeyDef fk : schema.foreignKeys()) {
            Object[] values = values(schema, fk.columns(), row);
            if (values == null) {
                continue;
            }
            if (fk.referencedTable().equalsIgnoreCase(table) && referencesItself(schema, fk, row, values)) {
                continue; // a self-referencing row is its own parent, as InnoDB checks it after the row is written
            }
            if (earlier != null && earlier.holds(fk, values)) {
                continue;
            }
            TableValue parent = parentTable(db, fk);
            Object[] parentKey = parent == null ? null
                    : ChoiceKeys.translate(schema, fk.columns(), parent.schema(), fk.referencedColumns(), values);
            if (parentKey == null
                    || !KeyStorage.comparable(schema, fk.columns(), parent.schema(), fk.referencedColumns())
                    || find(session, db, fk.referencedTable(), fk.referencedColumns(), parentKey, 1).isEmpty()) {
                throw new SqlError(ErrorCode.NO_REFERENCED_ROW_2, "Cannot add or update a child row: a foreign key "
                        + "constraint fails (" + describe(db, table, fk) + ")");
            }
        }
    }

    /** Whether the row's own referenced columns hold the values its foreign key columns look for. */
    private static boolean referencesItself(TableSchema schema, ForeignKeyDef fk, Object[] row, Object[] values) {
        Object[] own = values(schema, fk.referencedColumns(), row);
        if (own == null) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (dev.scion.sql.expr.Values.compare(own[i], values[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Applies the children's ON DELETE rules for a parent row about to be deleted. */
    public static void beforeDelete(Session session, DatabaseState db, String table, TableSchema schema,
                                    List<Child> children, Object[] row, int depth) {
        beforeDelete(session, db, table, schema, children, row, depth, new StatementEditors());
    }

    /** As above, cascading through the statement's open editors. */
    public static void beforeDelete(Session session, DatabaseState db, String table, TableSchema schema,
                                    List<Child> children, Object[] row, int depth, StatementEditors editors) {
        for (Child child : children) {
            Object[] key = values(schema, child.key().referencedColumns(), row);
            if (key == null) {
                continue;
            }
            List<Object[]> rows = children(session, db, schema, child, key, editors);
            if (rows.isEmpty()) {
                continue;
            }
            ForeignKeyDef.Action action = child.key().onDelete();
            if (action == ForeignKeyDef.Action.RESTRICT || action == ForeignKeyDef.Action.NO_ACTION) {
                throw referenced(db, child);
            }
            cascade(session, db, child, rows, action == ForeignKeyDef.Action.CASCADE ? null : new Object[0], depth,
                    editors);
        }
    }

    /** Applies the children's ON UPDATE rules for a parent row whose referenced columns change. */
    public static void beforeUpdate(Session session, DatabaseState db, String table, TableSchema schema,
                                    List<Child> children, Object[] oldRow, Object[] newRow, int depth) {
        beforeUpdate(session, db, table, schema, children, oldRow, newRow, depth, new StatementEditors());
    }

    /** As above, cascading through the statement's open editors. */
    public static void beforeUpdate(Session session, DatabaseState db, String table, TableSchema schema,
                                    List<Child> children, Object[] oldRow, Object[] newRow, int depth,
                                    StatementEditors editors) {
        for (Child child : children) {
            Object[] oldKey = values(schema, child.key().referencedColumns(), oldRow);
            Object[] newKey = values(schema, child.key().referencedColumns(), newRow);
            if (oldKey == null || (newKey != null && UpdateExecutor.sameRow(oldKey, newKey))) {
                continue;
            }
            List<Object[]> rows = children(session, db, schema, child, oldKey, editors);
            if (rows.isEmpty()) {
                continue;
            }
            ForeignKeyDef.Action action = child.key().onUpdate();
            // InnoDB refuses an update cascade into the table the update is changing (a self-referencing key): it
            // could loop, so it acts as RESTRICT
            if (action == ForeignKeyDef.Action.RESTRICT || action == ForeignKeyDef.Action.NO_ACTION
                    || child.table().equalsIgnoreCase(table)) {
                throw referenced(db, child);
            }
            Object[] cascaded = newKey == null ? null : ChoiceKeys.translate(schema, child.key().referencedColumns(),
                    child.schema(), child.key().columns(), newKey);
            Object[] replacement = action == ForeignKeyDef.Action.CASCADE
                    ? (newKey == null ? new Object[child.key().columns().size()] : cascaded != null ? cascaded : newKey)
                    : new Object[child.key().columns().size()];
            cascade(session, db, child, rows, replacement, depth, editors);
        }
    }

    /**
     * The child rows that reference {@code key}. The lookup reads the working root; when the statement has the
     * child table open and that finds rows, the statement's writes are installed first and the lookup repeated, so
     * rows it deleted or re-keyed (a self-referencing key, a cycle of keys) are not found again.
     */
    private static List<Object[]> children(Session session, DatabaseState db, TableSchema parent, Child child,
                                           Object[] parentKey, StatementEditors editors) {
        Object[] key = ChoiceKeys.translate(parent, child.key().referencedColumns(), child.schema(),
                child.key().columns(), parentKey);
        if (key == null) {
            return List.of();
        }
        List<Object[]> rows = find(session, db, child.table(), child.key().columns(), key, 0);
        if (!rows.isEmpty() && editors.holds(db, child.table())) {
            editors.install(db, child.table());
            rows = find(session, db, child.table(), child.key().columns(), key, 0);
        }
        return rows;
    }

    /** Deletes the child rows ({@code replacement} null) or sets their key columns to {@code replacement}. */
    private static void cascade(Session session, DatabaseState db, Child child, List<Object[]> rows,
                                Object[] replacement, int depth, StatementEditors editors) {
        // the statement's own rows are level 0: nesting reaches MySQL's limit at the 15th level of cascades
        if (depth + 1 >= MAX_CASCADE_DEPTH) {
            throw new SqlError(ErrorCode.FK_DEPTH_EXCEEDED, "Foreign key cascade delete/update exceeds max depth of "
                    + MAX_CASCADE_DEPTH + ".");
        }
        StatementEditors.Open open = editors.editorFor(session, db, child.table());
        TableTarget target = open.target();
        TableSchema schema = target.value().schema();
        List<Child> grandChildren = childrenOf(db, target.name());
        TableEditor editor = open.editor();
        for (Object[] row : rows) {
            if (replacement == null) {
                // removed before its own children are visited, as InnoDB marks it deleted first: a cycle of keys
                // that leads back to it finds it gone
                if (editor.delete(row)) {
                    beforeDelete(session, db, target.name(), schema, grandChildren, row, depth + 1, editors);
                }
            } else {
                Object[] next = row.clone();
                for (int i = 0; i < child.key().columns().size(); i++) {
                    int c = schema.columnIndex(child.key().columns().get(i));
                    next[c] = ColumnValues.coerce(i < replacement.length ? replacement[i] : null,
                            schema.columns().get(c), 1);
                }
                if (GeneratedColumns.any(schema)) {
                    // generated columns over the key follow it, and so do the indexes on them
                    GeneratedColumns.compute(session, schema, next, 1, null);
                }
                beforeUpdate(session, db, target.name(), schema, grandChildren, row, next, depth + 1, editors);
                try {
                    editor.update(row, next);
                } catch (DuplicateKeyException e) {
                    throw new SqlError(ErrorCode.DUP_ENTRY, e.getMessage());
                }
            }
        }
        target.apply(editor);
    }

    /** The values of {@code columns} in {@code row}, or null when one of them is NULL. */
    static Object[] values(TableSchema schema, List<String> columns, Object[] row) {
        Object[] out = new Object[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = row[schema.columnIndex(columns.get(i))];
            if (out[i] == null) {
                return null;
            }
        }
        return out;
    }

    private static TableValue parentTable(DatabaseState db, ForeignKeyDef fk) {
        return db.workingRoot().resolveName(fk.referencedTable())
                .map(s -> db.repo().readTable(db.buffer(), db.workingRoot().tableHash(s))).orElse(null);
    }

    /** Rows of {@code table} whose {@code columns} equal {@code values} (at most {@code limit}; 0 = all). */
    private static List<Object[]> find(Session session, DatabaseState db, String table, List<String> columns,
                                       Object[] values, int limit) {
        SqlNode where = null;
        for (int i = 0; i < columns.size(); i++) {
            SqlNode eq = SqlStdOperatorTable.EQUALS.createCall(POS, new SqlIdentifier(columns.get(i), POS),
                    ValueLiterals.of(values[i]));
            where = where == null ? eq : SqlStdOperatorTable.AND.createCall(POS, where, eq);
        }
        SqlNodeList star = new SqlNodeList(List.of(SqlIdentifier.star(POS)), POS);
        SqlSelect select = new SqlSelect(POS, null, star, new SqlIdentifier(List.of(db.name(), table), POS), where,
                null, null, null, null, null, null, null);
        if (limit > 0) {
            select.setFetch(org.apache.calcite.sql.SqlLiteral.createExactNumeric(Integer.toString(limit), POS));
        }
        List<Object[]> out = new ArrayList<>();
        // the values are stored ones, and so must the rows found be
        QueryPlanner.Plan plan = dev.scion.sql.plan.StoredRowReads.asStored(() -> QueryPlanner.plan(session, select, ""));
        try (RowStream rows = plan.root().open(new ExecContext(session))) {
            Object[] r;
            while ((r = rows.next()) != null) {
                out.add(r.clone());
            }
        }
        return out;
    }

    private static SqlError referenced(DatabaseState db, Child child) {
        return new SqlError(ErrorCode.ROW_IS_REFERENCED_2, "Cannot delete or update a parent row: a foreign key "
                + "constraint fails (" + describe(db, child.table(), child.key()) + ")");
    }

    /** MySQL's description: {@code `db`.`child`, CONSTRAINT `fk` FOREIGN KEY (`c`) REFERENCES `p` (`id`)}. */
    public static String describe(DatabaseState db, String table, ForeignKeyDef fk) {
        return "`" + db.name() + "`.`" + table + "`, " + text(fk, ", ");
    }

    /** The constraint as SHOW CREATE TABLE prints it: MySQL lists its columns without blanks, {@code (`a`,`b`)}. */
    public static String definition(ForeignKeyDef fk) {
        return text(fk, ",");
    }

    /** The constraint's text, its column names joined by {@code separator} (InnoDB's error texts use ", "). */
    private static String text(ForeignKeyDef fk, String separator) {
        String sql = "CONSTRAINT `" + fk.name() + "` FOREIGN KEY (" + quoted(fk.columns(), separator)
                + ") REFERENCES `" + fk.referencedTable() + "` (" + quoted(fk.referencedColumns(), separator) + ")";
        if (fk.onDelete().printed()) {
            sql += " ON DELETE " + fk.onDelete().sql();
        }
        if (fk.onUpdate().printed()) {
            sql += " ON UPDATE " + fk.onUpdate().sql();
        }
        return sql;
    }

    private static String quoted(List<String> names, String separator) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(separator));
    }
}
