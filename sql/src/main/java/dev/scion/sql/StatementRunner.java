package dev.scion.sql;

import dev.scion.sql.admin.AdminStatements;
import dev.scion.sql.admin.PreparedSqlStatement;
import dev.scion.sql.ddl.DdlExecutor;
import dev.scion.sql.session.ImplicitCommit;
import dev.scion.sql.dml.DeleteExecutor;
import dev.scion.sql.dml.InsertExecutor;
import dev.scion.sql.dml.LoadDataExecutor;
import dev.scion.sql.dml.LockingRead;
import dev.scion.sql.dml.UpdateExecutor;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.routine.GetDiagnostics;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.frontend.AnsiQuotes;
import dev.scion.sql.frontend.Preprocessor;
import dev.scion.sql.frontend.StatementSplitter;
import dev.scion.sql.frontend.ViewDefinerClause;
import dev.scion.sql.frontend.ViewExpander;
import dev.scion.sql.lock.StatementRestart;
import dev.scion.sql.parser.dml.SqlMySqlLockedQuery;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.plan.cache.TextShape;
import dev.scion.sql.parser.ParseMode;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.plan.fastpath.PointSelectPath;
import dev.scion.sql.plan.VariableRewriter;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.ServerReadOnly;
import dev.scion.sql.session.Session;
import dev.scion.sql.session.SqlModes;
import dev.scion.sql.routine.StoredObjectStatements;
import dev.scion.versioning.repo.VersioningException;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs statement text: splits it, routes each statement to the front end or the planner, and ends transactions. */
final class StatementRunner {

    void run(Session session, String sql, boolean multiStatements, Consumer<StatementResult> sink) {
        String text = SqlModes.noBackslashEscapes(session)
                ? dev.scion.sql.frontend.NoBackslashEscapes.toEscaped(sql, SqlModes.ansiQuotes(session)) : sql;
        runInDefaultReading(session, text, multiStatements, sink);
    }

    /**
     * Runs text already in the default reading of backslashes (a prepared statement's bound text, whose template
     * was rewritten when prepared and whose literals the binder escaped).
     */
    void runInDefaultReading(Session session, String sql, boolean multiStatements, Consumer<StatementResult> sink) {
        List<String> statements = StatementSplitter.split(sql);
        if (statements.isEmpty()) {
            throw new SqlError(ErrorCode.EMPTY_QUERY, "Query was empty");
        }
        if (!multiStatements && statements.size() > 1) {
            throw StatementReader.syntaxError(sql, null);
        }
        for (String statement : statements) {
            // read per statement: an earlier one may have set sql_mode
            String text = Preprocessor.normalize(statement);
            boolean ansiQuotes = SqlModes.ansiQuotes(session)
                    && !dev.scion.sql.routine.ProcedureDefinition.createsProcedure(text);
            runOne(session, ansiQuotes ? AnsiQuotes.toBackticks(text) : text, null, null, sink);
        }
    }

    /**
     * Runs a prepared write's execution: its statement parsed, which the write fast path takes as is, and its bound
     * text (one statement, nothing to normalise), made only when the statement takes the usual path.
     */
    void runPreparedWrite(Session session, BoundWrite write, Consumer<StatementResult> sink) {
        runOne(session, null, write, null, sink);
    }

    /**
     * Runs a prepared SELECT's execution: the plan cache is asked by its bound values first, and its text is made
     * only when it must take the usual path ({@link BoundRead}).
     */
    void runPreparedRead(Session session, BoundRead read, Consumer<StatementResult> sink) {
        runOne(session, null, null, read, sink);
    }

    private static final int AUTOCOMMIT_RETRIES = 1000;

    /**
     * {@code text} normalised, or null for a prepared execution: {@code write} a prepared one-row write's,
     * {@code read} a prepared SELECT's, whose texts are made only if needed.
     */
    private void runOne(Session session, String text, BoundWrite write, BoundRead read,
                        Consumer<StatementResult> sink) {
        session.clearCancel();
        // the diagnostic statements read the previous statement's conditions rather than clearing them
        boolean isShowWarnings = text != null && (text.regionMatches(true, 0, "SHOW WARNINGS", 0, 13)
                || text.regionMatches(true, 0, "SHOW ERRORS", 0, 11) || GetDiagnostics.startsWith(text));
        if (!isShowWarnings) {
            session.warnings().clear();
        }
        boolean ok = false;
        if (read != null) {
            session.runningLazily(read);
        } else if (write != null) {
            session.runningLazily(write);
        } else {
            session.running(text);
        }
        boolean pipesAsConcat = SqlModes.pipesAsConcat(session);
        boolean highNot = SqlModes.highNotPrecedence(session);
        // DDL ends the open transaction first and then runs as a transaction of its own (MySQL's implicit commit)
        boolean commitsImplicitly = write == null && read == null && ImplicitCommit.causedBy(session, text);
        if (commitsImplicitly && session.inTransaction()) {
            ImplicitCommit.commit(session);
        }
        long transactionsEnded = session.transactionsEnded();
        try {
            StatementResult result = ParseMode.PIPES_AS_CONCAT.during(pipesAsConcat,
                    () -> ParseMode.HIGH_NOT_PRECEDENCE.during(highNot, () -> execute(session, text, write, read)));
            if (result instanceof StatementResult.Sequence sequence) {
                // a CALL: its result sets are materialised, so they go out first and the final OK is the result
                List<StatementResult> parts = sequence.results();
                for (int i = 0; i < parts.size() - 1; i++) {
                    sink.accept(parts.get(i));
                }
                result = parts.get(parts.size() - 1);
            }
            if (result instanceof StatementResult.Rows rows) {
                // Rows are produced lazily from the transaction's snapshot: deliver them before committing.
                sink.accept(session.counts().counting(rows));
                ok = true;
                session.endStatement(true);
            } else {
                // An autocommit write whose commit lost a row to a concurrent commit (first committer wins) ran
                // on a stale snapshot and was rolled back: run it again on a fresh one, as the client would.
                // a CALL that committed part of its work (a procedure's DDL) cannot run again from the start
                boolean autocommitStatement = session.autocommit() && !session.inExplicitTransaction()
                        && session.transactionsEnded() == transactionsEnded;
                for (int attempt = 1; ; attempt++) {
                    try {
                        session.endStatement(true);
                        break;
                    } catch (SqlError e) {
                        if (!autocommitStatement || e.errorCode() != ErrorCode.LOCK_DEADLOCK
                                || attempt >= AUTOCOMMIT_RETRIES) {
                            throw e;
                        }
                        result = ParseMode.PIPES_AS_CONCAT.during(pipesAsConcat,
                    () -> ParseMode.HIGH_NOT_PRECEDENCE.during(highNot, () -> execute(session, text, write, read)));
                    }
                }
                ok = true;
                if (commitsImplicitly && !session.autocommit()) {
                    ImplicitCommit.commit(session); // with autocommit off no statement end commits: the DDL's own
                }
                if (result instanceof StatementResult.Update update) {
                    session.counts().finished(update);
                }
                sink.accept(result);
            }
        } catch (VersioningException e) {
            SqlError error = new SqlError(ErrorCode.VERSIONING, e.getMessage(), e);
            recordError(session, error);
            throw error;
        } catch (SqlError e) {
            recordError(session, e);
            throw e;
        } finally {
            session.running(null);
            if (!ok) {
                session.endStatement(false);
            }
        }
    }

    private static boolean writes(SqlNode node) {
        SqlKind kind = node.getKind();
        return kind == SqlKind.INSERT || kind == SqlKind.UPDATE || kind == SqlKind.DELETE
                || kind.belongsTo(SqlKind.DDL) || DdlExecutor.handles(node);
    }

    /** MySQL lists the error of a failed statement in SHOW WARNINGS (and SHOW ERRORS) afterwards. */
    private static void recordError(Session session, SqlError e) {
        session.warnings().clear();
        session.addError(e);
    }

    /**
     * Runs one statement inside the one that is running (a trigger's statement): no splitting, no commit, and
     * the caller reads any rows.
     */
    StatementResult executeNested(Session session, String statement) {
        String text = Preprocessor.normalize(statement);
        boolean commitsImplicitly = ImplicitCommit.causedBy(session, text);
        if (commitsImplicitly || ImplicitCommit.endsTransaction(text)) {
            // a procedure a function or trigger calls may not end the transaction either
            dev.scion.sql.routine.CommitForbidden.check();
        }
        if (!commitsImplicitly) {
            return execute(session, text, null, null);
        }
        // DDL in a procedure body (or an event's) commits before and after it, as the statement typed out does
        if (session.inTransaction()) {
            ImplicitCommit.commit(session);
        }
        StatementResult result = execute(session, text, null, null);
        ImplicitCommit.commit(session);
        return result;
    }

    /** Upper bound on restarts of one statement; each one catches up on a row it then holds locked. */
    private static final int LOCK_RESTARTS = 100_000;

    private StatementResult execute(Session session, String text, BoundWrite write, BoundRead read) {
        Session.StatementMark mark = session.markStatement();
        int staleMark = session.staleRowMark();
        long transactionsEnded = session.transactionsEnded();
        for (int restarts = 0; ; restarts++) {
            List<dev.scion.sql.lock.CurrentRow> stale;
            try {
                StatementResult result = executeOnce(session, text, write, read);
                stale = session.takeStaleRows(staleMark);
                if (stale.isEmpty()) {
                    return result;
                }
                if (result instanceof StatementResult.Rows rows) {
                    rows.rows().close();
                }
            } catch (StatementRestart restart) {
                stale = restart.rows();
            } catch (RuntimeException e) {
                stale = session.takeStaleRows(staleMark);
                if (stale.isEmpty() || dev.scion.sql.lock.RowLocking.endsStatement(e)) {
                    throw e;
                }
            }
            if (session.transactionsEnded() != transactionsEnded) {
                // the statement committed part of its work (a procedure's DDL or COMMIT): it cannot be undone to
                // its start and run again, so it fails as a lost lock race does, and its open rest is rolled back
                throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try "
                        + "restarting transaction");
            }
            session.restoreStatement(mark);
            // rows the statement locked have newer committed versions than the snapshot: read them and rerun once
            if (restarts >= LOCK_RESTARTS) {
                throw new SqlError(ErrorCode.LOCK_DEADLOCK, "Deadlock found when trying to get lock; try "
                        + "restarting transaction");
            }
            session.catchUpAll(stale);
        }
    }

    private StatementResult executeOnce(Session session, String text, BoundWrite prepared, BoundRead read) {
        if (read == null) {
            return executeText(session, text, prepared);
        }
        // the plan cache's text level asked by the bound values: the text is made only on a miss
        QueryPlanner.Plan known = QueryPlanner.planByParameters(session, read.shape(), read.parameters());
        return known != null ? rows(session, known) : executeText(session, read.get(), null);
    }

    private StatementResult executeText(Session session, String text, BoundWrite prepared) {
        if (prepared != null) {
            // a bound prepared write is an UPDATE, DELETE or INSERT already parsed: no locking clause, no point
            // select; its text is made only if the write fast path declines it
            Optional<StatementResult> write = dev.scion.sql.dml.WriteFastPath.tryExecute(session, prepared.statement());
            return write.isPresent() ? write.get() : executeParsed(session, prepared.get(), false, false);
        }
        boolean lockingRead = LockingRead.mentionsLockingClause(text);
        // primary-key point SELECT without Calcite (plan/fastpath); empty for every other statement
        Optional<StatementResult> point = lockingRead ? Optional.empty() : PointSelectPath.tryExecute(session, text);
        if (point.isPresent()) {
            return point.get();
        }
        // one-row UPDATE / DELETE / INSERT by literal values without Calcite (dml.WriteFastPath)
        Optional<StatementResult> write = dev.scion.sql.dml.WriteFastPath.tryExecute(session, text);
        if (write.isPresent()) {
            return write.get();
        }
        return executeParsed(session, text, lockingRead, dev.scion.sql.plan.CalcFoundRows.requested(text));
    }

    /** A statement none of the fast paths took: the plan cache, the admin statements, then Calcite. */
    private StatementResult executeParsed(Session session, String text, boolean lockingRead, boolean calcFoundRows) {
        // the plan cache's text level: a SELECT whose shape was planned before is bound without being parsed
        TextShape shape = !lockingRead && !calcFoundRows && text.regionMatches(true, 0, "SELECT", 0, 6)
                ? TextShape.of(text) : null;
        if (shape != null) {
            QueryPlanner.Plan known = QueryPlanner.planByText(session, shape);
            if (known != null) {
                return rows(session, known);
            }
        }
        Optional<dev.scion.sql.admin.AdminStatement> admin = StoredObjectStatements.match(text)
                .or(() -> AdminStatements.match(text));
        if (admin.isPresent()) {
            if (admin.get() instanceof PreparedSqlStatement.Execute exec) {
                String bound = Preprocessor.normalize(exec.boundText(session));
                if (AdminStatements.match(bound).orElse(null) instanceof PreparedSqlStatement.Execute) {
                    throw new SqlError(ErrorCode.UNSUPPORTED_PS,
                            "This command is not supported in the prepared statement protocol yet");
                }
                return executeText(session, bound, null);
            }
            return admin.get().execute(session);
        }
        Optional<StatementResult> load = LoadDataExecutor.tryExecute(session, text);
        if (load.isPresent()) {
            return load.get();
        }
        String rewritten = dev.scion.sql.frontend.BareUserKeyword.quote(
                VariableRewriter.rewrite(ViewDefinerClause.strip(text)));
        SqlNode node = StatementReader.statement(rewritten);
        ViewDefinerClause.attach(node, text);
        if (node instanceof SqlMySqlLockedQuery locked) {
            // FOR UPDATE / FOR SHARE lock the rows the query reads, and the query then reads their latest versions
            LockingRead.lockRows(session, rewritten);
            node = locked.getQuery();
            shape = null; // never served from the text cache, which would skip the locks
        }
        SqlKind nodeKind = node.getKind();
        ViewExpander.Expansion views = ViewExpander.Expansion.NONE;
        if (nodeKind.belongsTo(SqlKind.QUERY) || nodeKind == SqlKind.INSERT || nodeKind == SqlKind.UPDATE
                || nodeKind == SqlKind.DELETE) {
            views = ViewExpander.expandViews(session, node);
        }
        boolean readsViews = views.any();
        boolean writesShared = writes(node) && !TemporaryTableWrites.only(session, node);
        if (writesShared) {
            ServerReadOnly.refuseWrite(session);
        }
        // privileges on the tables the statement changes; tables it reads are checked as the planner resolves them
        dev.scion.sql.privilege.StatementPrivileges.check(session, node);
        if (session.isReadOnlyTransaction() && writesShared) {
            throw new SqlError(ErrorCode.READ_ONLY_TRANSACTION, "Cannot execute statement in a READ ONLY transaction.");
        }
        Optional<StatementResult> ddl = DdlExecutor.tryExecute(session, node, rewritten);
        if (ddl.isPresent()) {
            return ddl.get();
        }
        SqlKind kind = node.getKind();
        if (kind == SqlKind.INSERT) {
            return InsertExecutor.execute(session, (SqlInsert) node, rewritten);
        }
        if (kind == SqlKind.UPDATE) {
            return UpdateExecutor.execute(session, (SqlUpdate) node, rewritten);
        }
        if (kind == SqlKind.DELETE) {
            return DeleteExecutor.execute(session, (SqlDelete) node, rewritten);
        }
        if (kind.belongsTo(SqlKind.QUERY)) {
            // text-level entries only for statements whose text went to the parser unchanged and read no view
            boolean textCacheable = shape != null && !readsViews && rewritten.equals(text);
            StatementResult.Rows rows;
            try {
                rows = rows(session, QueryPlanner.plan(session, node, rewritten, textCacheable ? shape : null));
            } catch (SqlError e) {
                // a view over a dropped or renamed table, or a dropped column, is 1356, as in MySQL
                throw dev.scion.sql.plan.ViewFailures.explain(session, views, e);
            }
            return calcFoundRows ? dev.scion.sql.plan.CalcFoundRows.counted(session, unlimited(session, rewritten),
                    rewritten, rows) : rows;
        }
        throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support '"
                + (text.length() > 60 ? text.substring(0, 60) : text) + "'");
    }

    /** {@code text} parsed afresh for a second plan (the first one's validation rewrote its tree in place). */
    private static SqlNode unlimited(Session session, String text) {
        SqlNode node = StatementReader.statement(text);
        ViewExpander.expand(session, node);
        return node;
    }

    /** Opens a planned query's rows; MySQL has no boolean type, so TRUE and FALSE go out as 1 and 0. */
    private static StatementResult.Rows rows(Session session, QueryPlanner.Plan plan) {
        ExecContext ctx = new ExecContext(session);
        RowStream raw = plan.root().open(ctx);
        RowStream rows = new RowStream() {
            @Override
            public Object[] next() {
                Object[] r = raw.next();
                if (r != null) {
                    for (int i = 0; i < r.length; i++) {
                        if (r[i] instanceof Boolean b) {
                            r[i] = b ? 1L : 0L;
                        }
                    }
                }
                return r;
            }

            @Override
            public void close() {
                raw.close();
            }
        };
        return new StatementResult.Rows(plan.columns(), rows);
    }
}
