package dev.scion.sql.trigger;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.dml.ColumnValues;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.sql.trigger.TriggerDefinition.Event;
import dev.scion.sql.trigger.TriggerDefinition.Timing;
import dev.scion.sql.expr.StoredTimestamps;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import java.time.ZoneId;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The triggers of one table for one write statement: the DML executors call {@link #before} and {@link #after}
 * around every row they insert, update or delete. A BEFORE trigger may change the NEW row; its statements run
 * through the normal statement path inside the current statement (no commit), with NEW/OLD replaced by values.
 */
public final class TableTriggers {
    /** Tables whose triggers are running on this thread (one session runs one statement at a time per thread). */
    private static final ThreadLocal<Set<String>> ACTIVE = ThreadLocal.withInitial(HashSet::new);

    private static final TableTriggers NONE = new TableTriggers(null, null, null, null, List.of());

    private final Session session;
    private final DatabaseState db;
    private final String table;
    private final TableSchema schema;
    private final List<Triggers.Recorded> triggers;
    /** Installs the rows the statement wrote so far in the working root, or null (see {@link #showWritesWith}). */
    private Runnable publishWrites;

    private TableTriggers(Session session, DatabaseState db, String table, TableSchema schema,
                          List<Triggers.Recorded> triggers) {
        this.session = session;
        this.db = db;
        this.table = table;
        this.schema = schema;
        this.triggers = triggers;
    }

    /**
     * The triggers on {@code table} for a statement about to write it. Fails with 1442 when a trigger of the
     * statement that is running writes that same table (MySQL forbids it: the outer statement is using it).
     */
    public static TableTriggers load(Session session, DatabaseState db, String table, TableSchema schema) {
        if (ACTIVE.get().contains(key(db, table))) {
            throw new SqlError(ErrorCode.CANT_UPDATE_USED_TABLE_IN_SF_OR_TRG, "Can't update table '" + table
                    + "' in stored function/trigger because it is already used by statement which invoked this "
                    + "stored function/trigger.");
        }
        List<Triggers.Recorded> found = Triggers.forTableRecorded(db, table);
        return found.isEmpty() ? NONE : new TableTriggers(session, db, table, schema, found);
    }

    /** Whether some table's triggers are running on this thread (the statement is a trigger's). */
    public static boolean running() {
        return !ACTIVE.get().isEmpty();
    }

    public boolean isEmpty() {
        return triggers.isEmpty();
    }

    /**
     * Lets the triggers see the statement's own writes: {@code publish} installs the rows written so far in the
     * transaction's working root and runs before each trigger, as MySQL's triggers see the rows the statement
     * inserted before theirs (an AFTER INSERT trigger counting the table counts its own row).
     */
    public void showWritesWith(Runnable publish) {
        if (!triggers.isEmpty()) {
            this.publishWrites = publish;
        }
    }

    /** Whether some trigger runs at {@code timing} of {@code event}. */
    public boolean has(Timing timing, Event event) {
        for (Triggers.Recorded r : triggers) {
            if (r.definition().timing() == timing && r.definition().event() == event) {
                return true;
            }
        }
        return false;
    }

    /** Runs the BEFORE triggers of {@code event}; returns the NEW row as they left it (coerced to the columns). */
    public Object[] before(Event event, Object[] oldRow, Object[] newRow, long rowNumber, Session lenient) {
        if (triggers.isEmpty()) {
            return newRow;
        }
        // the trigger reads and sets TIMESTAMP columns in the session's time zone; values it leaves stay as stored
        ZoneId zone = StoredTimestamps.conversionZone(session);
        Object[] row = newRow == null ? null : newRow.clone();
        Object[] local = StoredTimestamps.readRow(row, schema.columns(), zone);
        Object[] seen = local == row || local == null ? null : local.clone();
        boolean changed = run(Timing.BEFORE, event, StoredTimestamps.readRow(oldRow, schema.columns(), zone), local);
        if (changed) {
            for (int c = 0; c < row.length; c++) {
                Column col = schema.columns().get(c);
                if (seen != null && java.util.Objects.equals(seen[c], local[c])
                        && col.type().kind() == TypeKind.TIMESTAMP) {
                    continue;
                }
                Object v = ColumnValues.coerce(local[c], col, rowNumber, lenient, session);
                row[c] = col.type().kind() == TypeKind.TIMESTAMP ? StoredTimestamps.toStored(v, zone) : v;
            }
        }
        return row;
    }

    /** Runs the AFTER triggers of {@code event}. */
    public void after(Event event, Object[] oldRow, Object[] newRow) {
        if (!triggers.isEmpty()) {
            ZoneId zone = StoredTimestamps.conversionZone(session);
            run(Timing.AFTER, event, StoredTimestamps.readRow(oldRow, schema.columns(), zone),
                    StoredTimestamps.readRow(newRow, schema.columns(), zone));
        }
    }

    private boolean run(Timing timing, Event event, Object[] oldRow, Object[] newRow) {
        boolean changed = false;
        if (publishWrites != null && has(timing, event)) {
            publishWrites.run();
        }
        String key = key(db, table);
        Set<String> active = ACTIVE.get();
        boolean added = active.add(key);
        // MySQL runs a trigger's statements in the trigger's database, whatever the session's current one is
        String previous = session.currentDatabase();
        boolean switched = !db.name().equalsIgnoreCase(String.valueOf(previous));
        try {
            if (switched) {
                session.useDatabase(db.name());
            }
            for (Triggers.Recorded r : triggers) {
                TriggerDefinition t = r.definition();
                if (t.timing() == timing && t.event() == event) {
                    changed |= runUnderItsMode(r, () -> new TriggerProgram(session, schema, t, oldRow, newRow).run());
                }
            }
        } finally {
            if (switched) {
                if (previous == null) {
                    session.clearCurrentDatabase();
                } else {
                    session.useDatabase(previous);
                }
            }
            if (added) {
                active.remove(key);
            }
        }
        return changed;
    }

    /** Runs a trigger's body under the sql_mode it was created with, as MySQL does, then restores the session's. */
    private boolean runUnderItsMode(Triggers.Recorded trigger, java.util.function.BooleanSupplier body) {
        if (trigger.sqlMode() == null) {
            return body.getAsBoolean();
        }
        Object own = session.variable("sql_mode");
        session.setVariable("sql_mode", trigger.sqlMode());
        try {
            return body.getAsBoolean();
        } finally {
            session.setVariable("sql_mode", own);
        }
    }

    private static String key(DatabaseState db, String table) {
        return (db.name() + "." + table).toLowerCase(Locale.ROOT);
    }
}
