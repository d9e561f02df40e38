package dev.scion.sql.dml;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.SchemaFragments;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.lock.RowLocking;
import dev.scion.sql.privilege.Privilege;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.ServerReadOnly;
import dev.scion.sql.session.Session;
import dev.scion.sql.trigger.TableTriggers;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.table.DuplicateKeyException;
import dev.scion.versioning.table.TableEditor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One-row writes without Calcite: {@code UPDATE t SET ... WHERE pk = n}, {@code DELETE FROM t WHERE pk = n} and
 * {@code INSERT INTO t (...) VALUES (...)} with literal values (the statements of sysbench's write tests), parsed by
 * {@link WriteStatementParser} and applied with one primary-key lookup. Parsing, validating and planning the row
 * query cost more than the write itself on the general path.
 *
 * <p>The fast path gives the same results as the general path, because it only takes statements where nothing can
 * differ: a user table with a single integer primary key, no triggers, no foreign keys (while they are checked),
 * privileges the session has, a writable server, database and transaction. For anything else, and for any value
 * it cannot compute exactly, it returns empty before changing anything, and the general path runs the statement and
 * reports its errors. Column values are coerced, CHECK constraints verified and auto-increment values generated
 * by the same code the general path uses.
 */
public final class WriteFastPath {
    private WriteFastPath() {
    }

    /**
     * Whether {@code sql} is a one-row write of a shape this session's fast path completed last time, on a server
     * where no other session holds or awaits a row lock: it will very likely be served here again and cannot wait
     * for another session's lock (an autocommit one waits only for its own commit's sync). A scan of the text and
     * two set lookups; nothing is read. A server uses it to run the statement on its network thread when nothing
     * else runs.
     */
    public static boolean runsBriefly(Session session, String sql) {
        return wasServed(session, sql) && session.engine().rowLocks().noneHeldExceptBy(session);
    }

    /**
     * Whether {@code sql} is a one-row write of a shape this session's fast path completed last time, whatever row
     * locks other sessions hold: it does not wait for the client or produce a large result, but may wait for a lock.
     */
    public static boolean wasServed(Session session, String sql) {
        Object parsed = WriteStatementParser.parse(sql);
        if (parsed == null) {
            return false;
        }
        String shape = shape(session, parsed);
        return shape != null && session.servedWrites().contains(shape);
    }

    public static Optional<StatementResult> tryExecute(Session session, String sql) {
        Object parsed = WriteStatementParser.parse(sql);
        return parsed == null ? Optional.empty() : execute(session, parsed);
    }

    /**
     * A prepared write's execution: the same as {@link #tryExecute(Session, String)} on its bound text, without
     * making or parsing that text.
     */
    public static Optional<StatementResult> tryExecute(Session session, PreparedWrite.Bound bound) {
        return execute(session, bound.statement());
    }

    private static Optional<StatementResult> execute(Session session, Object parsed) {
        if (dev.scion.sql.dolt.SchemaOverride.revision(session).isPresent()) {
            return Optional.empty();
        }
        Optional<StatementResult> result;
        if (parsed instanceof WriteStatementParser.Update u) {
            result = update(session, u);
        } else if (parsed instanceof WriteStatementParser.Delete d) {
            result = delete(session, d);
        } else {
            result = insert(session, (WriteStatementParser.Insert) parsed);
        }
        String shape = shape(session, parsed);
        if (shape != null) {
            if (result.isPresent()) {
                session.servedWrites().served(shape);
            } else {
                session.servedWrites().declined(shape);
            }
        }
        return result;
    }

    /** The statement's {@link dev.scion.sql.session.ServedShapes} key, or null without a database. */
    private static String shape(Session session, Object parsed) {
        WriteStatementParser.Table t;
        String kind;
        if (parsed instanceof WriteStatementParser.Update u) {
            t = u.table();
            kind = "U";
        } else if (parsed instanceof WriteStatementParser.Delete d) {
            t = d.table();
            kind = "D";
        } else {
            t = ((WriteStatementParser.Insert) parsed).table();
            kind = "I";
        }
        String dbName = t.database() != null ? t.database() : session.currentDatabase();
        return dbName == null ? null : session.servedWrites().keyOf(dbName, t.table(), kind);
    }

    /** A table the fast path may write, and whether foreign keys name it (while they are not checked). */
    private record Target(TableTarget table, String typedName, boolean foreignKeys) {
        TableValue value() {
            return table.value();
        }

        /**
         * The editor a statement writes the table with: a fork of the transaction's deferred writes to the table
         * when there are some, so that the statement sees them and a failure leaves them as they were.
         */
        TableEditor editor() {
            DeferredRowEdits deferred = table.database().deferredEdits(table.name());
            return deferred != null ? deferred.fork() : table.editor();
        }

        /**
         * Defers the editor's rows to the transaction (built into trees when the working root is next read,
         * {@link DeferredRowEdits}); they are built at once when many are pending. Building them remembers the
         * table for the root written, where it has the same name, schema, triggers and foreign keys: the next
         * statement that starts from that root finds it.
         */
        void apply(TableEditor editor) {
            DatabaseState db = table.database();
            DeferredRowEdits edits = new DeferredRowEdits(typedName, table.name(), table.value(), editor,
                    foreignKeys);
            db.defer(edits);
            if (edits.tooLarge()) {
                db.workingRootHash();
            }
        }
    }

    /** A table the fast path may write, or null. */
    private static Target target(Session session, WriteStatementParser.Table t, Privilege... privileges) {
        String dbName = t.database() != null ? t.database() : session.currentDatabase();
        if (dbName == null || t.table().toLowerCase(Locale.ROOT).startsWith("dolt")) {
            return null; // no database (1046), or a dolt system table: the general path knows what to do
        }
        if (session.isReadOnlyTransaction() || ServerReadOnly.isOn(session)) {
            return null;
        }
        DatabaseState db = session.findDatabase(dbName).orElse(null);
        if (db != null) {
            db = session.temporaryTables().resolve(db, t.table()); // a temporary table's home is detached
        }
        if (db == null || db.isReadOnly() || db.isDetached()) {
            return null;
        }
        for (Privilege p : privileges) {
            if (!session.access().has(p, db.databaseName(), t.table())) {
                return null;
            }
        }
        // inside a trigger every statement resolves afresh, so that TableTriggers.load can refuse (1442) one
        // that writes the table whose trigger is running
        WriteTargets known = db.writeTargets();
        // deferred row writes change no name, schema, trigger or foreign key: the root under them answers
        WriteTargets.Entry hit = TableTriggers.running() ? null : known.find(t.table(), db.rootUnderDeferredEdits());
        if (hit != null) {
            if (hit.blocked() || (hit.foreignKeys() && ForeignKeys.enabled(session))) {
                return null;
            }
            return new Target(TableTarget.of(db, hit.stored(), hit.value()), t.table(), hit.foreignKeys());
        }
        // the root under the transaction's deferred row writes (to other tables, or to this one, whose entry was
        // dropped) answers names, schemas and foreign keys without building them; a root that may hold triggers
        // is read built, as the trigger lookup reads the working root
        RootValue under = db.rootValueUnderDeferredEdits();
        boolean fragments = TableTriggers.running() || under.resolveName(SchemaFragments.TABLE).isPresent();
        if (fragments) {
            under = db.workingRoot();
        }
        Hash root = db.rootUnderDeferredEdits();
        RootValue.NamedTable found = under.find(t.table());
        if (found == null) {
            return null;
        }
        String stored = found.name();
        TableValue value = db.repo().readTable(db.buffer(), found.address());
        TableSchema schema = value.schema();
        boolean foreignKeys = !schema.foreignKeys().isEmpty()
                || !db.repo().foreignKeys(db.buffer(), root).childrenOf(stored).isEmpty();
        if (foreignKeys && ForeignKeys.enabled(session)) {
            return null;
        }
        // generated columns are computed by the expression evaluator, and ON UPDATE CURRENT_TIMESTAMP columns
        // set, on the general path
        for (Column c : schema.columns()) {
            if (c.generated() || c.onUpdateSql() != null) {
                known.remember(t.table(), new WriteTargets.Entry(root, stored, value, foreignKeys, true));
                return null;
            }
        }
        // also refuses (1442) a trigger's statement that writes the table its statement is writing
        boolean triggers = fragments && !TableTriggers.load(session, db, stored, schema).isEmpty();
        known.remember(t.table(), new WriteTargets.Entry(root, stored, value, foreignKeys, triggers));
        return triggers ? null : new Target(TableTarget.of(db, stored, value), t.table(), foreignKeys);
    }

    /** The position of the single integer primary-key column named {@code column}, or -1. */
    private static int integerKey(TableSchema schema, String column) {
        int[] pk = schema.primaryKeyIndexes();
        if (schema.isKeyless() || pk.length != 1) {
            return -1;
        }
        Column c = schema.columns().get(pk[0]);
        boolean integer = c.type().kind().isInteger() && !(c.type().kind() == TypeKind.BIGINT && c.type().unsigned());
        return integer && c.name().equalsIgnoreCase(column) ? pk[0] : -1;
    }

    private static Session lenient(Session session) {
        return ColumnValues.strict(session) ? null : session;
    }

    private static Optional<StatementResult> update(Session session, WriteStatementParser.Update u) {
        Target target = target(session, u.table(), Privilege.UPDATE, Privilege.SELECT);
        if (target == null) {
            return Optional.empty();
        }
        TableSchema schema = target.value().schema();
        if (integerKey(schema, u.keyColumn()) < 0 || SessionTimestamps.converts(schema, session)) {
            return Optional.empty(); // SET ts = other_ts copies a stored value the general path reads in the zone
        }
        int[] assigned = new int[u.columns().size()];
        int[] sources = new int[u.columns().size()];
        for (int i = 0; i < assigned.length; i++) {
            assigned[i] = schema.columnIndex(u.columns().get(i));
            WriteStatementParser.Value v = u.values().get(i);
            sources[i] = v.column() == null ? -1 : schema.columnIndex(v.column());
            if (assigned[i] < 0 || (v.column() != null && sources[i] < 0)) {
                return Optional.empty(); // 1054 from the general path
            }
        }
        TableEditor editor = target.editor();
        byte[] key = editor.codec().keyFromKeyValues(new Object[] {u.key()});
        RowLocking.lockForWrite(session, target.table().database(), target.table().name(), editor, key);
        Object[] old = editor.getByKey(key);
        if (old == null) {
            return Optional.of(updated(session, 0, 0));
        }
        // every value is computed from the old row before anything is coerced, as the general path's row query does
        Object[] computed = new Object[assigned.length];
        for (int i = 0; i < assigned.length; i++) {
            WriteStatementParser.Value v = u.values().get(i);
            if (v.column() == null) {
                computed[i] = v.literal();
            } else if (v.delta() == 0) {
                computed[i] = old[sources[i]];
            } else if (old[sources[i]] instanceof Long n && schema.columns().get(sources[i]).type().kind().isInteger()) {
                try {
                    computed[i] = Math.addExact(n, v.delta());
                } catch (ArithmeticException overflow) {
                    return Optional.empty(); // 1690 from the general path
                }
            } else {
                return Optional.empty(); // NULL, decimal, string or float arithmetic: the expression evaluator's job
            }
        }
        Session lenient = lenient(session);
        Object[] next = old.clone();
        for (int i = 0; i < assigned.length; i++) {
            next[assigned[i]] = ColumnValues.coerce(computed[i], schema.columns().get(assigned[i]), 1, lenient,
                    session);
        }
        if (UpdateExecutor.sameRow(old, next)) {
            return Optional.of(updated(session, 1, 0));
        }
        CheckConstraints.verify(session, schema, next);
        try {
            editor.update(old, next);
        } catch (DuplicateKeyException e) {
            throw new SqlError(ErrorCode.DUP_ENTRY, e.getMessage());
        }
        target.apply(editor);
        return Optional.of(updated(session, 1, 1));
    }

    private static StatementResult updated(Session session, long matched, long changed) {
        int warnings = session.warnings().size();
        String info = warnings == 0 ? ONE_ROW_INFO[(int) matched][(int) changed]
                : "Rows matched: " + matched + "  Changed: " + changed + "  Warnings: " + warnings;
        return new StatementResult.Update(session.foundRows() ? matched : changed, 0, warnings, info);
    }

    /** The OK packet's info of a one-row UPDATE without warnings, by rows matched and changed (0 or 1 each). */
    private static final String[][] ONE_ROW_INFO = {
        {"Rows matched: 0  Changed: 0  Warnings: 0", null},
        {"Rows matched: 1  Changed: 0  Warnings: 0", "Rows matched: 1  Changed: 1  Warnings: 0"},
    };

    private static Optional<StatementResult> delete(Session session, WriteStatementParser.Delete d) {
        Target target = target(session, d.table(), Privilege.DELETE, Privilege.SELECT);
        if (target == null || integerKey(target.value().schema(), d.keyColumn()) < 0) {
            return Optional.empty();
        }
        TableEditor editor = target.editor();
        byte[] key = editor.codec().keyFromKeyValues(new Object[] {d.key()});
        RowLocking.lockForWrite(session, target.table().database(), target.table().name(), editor, key);
        Object[] old = editor.getByKey(key);
        if (old == null || !editor.delete(old)) {
            return Optional.of(StatementResult.Update.of(0));
        }
        target.apply(editor);
        return Optional.of(StatementResult.Update.of(1));
    }

    private static Optional<StatementResult> insert(Session session, WriteStatementParser.Insert ins) {
        Target target = target(session, ins.table(), Privilege.INSERT);
        if (target == null) {
            return Optional.empty();
        }
        TableSchema schema = target.value().schema();
        int[] positions = positions(schema, ins.columns());
        if (positions == null) {
            return Optional.empty();
        }
        for (Object[] row : ins.rows()) {
            if (row.length != positions.length) {
                return Optional.empty(); // 1136 from the general path
            }
        }
        TableEditor editor = target.editor();
        InsertExecutor.RowBuilder builder = new InsertExecutor.RowBuilder(session, schema, editor,
                lenient(session));
        builder.sharedIds = target.table().sharedAutoIncrement();
        long rowNumber = 0;
        for (Object[] values : ins.rows()) {
            Object[] row = builder.build(positions, values, ++rowNumber, null);
            if (!schema.checks().isEmpty()) {
                CheckConstraints.verify(session, schema, row);
            }
            RowLocking.lockForWrite(session, target.table().database(), target.table().name(), editor,
                    editor.codec().key(row));
            try {
                editor.insert(row);
            } catch (DuplicateKeyException e) {
                throw new SqlError(ErrorCode.DUP_ENTRY, e.getMessage());
            }
        }
        target.apply(editor);
        LastInsertUuid.record(session, schema, builder.firstRow());
        long firstId = builder.firstGeneratedId();
        if (firstId != 0) {
            session.setLastInsertId(firstId);
        }
        int warnings = session.warnings().size();
        String info = rowNumber > 1 ? "Records: " + rowNumber + "  Duplicates: 0  Warnings: " + warnings : null;
        return Optional.of(new StatementResult.Update(rowNumber, firstId, warnings, info));
    }

    /** Positions of the listed columns (every column when none are listed), or null when one is unknown or twice. */
    private static int[] positions(TableSchema schema, List<String> columns) {
        if (columns.isEmpty()) {
            int[] all = new int[schema.columns().size()];
            java.util.Arrays.setAll(all, i -> i);
            return all;
        }
        int[] out = new int[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = schema.columnIndex(columns.get(i));
            for (int j = 0; j < i; j++) {
                if (out[i] < 0 || out[j] == out[i]) {
                    return null;
                }
            }
            if (out[i] < 0) {
                return null;
            }
        }
        return out;
    }
}
