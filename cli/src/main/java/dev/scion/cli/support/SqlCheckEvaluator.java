package dev.scion.cli.support;

import dev.scion.sql.SqlEngine;
import dev.scion.sql.dolt.SqlRowConstraintChecker;
import dev.scion.sql.privilege.AccountCatalog;
import dev.scion.sql.session.Session;
import dev.scion.versioning.merge.RowConstraintChecker;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.List;

/**
 * CHECK constraints for merges, cherry-picks, reverts and conflict resolution started from the CLI, judged by the
 * SQL layer's own evaluator ({@link SqlRowConstraintChecker}) exactly as the dolt_* procedures judge them.
 *
 * <p>Inside a sql-server the calling session evaluates. In the CLI's own process a SQL session is needed too, but
 * most merges touch no table with a CHECK, so the engine is built only when the first such row comes up; it runs
 * over the workspace's own {@link DataDirectory}, whose one open repository it shares, so the store is never
 * opened (and locked) a second time. Expressions of CHECKs reference no table, so the session reads nothing.
 */
public final class SqlCheckEvaluator implements RowConstraintChecker, AutoCloseable {
    private final DataDirectory data;
    private final Session hostSession;
    private SqlEngine engine;
    private Session ownSession;
    private RowConstraintChecker delegate;

    private SqlCheckEvaluator(DataDirectory data, Session hostSession) {
        this.data = data;
        this.hostSession = hostSession;
    }

    /** Evaluates in the sql-server session that runs the hosted command. */
    public static SqlCheckEvaluator inSession(Session session) {
        return new SqlCheckEvaluator(null, session);
    }

    /** Evaluates in a session of an engine over {@code data}, made when first needed (the CLI's own process). */
    public static SqlCheckEvaluator overDataDirectory(DataDirectory data) {
        return new SqlCheckEvaluator(data, null);
    }

    @Override
    public List<CheckDef> failedChecks(TableSchema schema, Object[] row) {
        if (schema.checks().isEmpty()) {
            return List.of();
        }
        return evaluator().failedChecks(schema, row);
    }

    private synchronized RowConstraintChecker evaluator() {
        if (delegate == null) {
            Session s = hostSession;
            if (s == null) {
                // accounts in memory: the session is the CLI user's own, it never logs in or reads grants
                engine = new SqlEngine(data, AccountCatalog.inMemory());
                ownSession = engine.openSession(1, "root", "localhost", false);
                s = ownSession;
            }
            delegate = new SqlRowConstraintChecker(s);
        }
        return delegate;
    }

    /** Closes the session it made (never the engine's data directory: the workspace owns that). */
    @Override
    public synchronized void close() {
        if (ownSession != null) {
            ownSession.close();
            ownSession = null;
        }
    }
}
