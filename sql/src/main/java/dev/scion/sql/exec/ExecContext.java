package dev.scion.sql.exec;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

/**
 * What running operators and expressions need from the outside: the session, the values of a cached plan's
 * parameters for this execution, and cancellation.
 */
public final class ExecContext {
    private final Session session;
    private int checkCounter;
    /** This execution's values of the plan's parameters ({@code ?0, ?1, ...}), set by {@link ParameterValuesOp}. */
    private Object[] parameters;
    /** Rows bound to correlation variables ($cor0, ...) by enclosing {@link CorrelateOp}s, by variable id. */
    private Object[][] correlated = new Object[4][];

    public ExecContext(Session session) {
        this.session = session;
    }

    public Session session() {
        return session;
    }

    /** A context for evaluating constants while a plan is built: no session, the given parameter values. */
    public static ExecContext forConstants(Object[] parameters) {
        ExecContext ctx = new ExecContext(null);
        ctx.parameters = parameters;
        return ctx;
    }

    /** The value of the plan's parameter {@code index} in this execution. */
    public Object parameter(int index) {
        if (parameters == null || index >= parameters.length) {
            throw new SqlError(ErrorCode.UNKNOWN_ERROR, "unbound parameter ?" + index);
        }
        return parameters[index];
    }

    void bindParameters(Object[] values) {
        parameters = values;
    }

    /** The current row of correlation variable {@code id}. */
    public Object[] correlated(int id) {
        Object[] row = id < correlated.length ? correlated[id] : null;
        if (row == null) {
            throw new IllegalStateException("correlation variable $cor" + id + " is not bound");
        }
        return row;
    }

    void bind(int id, Object[] row) {
        if (id >= correlated.length) {
            correlated = java.util.Arrays.copyOf(correlated, Math.max(id + 1, correlated.length * 2));
        }
        correlated[id] = row;
    }

    /** The rows of each recursive CTE's last round, by CTE name (RecursiveUnionOp, WorkTableScanOp). */
    private java.util.Map<String, java.util.List<Object[]>> workTables;

    /** The rows the current round of recursive CTE {@code name} reads. */
    public java.util.List<Object[]> workTable(String name) {
        java.util.List<Object[]> rows = workTables == null ? null : workTables.get(name);
        if (rows == null) {
            throw new IllegalStateException("work table " + name + " is not bound");
        }
        return rows;
    }

    void bindWorkTable(String name, java.util.List<Object[]> rows) {
        if (workTables == null) {
            workTables = new java.util.HashMap<>();
        }
        if (rows == null) {
            workTables.remove(name);
        } else {
            workTables.put(name, rows);
        }
    }

    /** Called in loops; throws when the statement was killed. */
    public void checkCancelled() {
        if ((++checkCounter & 1023) == 0 && session.isCancelled()) {
            throw new SqlError(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }
}
