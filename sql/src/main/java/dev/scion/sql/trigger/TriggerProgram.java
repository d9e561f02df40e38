package dev.scion.sql.trigger;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.routine.RoutineBody;
import dev.scion.sql.routine.RoutineBody.Step;
import dev.scion.sql.routine.RoutineInterpreter;
import dev.scion.sql.session.Session;
import dev.scion.sql.trigger.TriggerDefinition.Event;
import dev.scion.sql.trigger.TriggerDefinition.Timing;
import dev.scion.versioning.schema.TableSchema;

import java.util.List;

/**
 * One run of a trigger's body for one row: the NEW row it may change and the OLD row it reads. The body runs in the
 * routine interpreter shared with stored procedures; this class gives it the rows.
 */
final class TriggerProgram implements RoutineInterpreter.RowAccess {
    private final Session session;
    private final TableSchema schema;
    private final TriggerDefinition trigger;
    private final Object[] oldRow;
    private final Object[] newRow;
    private boolean changed;

    TriggerProgram(Session session, TableSchema schema, TriggerDefinition trigger, Object[] oldRow, Object[] newRow) {
        this.session = session;
        this.schema = schema;
        this.trigger = trigger;
        this.oldRow = oldRow;
        this.newRow = newRow;
    }

    /** Runs the body; true if a {@code SET NEW.col} changed the NEW row. */
    boolean run() {
        RoutineInterpreter.runTrigger(session, trigger.body(), this);
        return changed;
    }

    @Override
    public String bind(String sql) {
        return RowReferences.substitute(sql, (ref, at) -> {
            int c = columnOf(schema, trigger, ref.row(), ref.column());
            return ref.row().equals("NEW") ? newRow[c] : oldRow[c];
        });
    }

    @Override
    public void assign(String row, String column, Object value) {
        newRow[columnOf(schema, trigger, row, column)] = value;
        changed = true;
    }

    /** The column a NEW/OLD reference names, with MySQL's errors for a row the trigger does not have. */
    static int columnOf(TableSchema schema, TriggerDefinition trigger, String row, String column) {
        if (row.equals("NEW") && trigger.event() == Event.DELETE) {
            throw new SqlError(ErrorCode.TRG_NO_SUCH_ROW_IN_TRG, "There is no NEW row in on DELETE trigger");
        }
        if (row.equals("OLD") && trigger.event() == Event.INSERT) {
            throw new SqlError(ErrorCode.TRG_NO_SUCH_ROW_IN_TRG, "There is no OLD row in on INSERT trigger");
        }
        int c = schema.columnIndex(column);
        if (c < 0) {
            throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + column + "' in '" + row + "'");
        }
        return c;
    }

    /** CREATE TRIGGER's checks of the body against the table: rows, columns, and which row may be assigned. */
    static void validate(TableSchema schema, TriggerDefinition trigger) {
        validate(schema, trigger, trigger.body().steps());
    }

    private static void validate(TableSchema schema, TriggerDefinition trigger, List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof RoutineBody.If f) {
                for (RoutineBody.Branch b : f.branches()) {
                    check(schema, trigger, b.condition());
                    validate(schema, trigger, b.steps());
                }
                validate(schema, trigger, f.otherwise());
            } else if (step instanceof RoutineBody.Case c) {
                check(schema, trigger, c.operand());
                for (RoutineBody.Branch b : c.branches()) {
                    check(schema, trigger, b.condition());
                    validate(schema, trigger, b.steps());
                }
                if (c.otherwise() != null) {
                    validate(schema, trigger, c.otherwise());
                }
            } else if (step instanceof RoutineBody.While w) {
                check(schema, trigger, w.condition());
                validate(schema, trigger, w.steps());
            } else if (step instanceof RoutineBody.Repeat r) {
                check(schema, trigger, r.condition());
                validate(schema, trigger, r.steps());
            } else if (step instanceof RoutineBody.Loop l) {
                validate(schema, trigger, l.steps());
            } else if (step instanceof RoutineBody.Block b) {
                validate(schema, trigger, b.steps());
            } else if (step instanceof RoutineBody.DeclareHandler h) {
                validate(schema, trigger, List.of(h.body()));
            } else if (step instanceof RoutineBody.Declare d) {
                check(schema, trigger, d.defaultExpr());
            } else if (step instanceof RoutineBody.Assign assign) {
                for (RoutineBody.Assignment a : assign.assignments()) {
                    if ("OLD".equals(a.row())) {
                        throw new SqlError(ErrorCode.TRG_CANT_CHANGE_ROW, "Updating of OLD row is not allowed in trigger");
                    }
                    if ("NEW".equals(a.row())) {
                        columnOf(schema, trigger, "NEW", a.target());
                        if (trigger.timing() == Timing.AFTER) {
                            throw new SqlError(ErrorCode.TRG_CANT_CHANGE_ROW,
                                    "Updating of NEW row is not allowed in after trigger");
                        }
                    }
                    check(schema, trigger, a.expr());
                }
            } else if (step instanceof RoutineBody.Run r) {
                check(schema, trigger, r.sql());
            } else if (step instanceof RoutineBody.Select s) {
                check(schema, trigger, s.sql());
            } else if (step instanceof RoutineBody.Signal s) {
                check(schema, trigger, s.messageExpr());
            } else {
            }
        }
    }

    private static void check(TableSchema schema, TriggerDefinition trigger, String sql) {
        if (sql != null) {
            RowReferences.substitute(sql, (ref, at) -> {
                columnOf(schema, trigger, ref.row(), ref.column());
                return null;
            });
        }
    }
}
