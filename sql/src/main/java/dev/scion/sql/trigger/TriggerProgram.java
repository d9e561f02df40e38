package dev.scion.sql.trigger;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.trigger.TriggerBody.Assign;
import dev.scion.sql.trigger.TriggerBody.Assignment;
import dev.scion.sql.trigger.TriggerBody.Run;
import dev.scion.sql.trigger.TriggerBody.Signal;
import dev.scion.sql.trigger.TriggerBody.Step;
import dev.scion.sql.trigger.TriggerDefinition.Event;
import dev.scion.sql.trigger.TriggerDefinition.Timing;
import dev.scion.versioning.schema.TableSchema;

/** One run of a trigger's body for one row: the NEW row it may change and the OLD row it reads. */
final class TriggerProgram {
    private final Session session;
    private final TableSchema schema;
    private final TriggerDefinition trigger;
    private final Object[] oldRow;
    private final Object[] newRow;

    TriggerProgram(Session session, TableSchema schema, TriggerDefinition trigger, Object[] oldRow, Object[] newRow) {
        this.session = session;
        this.schema = schema;
        this.trigger = trigger;
        this.oldRow = oldRow;
        this.newRow = newRow;
    }

    /** The body's DECLAREd variables, by name in any case. */
    private final java.util.Map<String, Object> locals = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private boolean changed;

    /** Runs every step; true if a {@code SET NEW.col} changed the NEW row. */
    boolean run() {
        runSteps(trigger.body().steps());
        return changed;
    }

    private void runSteps(java.util.List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof Assign assign) {
                for (Assignment a : assign.assignments()) {
                    Object value = evaluate(a.expr());
                    if (a.row() != null) {
                        newRow[columnOf(schema, trigger, a.row(), a.target())] = value;
                        changed = true;
                    } else if (locals.containsKey(a.target())) {
                        locals.put(a.target(), value);
                    } else {
                        TableTriggers.runNested(session, "SET " + a.target() + " = " + RowReferences.literal(value));
                    }
                }
            } else if (step instanceof Run r) {
                TableTriggers.runNested(session, bind(r.sql()));
            } else if (step instanceof Signal s) {
                String message = s.messageExpr() == null ? "Unhandled user-defined exception condition"
                        : Values.toStringValue(evaluate(s.messageExpr()));
                throw new SignalError(s.sqlState(), message);
            } else if (step instanceof TriggerBody.Declare d) {
                Object initial = d.defaultExpr() == null ? null : evaluate(d.defaultExpr());
                d.names().forEach(n -> locals.put(n, initial));
            } else if (step instanceof TriggerBody.If f) {
                java.util.List<Step> chosen = f.otherwise();
                for (TriggerBody.Branch b : f.branches()) {
                    if (holds(b.condition())) {
                        chosen = b.steps();
                        break;
                    }
                }
                runSteps(chosen);
            } else if (step instanceof TriggerBody.While w) {
                while (holds(w.condition())) {
                    session.checkNotCancelled();
                    runSteps(w.steps());
                }
            } else if (step instanceof TriggerBody.Repeat rp) {
                do {
                    session.checkNotCancelled();
                    runSteps(rp.steps());
                } while (!holds(rp.condition()));
            }
        }
    }

    /** A condition is met when it is true; NULL and false are not (MySQL's IF and loops). */
    private boolean holds(String condition) {
        return Boolean.TRUE.equals(Values.truth(evaluate(condition)));
    }

    private Object evaluate(String expr) {
        StatementResult r = session.engine().executeNested(session, "SELECT " + bind(expr));
        if (!(r instanceof StatementResult.Rows rows)) {
            throw new IllegalStateException("SELECT returned no rows");
        }
        try (RowStream stream = rows.rows()) {
            Object[] row = stream.next();
            return row == null ? null : row[0];
        }
    }

    private String bind(String sql) {
        String rows = RowReferences.substitute(sql, (ref, at) -> {
            int c = columnOf(schema, trigger, ref.row(), ref.column());
            return ref.row().equals("NEW") ? newRow[c] : oldRow[c];
        });
        return locals.isEmpty() ? rows : LocalVariables.substitute(rows, locals);
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

    private static void validate(TableSchema schema, TriggerDefinition trigger, java.util.List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof TriggerBody.If f) {
                for (TriggerBody.Branch b : f.branches()) {
                    checkReferences(schema, trigger, b.condition());
                    validate(schema, trigger, b.steps());
                }
                validate(schema, trigger, f.otherwise());
            } else if (step instanceof TriggerBody.While w) {
                checkReferences(schema, trigger, w.condition());
                validate(schema, trigger, w.steps());
            } else if (step instanceof TriggerBody.Repeat r) {
                checkReferences(schema, trigger, r.condition());
                validate(schema, trigger, r.steps());
            } else if (step instanceof TriggerBody.Declare d && d.defaultExpr() != null) {
                checkReferences(schema, trigger, d.defaultExpr());
            }
            if (step instanceof Assign assign) {
                for (Assignment a : assign.assignments()) {
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
                    checkReferences(schema, trigger, a.expr());
                }
            } else if (step instanceof Run r) {
                checkReferences(schema, trigger, r.sql());
            } else if (step instanceof Signal s && s.messageExpr() != null) {
                checkReferences(schema, trigger, s.messageExpr());
            }
        }
    }

    private static void checkReferences(TableSchema schema, TriggerDefinition trigger, String sql) {
        RowReferences.substitute(sql, (ref, at) -> {
            columnOf(schema, trigger, ref.row(), ref.column());
            return null;
        });
    }
}
