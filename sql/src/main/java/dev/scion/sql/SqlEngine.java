package dev.scion.sql;

import dev.scion.sql.session.Session;
import dev.scion.sql.session.SystemVariables;
import dev.scion.sql.session.TransactionCommitter;
import dev.scion.versioning.gc.OperationTracker;
import dev.scion.versioning.model.Signature;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The SQL engine over a data directory: opens sessions and runs statements for them. */
public final class SqlEngine implements AutoCloseable {
    private final DataDirectory dataDirectory;
    private final Map<String, Object> globals = new ConcurrentHashMap<>();
    private final TransactionCommitter committer = new TransactionCommitter();
    private final dev.scion.sql.lock.RowLockManager rowLocks = new dev.scion.sql.lock.RowLockManager();
    private final StatementRunner runner = new StatementRunner();
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final dev.scion.sql.privilege.AccountCatalog accounts;
    private final Map<String, HostProcedure> hostProcedures = new ConcurrentHashMap<>();
    private final dev.scion.sql.session.PersistedVariables persisted;

    /** An engine whose accounts live in the data directory ({@link dev.scion.sql.privilege.AccountCatalog#FILE_NAME}). */
    public SqlEngine(DataDirectory dataDirectory) {
        this(dataDirectory, dev.scion.sql.privilege.AccountCatalog.open(
                dataDirectory.root().resolve(dev.scion.sql.privilege.AccountCatalog.FILE_NAME)));
    }

    public SqlEngine(DataDirectory dataDirectory, dev.scion.sql.privilege.AccountCatalog accounts) {
        this.dataDirectory = dataDirectory;
        this.accounts = accounts;
        this.persisted = dev.scion.sql.session.PersistedVariables.open(
                dataDirectory.root().resolve(dev.scion.sql.session.PersistedVariables.FILE_NAME));
        persisted.values().forEach(this::setGlobalVariable);
    }

    /** The global variables SET PERSIST keeps in the data directory (applied to the globals at start). */
    public dev.scion.sql.session.PersistedVariables persistedVariables() {
        return persisted;
    }

    /** The users and their grants. */
    public dev.scion.sql.privilege.AccountCatalog accounts() {
        return accounts;
    }

    /** Adds a procedure of the hosting program to CALL (names are case-insensitive). */
    public void registerProcedure(String name, HostProcedure procedure) {
        hostProcedures.put(name.toLowerCase(Locale.ROOT), procedure);
    }

    /** The host's procedure of that name, or null. */
    public HostProcedure hostProcedure(String name) {
        return hostProcedures.get(name.toLowerCase(Locale.ROOT));
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    public Session openSession(long connectionId, String user, String host, boolean foundRows) {
        Session s = new Session(this, connectionId, user, host, foundRows);
        sessions.put(connectionId, s);
        return s;
    }

    /** Called by {@link Session#close()}. */
    public void forgetSession(Session session) {
        sessions.remove(session.connectionId(), session);
    }

    /** The open sessions by connection id (SHOW PROCESSLIST, information_schema.PROCESSLIST). */
    public java.util.Collection<Session> sessions() {
        return new java.util.TreeMap<>(sessions).values();
    }

    /** Runs every statement in {@code sql}; each result is handed to {@code sink}, which must drain row streams. */
    public void execute(Session session, String sql, boolean multiStatements, Consumer<dev.scion.sql.result.StatementResult> sink) {
        // Online garbage collection waits for statements that were running when it listed its roots.
        try (OperationTracker.Operation op = OperationTracker.process().enter()) {
            runner.run(session, sql, multiStatements, sink);
        }
    }

    /**
     * Runs a prepared write's execution ({@link PreparedQuery}): the statement already parsed for the write fast
     * path, and its bound text made only if needed.
     */
    void executePreparedWrite(Session session, BoundWrite write, Consumer<dev.scion.sql.result.StatementResult> sink) {
        try (OperationTracker.Operation op = OperationTracker.process().enter()) {
            runner.runPreparedWrite(session, write, sink);
        }
    }

    /** Runs a prepared SELECT's execution ({@link PreparedQuery}), whose plan may be found from its values alone. */
    void executePreparedRead(Session session, BoundRead read, Consumer<dev.scion.sql.result.StatementResult> sink) {
        try (OperationTracker.Operation op = OperationTracker.process().enter()) {
            runner.runPreparedRead(session, read, sink);
        }
    }

    /** Runs one statement inside the statement that is running (a trigger's statement): no commit. */
    public dev.scion.sql.result.StatementResult executeNested(Session session, String statement) {
        return runner.executeNested(session, statement);
    }

    /**
     * Whether {@code sql} is a statement that finishes quickly and never waits (a primary-key point SELECT of the
     * fast path's shape, on a table and key the fast path already answered for this session; a BEGIN, COMMIT or
     * ROLLBACK of a session that has written nothing), so a server may run it on its network thread. A scan of the
     * text and a set lookup: nothing is read.
     */
    public boolean runsBriefly(Session session, String sql) {
        return dev.scion.sql.plan.fastpath.PointSelectPath.runsBriefly(session, sql)
                || dev.scion.sql.admin.BriefTransactionStatements.runsBriefly(session, sql);
    }

    /**
     * Whether {@code sql} finishes without waiting for another session, though it may sync the log: a one-row
     * write of a shape the write fast path served before for this session while no other session holds or awaits a
     * row lock ({@code WriteFastPath.runsBriefly}), or a plain BEGIN, COMMIT or ROLLBACK (which waits only for the
     * commit queue and the sync). A server runs such a statement on its network thread only while it runs nothing else,
     * saving the two thread hand-offs that are a large part of a lone client's write.
     */
    public boolean runsBrieflyWhenIdle(Session session, String sql) {
        return dev.scion.sql.dml.WriteFastPath.runsBriefly(session, sql)
                || dev.scion.sql.admin.BriefTransactionStatements.isPlainBoundary(sql);
    }

    /**
     * Like {@link #runsBrieflyWhenIdle}, but whatever row locks other sessions hold: a server runs such a statement
     * on its network thread when the connection has that thread to itself, where waiting for a lock holds up no one.
     */
    public boolean runsBrieflyAlone(Session session, String sql) {
        return dev.scion.sql.dml.WriteFastPath.wasServed(session, sql)
                || dev.scion.sql.admin.BriefTransactionStatements.isPlainBoundary(sql);
    }

    public PreparedQuery prepare(Session session, String sql) {
        if (dev.scion.sql.dml.LoadDataExecutor.isLoadData(sql.strip())) {
            throw new dev.scion.sql.error.SqlError(dev.scion.sql.error.ErrorCode.UNSUPPORTED_PS,
                    "This command is not supported in the prepared statement protocol yet"); // as MySQL
        }
        // the text is read with the sql_mode in force when it is prepared, as MySQL does
        String text = dev.scion.sql.session.SqlModes.noBackslashEscapes(session)
                ? dev.scion.sql.frontend.NoBackslashEscapes.toEscaped(sql,
                        dev.scion.sql.session.SqlModes.ansiQuotes(session)) : sql;
        return new PreparedQuery(this, dev.scion.sql.session.SqlModes.ansiQuotes(session)
                ? dev.scion.sql.frontend.AnsiQuotes.toBackticks(text) : text);
    }

    /** Runs a prepared statement's bound text, which is in the default reading of backslashes whatever sql_mode is. */
    void executeBound(Session session, String text, Consumer<dev.scion.sql.result.StatementResult> sink) {
        try (OperationTracker.Operation op = OperationTracker.process().enter()) {
            runner.runInDefaultReading(session, text, false, sink);
        }
    }

    public Object globalVariable(String name) {
        String key = SystemVariables.canonical(name);
        Object value = globals.get(key); // a ConcurrentHashMap holds no nulls: SET GLOBAL x = NULL removes x
        return value != null ? value : SystemVariables.defaultValue(key);
    }

    public boolean hasGlobalVariable(String name) {
        return globals.containsKey(SystemVariables.canonical(name));
    }

    /** Where SET GLOBAL dolt_log_level goes: the server's logging, installed by the process that logs. */
    private volatile java.util.function.Consumer<String> logLevelSink = level -> { };

    public void logLevelSink(java.util.function.Consumer<String> sink) {
        logLevelSink = sink;
    }

    public void setGlobalVariable(String name, Object value) {
        String key = SystemVariables.canonical(name);
        if (key.equals("dolt_log_level") && value != null) {
            logLevelSink.accept(value.toString());
        }
        if (value == null) {
            globals.remove(key);
        } else {
            globals.put(key, value);
        }
    }

    /** The branch a plain connection to the database lands on: @@GLOBAL.<db>_default_branch, else the repo's. */
    public String defaultBranch(String database, Repository repo) {
        Object configured = globals.get((database + "_default_branch").toLowerCase(Locale.ROOT));
        if (configured != null && repo.branchHead(configured.toString()).isPresent()) {
            return configured.toString();
        }
        return repo.defaultBranch();
    }

    public void dropDatabase(String name) {
        dataDirectory.drop(name);
    }

    private volatile dev.scion.sql.event.EventScheduler eventScheduler;

    /** Starts running the databases' events (a server does; in-process users of the engine need not). */
    public synchronized void startEventScheduler() {
        if (eventScheduler == null) {
            eventScheduler = dev.scion.sql.event.EventScheduler.start(this);
        }
    }

    /** The running event scheduler, or null. */
    public dev.scion.sql.event.EventScheduler eventScheduler() {
        return eventScheduler;
    }

    public TransactionCommitter transactionCommitter() {
        return committer;
    }

    /** The row locks of every branch this engine serves (docs/versioned-sql.md, "Transactions"). */
    public dev.scion.sql.lock.RowLockManager rowLocks() {
        return rowLocks;
    }

    /** The commit author for a session's versioning operations. */
    public Signature author(Session session) {
        String user = session == null ? "root" : session.user();
        String host = session == null ? "localhost" : session.host();
        return new Signature(user, user + "@" + (host == null ? "%" : host), System.currentTimeMillis());
    }

    @Override
    public void close() {
        if (eventScheduler != null) {
            eventScheduler.close(); // no event starts on a closing data directory
        }
        dataDirectory.close();
    }
}
