package dev.scion.sql.routine;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.DirectExpression;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.routine.RoutineBody.Step;
import dev.scion.sql.session.Session;
import dev.scion.sql.trigger.SignalError;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a {@link RoutineBody} for one trigger row or one CALL. Every expression is evaluated as {@code SELECT expr}
 * and every plain statement is run through the normal statement path (inside the statement that is running, no
 * commit) after its variables are replaced by their values as literals, so the body sees exactly the SQL dialect
 * of the server. Blocks give scopes to locals, handlers, conditions and cursors.
 */
public final class RoutineInterpreter {

    /** A trigger's access to its NEW and OLD rows; procedures have none. */
    public interface RowAccess {
        /** The statement text with {@code NEW.col} / {@code OLD.col} replaced by values. */
        String bind(String sql);

        /** {@code SET NEW.col = value}. */
        void assign(String row, String column, Object value);
    }

    /** Where a CALL's OUT and INOUT arguments are written back. */
    interface OutTarget {
        void set(Object value);
    }

    private static final class Variable {
        final String type;
        Object value;

        Variable(String type, Object value) {
            this.type = type;
            this.value = value;
        }
    }

    private record Handler(RoutineBody.DeclareHandler declaration, Scope scope) {
    }

    private static final class Cursor {
        final String select;
        List<Object[]> rows;
        int next;

        Cursor(String select) {
            this.select = select;
        }
    }

    private static final class Scope {
        final Map<String, Variable> variables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final List<Handler> handlers = new ArrayList<>();
        final Map<String, String> conditions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final Map<String, Cursor> cursors = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    /** LEAVE and ITERATE unwind to their labelled construct; an EXIT handler unwinds to its block. */
    private static final class Jump extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String label;
        final boolean iterate;
        final transient Scope exitScope;

        Jump(String label, boolean iterate, Scope exitScope) {
            super(null, null, false, false);
            this.label = label;
            this.iterate = iterate;
            this.exitScope = exitScope;
        }
    }

    private final Session session;
    private final RowAccess rows;
    /** Whether this runs a procedure's or an event's body, whose statements commit one by one under autocommit. */
    private boolean commitsEachStatement;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    /** The conditions whose handlers are running, innermost first: what a RESIGNAL raises again. */
    private final Deque<SqlError> handling = new ArrayDeque<>();
    /** The diagnostics area each running handler began with, innermost first (GET STACKED DIAGNOSTICS). */
    private final Deque<DiagnosticsArea> stacked = new ArrayDeque<>();
    /** The handlers running, innermost first, with how many scopes were open when each started. */
    private final Deque<Running> runningHandlers = new ArrayDeque<>();

    private record Running(Handler handler, int depth) {
    }
    private final List<StatementResult> results;
    private StatementResult lastUpdate = StatementResult.ok();
    /** The variables as compiled expressions read them: a local's value, or "not a local". */
    private final DirectExpression.Frame frame = name -> {
        Variable v = variable(name);
        return v == null ? DirectExpression.FALL_BACK : v.value;
    };

    private RoutineInterpreter(Session session, RowAccess rows, List<StatementResult> results) {
        this.session = session;
        this.rows = rows;
        this.results = results;
    }

    /** Runs a trigger's body for one row. */
    public static void runTrigger(Session session, RoutineBody body, RowAccess rows) {
        RoutineInterpreter in = new RoutineInterpreter(session, rows, null);
        in.scopes.push(new Scope());
        CommitForbidden.during(() -> {
            in.runBlock(body.steps(), null);
            return null;
        });
    }

    /**
     * Runs an event's body (the scheduler's): result sets of its SELECTs are dropped, as MySQL drops them, and each
     * statement commits on its own under autocommit, as a procedure's does.
     */
    public static void runEvent(Session session, RoutineBody body) {
        RoutineInterpreter in = new RoutineInterpreter(session, null, new ArrayList<>());
        in.commitsEachStatement = true;
        in.scopes.push(new Scope());
        in.runBlock(body.steps(), null);
    }

    /**
     * Runs a procedure body with its parameters bound; result sets it produces are added to {@code results}.
     * Returns the OK of its last data-changing statement.
     */
    static StatementResult runProcedure(Session session, ProcedureDefinition procedure, List<Object> args,
                                        List<OutTarget> outs, List<StatementResult> results) {
        List<ProcedureDefinition.Parameter> params = procedure.parameters();
        RoutineInterpreter in = new RoutineInterpreter(session, null, results);
        in.commitsEachStatement = true;
        Scope top = new Scope();
        for (int i = 0; i < params.size(); i++) {
            ProcedureDefinition.Parameter p = params.get(i);
            Object v = p.mode() == ProcedureDefinition.Mode.OUT ? null : ParameterValues.bind(session, p, args.get(i));
            top.variables.put(p.name(), new Variable(p.type(), v));
        }
        in.scopes.push(top);
        // the arguments are bound under the caller's sql_mode, the body runs under the procedure's
        RoutineSqlMode.run(session, procedure.sqlMode(), () -> {
            in.runBlock(procedure.body().steps(), null);
            return null;
        });
        for (int i = 0; i < params.size(); i++) {
            ProcedureDefinition.Parameter p = params.get(i);
            if (p.mode() != ProcedureDefinition.Mode.IN && outs.get(i) != null) {
                outs.get(i).set(top.variables.get(p.name()).value);
            }
        }
        return in.lastUpdate;
    }

    /** RETURN: unwinds a function's body with its value. */
    private static final class Returned extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Object value;

        Returned(Object value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /**
     * Runs a stored function's body with its arguments bound and returns the RETURN value converted to the declared
     * type; a body that ends without RETURN is error 1321.
     */
    static Object runFunction(Session session, ProcedureDefinition f, List<Object> args) {
        RoutineInterpreter in = new RoutineInterpreter(session, null, null);
        Scope top = new Scope();
        for (int i = 0; i < f.parameters().size(); i++) {
            ProcedureDefinition.Parameter p = f.parameters().get(i);
            top.variables.put(p.name(), new Variable(p.type(), ParameterValues.bind(session, p, args.get(i))));
        }
        in.scopes.push(top);
        try {
            CommitForbidden.during(() -> RoutineSqlMode.run(session, f.sqlMode(), () -> {
                in.runBlock(f.body().steps(), null);
                return null;
            }));
        } catch (Returned r) {
            return coerce(r.value, f.returns());
        }
        throw new SqlError(ErrorCode.SP_NORETURNEND, "FUNCTION " + f.name() + " ended without RETURN");
    }

    /** Runs steps in a new scope; an EXIT handler declared in it ends it. */
    private void runBlock(List<Step> steps, String label) {
        Scope scope = new Scope();
        scopes.push(scope);
        try {
            runSteps(steps);
        } catch (Jump j) {
            boolean mine = j.exitScope == scope || (!j.iterate && j.exitScope == null && label != null
                    && label.equalsIgnoreCase(j.label));
            if (!mine) {
                throw j;
            }
        } finally {
            scopes.pop();
        }
    }

    private void runSteps(List<Step> steps) {
        for (Step step : steps) {
            try {
                run(step);
            } catch (SqlError e) {
                Handler h = handlerFor(e);
                if (h == null) {
                    if (e.errorCode() == ErrorCode.SP_FETCH_NO_DATA && !(e instanceof NoDataFetched)) {
                        session.addWarning(e.code(), e.getMessage()); // SELECT ... INTO without a row: a warning
                        continue;
                    }
                    throw e;
                }
                // the handler's statement runs in the scope it was declared in, without the handlers it can see
                handling.push(e);
                stacked.push(DiagnosticsArea.handling(session, e));
                // the handled error is in the current area while its handler runs, and gone once it is handled
                Session.Warning condition = stacked.peek().conditions().get(0);
                session.warnings().add(0, condition);
                runningHandlers.push(new Running(h, scopes.size()));
                try {
                    run(h.declaration().body());
                } finally {
                    runningHandlers.pop();
                    session.warnings().remove(condition);
                    stacked.pop();
                    handling.pop();
                }
                if (h.declaration().exit()) {
                    throw new Jump(null, false, h.scope());
                }
            }
        }
    }

    /** FETCH past the last row: an error unless a NOT FOUND handler takes it (SELECT ... INTO only warns). */
    private static final class NoDataFetched extends SqlError {
        private static final long serialVersionUID = 1L;

        NoDataFetched() {
            super(ErrorCode.SP_FETCH_NO_DATA, "No data - zero rows fetched, selected, or processed");
        }
    }

    private void run(Step step) {
        session.checkNotCancelled();
        if (step instanceof RoutineBody.Assign assign) {
            for (RoutineBody.Assignment a : assign.assignments()) {
                Object value = evaluate(a.expr());
                if (a.row() != null) {
                    if (rows == null) {
                        throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + a.target() + "' in 'field list'");
                    }
                    rows.assign(a.row(), a.target(), value);
                } else {
                    assignVariable(a.target(), value);
                }
            }
        } else if (step instanceof RoutineBody.Run r) {
            statement(() -> {
                String sql = rows == null ? InsertValuesFolding.fold(r.sql(), this::directLiteral) : r.sql();
                StatementResult result = runNested(bind(sql));
                if (result instanceof StatementResult.Update) {
                    lastUpdate = result;
                }
            });
        } else if (step instanceof RoutineBody.Select s) {
            statement(() -> select(s));
        } else if (step instanceof RoutineBody.Signal s) {
            signal(s);
        } else if (step instanceof RoutineBody.Diagnostics d) {
            getDiagnostics(d.statement());
        } else if (step instanceof RoutineBody.Declare d) {
            Object initial = d.defaultExpr() == null ? null : coerce(evaluate(d.defaultExpr()), d.type());
            for (String name : d.names()) {
                if (scopes.peek().variables.containsKey(name)) {
                    throw new SqlError(ErrorCode.SP_DUP_VAR, "Duplicate variable: " + name);
                }
                scopes.peek().variables.put(name, new Variable(d.type(), initial));
            }
        } else if (step instanceof RoutineBody.DeclareHandler h) {
            scopes.peek().handlers.add(new Handler(h, scopes.peek()));
        } else if (step instanceof RoutineBody.DeclareCondition c) {
            scopes.peek().conditions.put(c.name(), c.value());
        } else if (step instanceof RoutineBody.DeclareCursor c) {
            scopes.peek().cursors.put(c.name(), new Cursor(c.select()));
        } else if (step instanceof RoutineBody.Open o) {
            Cursor c = cursor(o.cursor());
            if (c.rows != null) {
                throw new SqlError(ErrorCode.SP_CURSOR_ALREADY_OPEN, "Cursor is already open");
            }
            c.rows = materialize(session.engine().executeNested(session, bind(c.select))).rows;
            c.next = 0;
        } else if (step instanceof RoutineBody.Fetch f) {
            Cursor c = cursor(f.cursor());
            if (c.rows == null) {
                throw new SqlError(ErrorCode.SP_CURSOR_NOT_OPEN, "Cursor is not open");
            }
            if (c.next >= c.rows.size()) {
                throw new NoDataFetched();
            }
            Object[] row = c.rows.get(c.next++);
            if (row.length != f.into().size()) {
                throw new SqlError(ErrorCode.SP_WRONG_NO_OF_FETCH_ARGS, "Incorrect number of FETCH variables");
            }
            for (int i = 0; i < row.length; i++) {
                assignVariable(f.into().get(i), row[i]);
            }
        } else if (step instanceof RoutineBody.Close c) {
            Cursor cur = cursor(c.cursor());
            if (cur.rows == null) {
                throw new SqlError(ErrorCode.SP_CURSOR_NOT_OPEN, "Cursor is not open");
            }
            cur.rows = null;
        } else if (step instanceof RoutineBody.If f) {
            List<Step> chosen = f.otherwise();
            for (RoutineBody.Branch b : f.branches()) {
                if (holds(b.condition())) {
                    chosen = b.steps();
                    break;
                }
            }
            runBlockless(chosen);
        } else if (step instanceof RoutineBody.Case c) {
            runCase(c);
        } else if (step instanceof RoutineBody.While w) {
            loop(w.label(), () -> {
                if (!holds(w.condition())) {
                    return false;
                }
                runBlockless(w.steps());
                return true;
            });
        } else if (step instanceof RoutineBody.Repeat rp) {
            loop(rp.label(), () -> {
                runBlockless(rp.steps());
                return !holds(rp.condition());
            });
        } else if (step instanceof RoutineBody.Loop l) {
            loop(l.label(), () -> {
                runBlockless(l.steps());
                return true;
            });
        } else if (step instanceof RoutineBody.Block b) {
            runBlock(b.steps(), b.label());
        } else if (step instanceof RoutineBody.Leave l) {
            throw new Jump(l.label(), false, null);
        } else if (step instanceof RoutineBody.Iterate it) {
            throw new Jump(it.label(), true, null);
        } else if (step instanceof RoutineBody.Call c) {
            statement(() -> call(c));
        } else if (step instanceof RoutineBody.Return r) {
            throw new Returned(evaluate(r.expr()));
        }
    }

    /** Runs a SQL statement of the body: a procedure's or an event's ends its own autocommit transaction. */
    private void statement(Runnable run) {
        if (commitsEachStatement) {
            BodyStatementCommit.run(session, run);
        } else {
            run.run();
        }
    }

    /** The statements of an IF / CASE arm or a loop body: no scope of their own in MySQL. */
    private void runBlockless(List<Step> steps) {
        runSteps(steps);
    }

    private interface Iteration {
        /** One pass; false ends the loop. */
        boolean run();
    }

    private void loop(String label, Iteration iteration) {
        while (true) {
            session.checkNotCancelled();
            try {
                if (!iteration.run()) {
                    return;
                }
            } catch (Jump j) {
                if (j.exitScope != null || label == null || !label.equalsIgnoreCase(j.label)) {
                    throw j;
                }
                if (!j.iterate) {
                    return;
                }
            }
        }
    }

    private void runCase(RoutineBody.Case c) {
        if (c.operand() == null) {
            for (RoutineBody.Branch b : c.branches()) {
                if (holds(b.condition())) {
                    runBlockless(b.steps());
                    return;
                }
            }
        } else {
            String operand = SqlLiterals.literal(evaluate(c.operand()));
            for (RoutineBody.Branch b : c.branches()) {
                if (holds(operand + " = (" + b.condition() + ")")) {
                    runBlockless(b.steps());
                    return;
                }
            }
        }
        if (c.otherwise() == null) {
            throw new SqlError(ErrorCode.SP_CASE_NOT_FOUND, "Case not found for CASE statement");
        }
        runBlockless(c.otherwise());
    }

    private void select(RoutineBody.Select s) {
        String bound = bind(s.sql());
        StatementResult r = session.engine().executeNested(session, bound);
        if (!(r instanceof StatementResult.Rows rs)) {
            return;
        }
        Materialized m = materialize(rs);
        if (s.into().isEmpty()) {
            if (results == null) {
                throw new SqlError(ErrorCode.SP_NO_RESULT_SET, "Not allowed to return a result set from a trigger");
            }
            results.add(new StatementResult.Rows(labels(s.sql(), bound, m.columns), RowStream.of(m.rows)));
            lastUpdate = StatementResult.ok();
            return;
        }
        if (m.rows.size() > 1) {
            throw new SqlError(ErrorCode.TOO_MANY_ROWS, "Result consisted of more than one row");
        }
        if (m.columns.size() != s.into().size()) {
            throw new SqlError(ErrorCode.OPERAND_COLUMNS, "The used SELECT statements have a different number of "
                    + "columns");
        }
        if (m.rows.isEmpty()) {
            throw new SqlError(ErrorCode.SP_FETCH_NO_DATA, "No data - zero rows fetched, selected, or processed");
        }
        Object[] row = m.rows.get(0);
        for (int i = 0; i < row.length; i++) {
            assignVariable(s.into().get(i), row[i]);
        }
    }

    /** Columns named by the select items as written, where binding variables changed an unaliased item's text. */
    private static List<ResultColumn> labels(String written, String bound, List<ResultColumn> columns) {
        if (written.equals(bound)) {
            return columns;
        }
        List<String> before = SelectInto.itemTexts(written);
        List<String> after = SelectInto.itemTexts(bound);
        if (before.size() != columns.size() || after.size() != columns.size()) {
            return columns;
        }
        List<ResultColumn> out = new ArrayList<>(columns);
        for (int i = 0; i < out.size(); i++) {
            if (before.get(i) != null && !before.get(i).equals(after.get(i))) {
                out.set(i, out.get(i).withName(before.get(i)));
            }
        }
        return out;
    }

    private record Materialized(List<ResultColumn> columns, List<Object[]> rows) {
    }

    private static Materialized materialize(StatementResult r) {
        if (!(r instanceof StatementResult.Rows rs)) {
            throw new SqlError(ErrorCode.UNKNOWN_ERROR, "a cursor's statement returned no rows");
        }
        List<Object[]> out = new ArrayList<>();
        try (RowStream stream = rs.rows()) {
            Object[] row;
            while ((row = stream.next()) != null) {
                out.add(row.clone());
            }
        }
        return new Materialized(rs.columns(), out);
    }

    private void signal(RoutineBody.Signal s) {
        if (s.resignal()) {
            resignal(s);
            return;
        }
        String state = s.sqlState();
        Integer errno = null;
        if (state == null) {
            String value = condition(s.condition());
            if (value == null) {
                throw new SqlError(ErrorCode.SP_COND_MISMATCH, "Undefined CONDITION: " + s.condition());
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)SQLSTATE\\s+(?:VALUE\\s+)?['\"](.{5})['\"]")
                    .matcher(value);
            if (m.matches()) {
                state = m.group(1);
            } else {
                throw new SqlError(ErrorCode.SIGNAL_BAD_CONDITION_TYPE,
                        "SIGNAL/RESIGNAL can only use a CONDITION defined with SQLSTATE");
            }
        }
        if (state.startsWith("00")) {
            throw new SqlError(ErrorCode.SIGNAL_BAD_CONDITION_TYPE, "Bad SQLSTATE: '" + state + "'");
        }
        if (s.errnoExpr() != null) {
            errno = (int) Values.toLong(evaluate(s.errnoExpr()));
        }
        String message = s.messageExpr() == null ? null : Values.toStringValue(evaluate(s.messageExpr()));
        if (state.startsWith("01")) {
            session.addWarning(errno == null ? 1642 : errno,
                    message == null ? "Unhandled user-defined warning condition" : message);
            return;
        }
        if (message == null) {
            message = state.startsWith("02") ? "Unhandled user-defined not found condition"
                    : "Unhandled user-defined exception condition";
        }
        throw new SignalError(state, message, errno == null ? (state.startsWith("02") ? 1643 : 1644) : errno);
    }

    /** GET DIAGNOSTICS: the current area is the session's, the stacked one the innermost running handler's. */
    private void getDiagnostics(GetDiagnostics g) {
        if (g.stacked() && stacked.isEmpty()) {
            throw new SqlError(ErrorCode.GET_STACKED_DA_WITHOUT_ACTIVE_HANDLER,
                    "GET STACKED DIAGNOSTICS when handler not active");
        }
        DiagnosticsArea area = g.stacked() ? stacked.peek() : DiagnosticsArea.current(session);
        Object condition = g.conditionNumber() == null ? null : evaluate(g.conditionNumber());
        List<Object> values = g.values(area, condition);
        for (int i = 0; i < values.size(); i++) {
            String target = g.items().get(i).target();
            if (!target.startsWith("@") && variable(target.startsWith("`") ? dev.scion.sql.admin.Identifiers
                    .unquote(target) : target) == null) {
                throw new SqlError(ErrorCode.SP_UNDECLARED_VAR, "Undeclared variable: " + target);
            }
            assignVariable(target.startsWith("`") ? dev.scion.sql.admin.Identifiers.unquote(target) : target,
                    values.get(i));
        }
    }

    private void call(RoutineBody.Call c) {
        List<OutTarget> outs = new ArrayList<>();
        List<String> argTexts = new ArrayList<>();
        for (String arg : c.args()) {
            argTexts.add(bind(arg));
            outs.add(outTarget(arg));
        }
        if (c.name().replace("`", "").toLowerCase(Locale.ROOT).matches("(?:.*\\.)?(?:dolt|scion)_.*")
                || ProcedureCall.find(session, c.name()).isEmpty() && session.engine().hostProcedure(c.name()) != null) {
            // a built-in (version control) procedure: through the normal statement path, its rows to the caller
            StatementResult r = session.engine().executeNested(session, "CALL " + c.name() + "("
                    + String.join(", ", argTexts) + ")");
            if (r instanceof StatementResult.Rows rs) {
                Materialized m = materialize(rs);
                if (results != null) {
                    results.add(new StatementResult.Rows(m.columns, RowStream.of(m.rows)));
                }
            } else {
                lastUpdate = r;
            }
            return;
        }
        String name = c.asOf() == null ? c.name() : CallAsOf.qualify(session, c.name(), c.asOf());
        StatementResult r = ProcedureCall.invoke(session, name, argTexts, outs, results);
        if (r instanceof StatementResult.Update) {
            lastUpdate = r;
        }
    }

    /** Where an argument written as {@code @var} or a local's name receives an OUT value; null otherwise. */
    private OutTarget outTarget(String arg) {
        String a = arg.strip();
        if (a.startsWith("@") && !a.startsWith("@@")) {
            return v -> runNested("SET " + a + " = " + SqlLiterals.literal(v));
        }
        Variable local = variable(a.startsWith("`") ? dev.scion.sql.admin.Identifiers.unquote(a) : a);
        return local == null ? null : v -> local.value = coerce(v, local.type);
    }

    private void assignVariable(String target, Object value) {
        Variable local = target.startsWith("@") ? null : variable(target);
        if (local != null) {
            local.value = coerce(value, local.type);
        } else {
            // a user variable, or a system variable by its bare name (SET sql_mode = ...): an unknown name is 1193
            runNested("SET " + target + " = " + SqlLiterals.literal(value));
        }
    }

    private Variable variable(String name) {
        for (Scope s : scopes) {
            Variable v = s.variables.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private Cursor cursor(String name) {
        for (Scope s : scopes) {
            Cursor c = s.cursors.get(name);
            if (c != null) {
                return c;
            }
        }
        throw new SqlError(ErrorCode.SP_CURSOR_MISMATCH, "Undefined CURSOR: " + name);
    }

    private String condition(String name) {
        for (Scope s : scopes) {
            String c = s.conditions.get(name);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /**
     * RESIGNAL in a handler: the condition being handled raised again, with the SQLSTATE (or condition) and the
     * MESSAGE_TEXT / MYSQL_ERRNO the statement gives replacing the handled condition's; outside a handler 1645.
     */
    private void resignal(RoutineBody.Signal s) {
        if (handling.isEmpty()) {
            throw new SqlError(ErrorCode.RESIGNAL_WITHOUT_ACTIVE_HANDLER, "RESIGNAL when handler not active");
        }
        SqlError handled = handling.peek();
        String state = s.sqlState() != null || s.condition() != null ? signalState(s) : handled.sqlState();
        int errno = s.errnoExpr() != null ? (int) Values.toLong(evaluate(s.errnoExpr())) : handled.code();
        String message = s.messageExpr() != null ? Values.toStringValue(evaluate(s.messageExpr()))
                : handled.getMessage();
        if (state.startsWith("01")) {
            session.addWarning(errno, message);
            return;
        }
        throw new SignalError(state, message, errno);
    }

    /** The SQLSTATE a SIGNAL names directly or through a condition declared FOR SQLSTATE. */
    private String signalState(RoutineBody.Signal s) {
        if (s.sqlState() != null) {
            return s.sqlState();
        }
        String value = condition(s.condition());
        if (value == null) {
            throw new SqlError(ErrorCode.SP_COND_MISMATCH, "Undefined CONDITION: " + s.condition());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)SQLSTATE\\s+(?:VALUE\\s+)?['\"](.{5})['\"]")
                .matcher(value);
        if (!m.matches()) {
            throw new SqlError(ErrorCode.SIGNAL_BAD_CONDITION_TYPE,
                    "SIGNAL/RESIGNAL can only use a CONDITION defined with SQLSTATE");
        }
        return m.group(1);
    }

    /**
     * The handler for {@code e}. While a handler runs, the handlers of its own block and of the blocks inside it
     * that were open are not active (MySQL), so a condition its body raises goes to the enclosing blocks' handlers;
     * handlers its body declares itself are.
     */
    private Handler handlerFor(SqlError e) {
        String state = e.sqlState();
        Running running = runningHandlers.peek();
        int own = running == null ? Integer.MAX_VALUE : scopes.size() - running.depth();
        boolean skipping = false;
        int index = 0;
        for (Scope s : scopes) {
            if (index++ == own) {
                skipping = true;
            }
            if (skipping) {
                if (s == running.handler().scope()) {
                    skipping = false;
                }
                continue;
            }
            for (Handler h : s.handlers) {
                for (String cond : h.declaration().conditions()) {
                    if (matches(cond, e, state)) {
                        return h;
                    }
                }
            }
        }
        return null;
    }

    private boolean matches(String condition, SqlError e, String state) {
        String c = condition.toUpperCase(Locale.ROOT);
        if (c.equals("SQLEXCEPTION")) {
            return !state.startsWith("00") && !state.startsWith("01") && !state.startsWith("02");
        }
        if (c.equals("SQLWARNING")) {
            return state.startsWith("01");
        }
        if (c.equals("NOT FOUND")) {
            return state.startsWith("02");
        }
        if (c.startsWith("SQLSTATE")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s).*['\"](.{5})['\"]").matcher(condition);
            return m.matches() && m.group(1).equalsIgnoreCase(state);
        }
        if (c.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(c) == e.code();
        }
        String declared = condition(dev.scion.sql.admin.Identifiers.unquote(condition));
        return declared != null && matches(declared, e, state);
    }

    /** A condition is met when it is true; NULL and false are not (MySQL's IF and loops). */
    private boolean holds(String condition) {
        return Boolean.TRUE.equals(Values.truth(evaluate(condition)));
    }

    private Object evaluate(String expr) {
        // most expressions of a body (counters, loop conditions) are compiled once and read the variables directly
        Optional<DirectExpression> compiled = DirectExpression.of(expr);
        if (compiled.isPresent()) {
            Object v = compiled.get().eval(frame);
            if (v != DirectExpression.FALL_BACK) {
                return v;
            }
        }
        if (rows == null) {
            Object v = compiledValue(expr);
            if (v != DirectExpression.FALL_BACK) {
                return v;
            }
        }
        StatementResult r = session.engine().executeNested(session, "SELECT " + bind(expr));
        if (!(r instanceof StatementResult.Rows rs)) {
            throw new IllegalStateException("SELECT returned no rows");
        }
        try (RowStream stream = rs.rows()) {
            Object[] row = stream.next();
            if (row != null && row.length != 1) {
                throw new SqlError(ErrorCode.OPERAND_COLUMNS, "Operand should contain 1 column(s)");
            }
            return row == null ? null : row[0];
        }
    }

    /** The expression as a literal when the direct evaluator decides it (InsertValuesFolding), else empty. */
    private Optional<String> directLiteral(String expr) {
        Optional<DirectExpression> compiled = DirectExpression.of(expr);
        if (compiled.isEmpty()) {
            return Optional.empty();
        }
        Object v = compiled.get().eval(frame);
        return v == DirectExpression.FALL_BACK ? Optional.empty() : Optional.of(SqlLiterals.literal(v));
    }

    /**
     * The expression's value by its form compiled over the visible variables ({@link CompiledExpressions}), or
     * FALL_BACK when it does not compile. An inner variable hides an outer one of the same name.
     */
    private Object compiledValue(String expr) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        java.util.Set<String> seen = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Scope s : scopes) {
            for (Map.Entry<String, Variable> e : s.variables.entrySet()) {
                if (seen.add(e.getKey()) && CompiledExpressions.fieldType(e.getValue().type)) {
                    names.add(e.getKey());
                    types.add(e.getValue().type);
                    values.add(e.getValue().value);
                }
            }
        }
        Optional<dev.scion.sql.expr.Expr> compiled = CompiledExpressions.of(expr, names, types);
        if (compiled.isEmpty()) {
            return DirectExpression.FALL_BACK;
        }
        return compiled.get().eval(values.toArray(), new dev.scion.sql.exec.ExecContext(session));
    }

    private String bind(String sql) {
        String bound = rows == null ? sql : rows.bind(sql);
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (java.util.Iterator<Scope> it = scopes.descendingIterator(); it.hasNext(); ) {
            it.next().variables.forEach((k, v) -> values.put(k, v.value));
        }
        return values.isEmpty() ? bound : LocalVariables.substitute(bound, values);
    }

    /** Runs one statement inside the current one; a result set (SHOW, a procedure's DESCRIBE) is read and dropped. */
    private StatementResult runNested(String sql) {
        StatementResult result = session.engine().executeNested(session, sql);
        if (result instanceof StatementResult.Rows rs) {
            materialize(rs);
        }
        return result;
    }

    /** A value stored into a variable of a declared type, converted as MySQL converts on assignment. */
    static Object coerce(Object v, String type) {
        if (v == null || type == null) {
            return v;
        }
        String t = type.toUpperCase(Locale.ROOT).strip();
        String base = t.replaceAll("[\\s(].*", "");
        try {
            switch (base) {
                case "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "BOOL", "BOOLEAN" -> {
                    if (v instanceof Long || v instanceof Integer) {
                        return ((Number) v).longValue();
                    }
                    java.math.BigDecimal d = v instanceof java.math.BigDecimal b ? b
                            : java.math.BigDecimal.valueOf(Values.toDouble(v));
                    return d.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
                }
                case "FLOAT", "DOUBLE", "REAL" -> {
                    return Values.toDouble(v);
                }
                case "DECIMAL", "NUMERIC", "DEC", "FIXED" -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(\\s*\\d+\\s*(?:,\\s*(\\d+)\\s*)?\\)")
                            .matcher(t);
                    int scale = m.find() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
                    return new java.math.BigDecimal(Values.toStringValue(v).strip())
                            .setScale(scale, java.math.RoundingMode.HALF_UP);
                }
                case "CHAR", "VARCHAR", "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET" -> {
                    return v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                            : Values.toStringValue(v);
                }
                default -> {
                    return v;
                }
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return v; // not a number in text form: left as it is, as the expression that uses it will see
        }
    }
}
