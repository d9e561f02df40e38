package dev.scion.sql;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.frontend.ParameterBinder;
import dev.scion.sql.frontend.Preprocessor;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.plan.VariableRewriter;
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
 * like a query, so prepared and text protocols behave identically.
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

    PreparedQuery(SqlEngine engine, String sql) {
        this.engine = engine;
        this.sql = sql;
        this.parameterCount = ParameterBinder.countParameters(sql);
        this.pointSelectSample = pointSelectSample(sql, parameterCount);
        this.writeSample = parameterCount == 0 ? "" : writeSample(sql, parameterCount);
        this.write = writeSample.isEmpty() ? null : dev.scion.sql.dml.PreparedWrite.of(sql, parameterCount);
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
     * libmariadb, and so sysbench, decide from the prepare answer whether a statement returns rows). Empty for
     * statements that return no rows or cannot be planned without their values; execution reports its own columns
     * either way.
     */
    public List<ResultColumn> resultColumns(Session session) {
        String text = Preprocessor.normalize(ParameterBinder.bind(sql, new Object[parameterCount]));
        if (!QUERY_START.matcher(text).lookingAt()) {
            return List.of();
        }
        try {
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

    public void execute(Session session, Object[] params, Consumer<StatementResult> sink) {
        if (params.length != parameterCount) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to mysqld_stmt_execute");
        }
        String text = ParameterBinder.bind(sql, params);
        dev.scion.sql.dml.PreparedWrite.Bound bound = write == null ? null : write.bind(params);
        if (bound != null) {
            // the template parsed, so its text has no comment, no leading space and no semicolon to remove
            engine.executePreparedWrite(session, text.stripTrailing(), bound, sink);
        } else {
            engine.execute(session, text, false, sink);
        }
    }
}
