package dev.scion.sql;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.ParameterBinder;
import dev.scion.sql.frontend.Preprocessor;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.plan.VariableRewriter;
import dev.scion.sql.plan.cache.PreparedShape;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A server-side prepared statement. Each execution binds the parameters into the text as literals and runs it
 * like a query, so prepared and text protocols behave identically. A SELECT whose plan the plan cache's text level
 * holds is found from its values without that text being made ({@link PreparedShape}).
 */
public final class PreparedQuery {
    private static final Pattern QUERY_START = Pattern.compile("\\s*\\(*\\s*(?:SELECT|WITH|VALUES)\\b",
            Pattern.CASE_INSENSITIVE);

    private final SqlEngine engine;
    private final String sql;
    private final int parameterCount;
    /** The text with every parameter bound to 0, when that has the point-select shape; else null. */
    private final String pointSelectSample;
    /** The text with every parameter bound to 0 when it is an UPDATE, DELETE or INSERT; else "". */
    private final String writeSample;
    /** The statement parsed, when it is a one-row write of the write fast path's shapes; else null. */
    private final dev.scion.sql.dml.PreparedWrite write;
    /** The shape of a SELECT whose executions may find their plan from their values alone; else null. */
    private final PreparedShape readShape;
    /** The one statement of {@link #sql}, normalised, when {@link #readShape} is not null. */
    private final String readTemplate;

    PreparedQuery(SqlEngine engine, String sql) {
        this.engine = engine;
        this.sql = sql;
        this.parameterCount = ParameterBinder.countParameters(sql);
        this.pointSelectSample = pointSelectSample(sql, parameterCount);
        this.writeSample = parameterCount == 0 ? "" : writeSample(sql, parameterCount);
        this.write = writeSample.isEmpty() ? null : dev.scion.sql.dml.PreparedWrite.of(sql, parameterCount);
        String template = readTemplate(sql, parameterCount);
        this.readShape = template == null ? null : PreparedShape.of(template);
        this.readTemplate = readShape == null ? null : template;
    }

    /**
     * The statement a SELECT's executions run, when its plan can be found from its values: one statement, with
     * parameters, that is neither a point select (the fast path takes those from their text) nor a locking read.
     * Binding literals into it gives the text the text protocol would run, as splitting and normalising only
     * change what lies outside its literals.
     */
    private static String readTemplate(String sql, int parameterCount) {
        if (parameterCount == 0) {
            return null; // nothing to bind
        }
        List<String> statements = dev.scion.sql.frontend.StatementSplitter.split(sql);
        if (statements.size() != 1) {
            return null;
        }
        String template = Preprocessor.normalize(statements.get(0));
        Object[] zeros = new Object[parameterCount];
        java.util.Arrays.fill(zeros, 0L);
        Object[] strings = new Object[parameterCount];
        java.util.Arrays.fill(strings, "a");
        if (!template.regionMatches(true, 0, "SELECT", 0, 6)
                || dev.scion.sql.dml.LockingRead.mentionsLockingClause(template)
                || dev.scion.sql.plan.fastpath.PointSelectPath.hasShape(ParameterBinder.bind(template, zeros))
                || dev.scion.sql.plan.fastpath.PointSelectPath.hasShape(ParameterBinder.bind(template, strings))) {
            return null;
        }
        return template;
    }

    /**
     * Like {@link SqlEngine#runsBriefly}: the statement is a point SELECT by primary key whose table and key the
     * session's fast path has answered (integer parameters; a string key simply takes the worker), or a BEGIN or
     * COMMIT with nothing to commit (sysbench prepares those too).
     */
    public boolean runsBriefly(Session session) {
        if (pointSelectSample != null) {
            return engine.runsBriefly(session, pointSelectSample);
        }
        return parameterCount == 0 && dev.scion.sql.admin.BriefTransactionStatements.runsBriefly(session, sql);
    }

    /**
     * Like {@link SqlEngine#runsBrieflyWhenIdle}: a one-row write of a shape the write fast path served (judged on
     * the text with every parameter bound to 0, which names the same table), or a plain transaction boundary.
     */
    public boolean runsBrieflyWhenIdle(Session session) {
        if (parameterCount == 0) {
            return engine.runsBrieflyWhenIdle(session, sql);
        }
        return !writeSample.isEmpty() && dev.scion.sql.dml.WriteFastPath.runsBriefly(session, writeSample);
    }

    /** Like {@link SqlEngine#runsBrieflyAlone}, judged as {@link #runsBrieflyWhenIdle} is. */
    public boolean runsBrieflyAlone(Session session) {
        if (parameterCount == 0) {
            return engine.runsBrieflyAlone(session, sql);
        }
        return !writeSample.isEmpty() && dev.scion.sql.dml.WriteFastPath.wasServed(session, writeSample);
    }

    private static String writeSample(String sql, int parameterCount) {
        if (!(sql.regionMatches(true, 0, "UPDATE", 0, 6) || sql.regionMatches(true, 0, "DELETE", 0, 6)
                || sql.regionMatches(true, 0, "INSERT", 0, 6))) {
            return "";
        }
        Object[] sample = new Object[parameterCount];
        java.util.Arrays.fill(sample, 0L);
        try {
            return ParameterBinder.bind(sql, sample);
        } catch (RuntimeException e) {
            return ""; // never brief; execution reports whatever is wrong with it
        }
    }

    private static String pointSelectSample(String sql, int parameterCount) {
        if (!sql.regionMatches(true, 0, "SELECT", 0, 6)) {
            return null;
        }
        Object[] sample = new Object[parameterCount];
        java.util.Arrays.fill(sample, 0L);
        try {
            return ParameterBinder.bind(sql, sample);
        } catch (RuntimeException e) {
            return null; // never brief; execution reports whatever is wrong with it
        }
    }

    public int parameterCount() {
        return parameterCount;
    }

    public String sql() {
        return sql;
    }

    /**
     * The result columns of a query, for COM_STMT_PREPARE: planned once with every parameter NULL (clients such as
     * libmariadb, and so sysbench, decide from the prepare answer whether a statement returns rows), except the
     * arguments of table-function calls, which stay parameters, and LIMIT and OFFSET counts
     * ({@link PrepareTimeStatement}). Empty for statements that return no rows or cannot be planned without their
     * values (MySQL's answer for columns known only at execution); execution reports its own columns either way.
     */
    public List<ResultColumn> resultColumns(Session session) {
        String text = Preprocessor.normalize(ParameterBinder.bind(sql, new Object[parameterCount]));
        if (!QUERY_START.matcher(text).lookingAt()) {
            return List.of();
        }
        try {
            java.util.Optional<List<ResultColumn>> withStandIns = standInColumns(session);
            if (withStandIns.isPresent()) {
                return withStandIns.get();
            }
            String rewritten = VariableRewriter.rewrite(text);
            SqlNode node = StatementReader.statement(rewritten);
            if (!node.getKind().belongsTo(SqlKind.QUERY)) {
                return List.of();
            }
            return QueryPlanner.plan(session, node, rewritten).columns();
        } catch (RuntimeException e) {
            return List.of();
        } finally {
            session.endStatement(true); // planning may have opened the statement's implicit transaction
        }
    }

    /**
     * The columns planned from {@link PrepareTimeStatement}, when the query has parameters a NULL cannot stand in
     * for; empty when it has none or its text with {@code ?} does not parse (binding NULL to all is tried then).
     */
    private java.util.Optional<List<ResultColumn>> standInColumns(Session session) {
        if (parameterCount == 0 || !PrepareTimeStatement.mayNeed(sql)) {
            return java.util.Optional.empty();
        }
        String unbound = VariableRewriter.rewrite(Preprocessor.normalize(sql));
        SqlNode parsed;
        try {
            parsed = StatementReader.statement(unbound);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
        if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
            return java.util.Optional.of(List.of());
        }
        return PrepareTimeStatement.of(parsed).map(n -> QueryPlanner.plan(session, n, unbound).columns());
    }

    /**
     * How many prepared one-row writes' bound texts were made in this process (only those the write fast path
     * declined, or whose session someone listed): an operation count for regression checks.
     */
    public static long writeTextsMade() {
        return BoundWrite.textsMade();
    }

    public void execute(Session session, Object[] params, Consumer<StatementResult> sink) {
        if (params.length != parameterCount) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to mysqld_stmt_execute");
        }
        if (readShape != null) {
            engine.executePreparedRead(session, new BoundRead(readShape, readTemplate, params), sink);
            return;
        }
        dev.scion.sql.dml.PreparedWrite.Bound bound = write == null ? null : write.bind(params);
        if (bound != null) {
            // the template parsed, so its text has no comment, no leading space and no semicolon to remove
            engine.executePreparedWrite(session, new BoundWrite(sql, params, bound), sink);
        } else {
            engine.executeBound(session, ParameterBinder.bind(sql, params), sink);
        }
    }
}
