package dev.scion.sql.session;

import dev.scion.sql.SqlEngine;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.RevisionName;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.storage.Hash;
import dev.scion.versioning.history.RevisionResolver;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One client's state: the current database, the revision each database is bound to, variables, and the
 * open transaction. A session is used by one thread at a time.
 */
public final class Session {
    private final SqlEngine engine;
    private final long connectionId;
    private final String user;
    private final String host;
    private final boolean foundRows;
    private final Map<String, Object> variables = new HashMap<>();
    private final Map<String, Object> userVariables = new HashMap<>();
    // concurrent: other sessions read which branch this one has checked out (dolt_branch_activity)
    private final Map<String, DatabaseState> databases = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Warning> warnings = new ArrayList<>();
    private String currentDatabase;
    private long seenDropGeneration;
    private boolean explicitTransaction;
    /** The branches as this session's open multi-statement transaction found them, per database. */
    private final TransactionBranches transactionBranches =
            new TransactionBranches(() -> explicitTransaction || !autocommit());
    private long lastInsertId;
    private final StatementCounts counts = new StatementCounts();
    /** Dolt's last_insert_uuid(): the UUID primary key the last INSERT into a UUID-keyed table gave its first row. */
    private String lastInsertUuid = "";
    private volatile boolean cancelled;
    private volatile boolean closed;
    private volatile ConnectionControl connectionControl = ConnectionControl.NONE;
    private LocalFileSource localFiles = LocalFileSource.NONE;
    private final dev.scion.sql.plan.cache.PlanCache planCache = new dev.scion.sql.plan.cache.PlanCache();
    private final dev.scion.sql.catalog.TemporaryTables temporaryTables = new dev.scion.sql.catalog.TemporaryTables();
    private volatile dev.scion.sql.privilege.AccessPolicy access = dev.scion.sql.privilege.AccessPolicy.UNRESTRICTED;

    /** One condition of the diagnostics area: SHOW WARNINGS's row plus the SQLSTATE GET DIAGNOSTICS reports. */
    public record Warning(String level, int code, String message, String sqlState) {
        public Warning(String level, int code, String message) {
            this(level, code, message, dev.scion.sql.error.ErrorCode.sqlStateOf(code, level.equals("Error")));
        }
    }

    public Session(SqlEngine engine, long connectionId, String user, String host, boolean foundRows) {
        this.engine = engine;
        this.connectionId = connectionId;
        this.user = user;
        this.host = host;
        this.foundRows = foundRows;
    }

    private final ServedShapes servedPointSelects = new ServedShapes();

    /** The point-select shapes the fast path answered for this session (see {@code PointSelectPath.runsBriefly}). */
    public ServedShapes servedPointSelects() {
        return servedPointSelects;
    }

    private final ServedShapes servedWrites = new ServedShapes();

    /** The one-row write shapes the write fast path completed for this session ({@code WriteFastPath.runsBriefly}). */
    public ServedShapes servedWrites() {
        return servedWrites;
    }

    /** This session's query plans by statement shape (see PlanCache). */
    public dev.scion.sql.plan.cache.PlanCache planCache() {
        return planCache;
    }

    public SqlEngine engine() {
        return engine;
    }

    public long connectionId() {
        return connectionId;
    }

    public String user() {
        return user;
    }

    public String host() {
        return host;
    }

    /** What this session may do (unrestricted unless a client logged in as an account). */
    public dev.scion.sql.privilege.AccessPolicy access() {
        return access;
    }

    public void access(dev.scion.sql.privilege.AccessPolicy policy) {
        access = policy == null ? dev.scion.sql.privilege.AccessPolicy.UNRESTRICTED : policy;
    }

    /** CURRENT_USER(): the account the session authenticated as (user@host pattern). */
    public String currentUser() {
        return access.account().map(dev.scion.sql.privilege.Account::plain).orElse(user + "@" + host);
    }

    /** The client asked UPDATE to report rows matched rather than rows changed. */
    public boolean foundRows() {
        return foundRows;
    }

    // ---- variables ----

    public Object variable(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Object value = variables.get(key);
        if (value == null && !variables.containsKey(key)) {
            return engine.globalVariable(key);
        }
        return value;
    }

    public boolean hasVariable(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return variables.containsKey(key) || SystemVariables.isKnown(key) || engine.hasGlobalVariable(key);
    }

    public void setVariable(String name, Object value) {
        variables.put(name.toLowerCase(Locale.ROOT), value);
    }

    public Object userVariable(String name) {
        return userVariables.get(name.toLowerCase(Locale.ROOT));
    }

    public void setUserVariable(String name, Object value) {
        userVariables.put(name.toLowerCase(Locale.ROOT), value);
    }

    public boolean autocommit() {
        Object v = variable("autocommit");
        return v instanceof Number n ? n.longValue() != 0 : "ON".equalsIgnoreCase(String.valueOf(v));
    }

    // ---- warnings and ids ----

    public List<Warning> warnings() {
        return warnings;
    }

    /** A note: MySQL's level for things that are fine but worth saying (IF [NOT] EXISTS that did nothing). */
    public void addNote(int code, String message) {
        warnings.add(new Warning("Note", code, message));
    }

    /** Records the error a statement failed with, so SHOW WARNINGS / SHOW ERRORS can show it as MySQL does. */
    public void addError(int code, String message) {
        warnings.add(new Warning("Error", code, message));
    }

    /** {@link #addError(int, String)} keeping the error's own SQLSTATE (a SIGNAL's, say). */
    public void addError(dev.scion.sql.error.SqlError e) {
        warnings.add(new Warning("Error", e.code(), e.getMessage(), e.sqlState()));
    }

    // ---- what the session is doing (SHOW PROCESSLIST) ----

    /** The running statement's text, or a Supplier of it (made only when someone looks), or null. */
    private volatile Object runningStatement;
    private volatile long activitySince = System.currentTimeMillis();

    /** Marks the start ({@code sql} non-null) or end (null) of a statement. */
    public void running(String sql) {
        runningStatement = sql;
        activitySince = System.currentTimeMillis();
    }

    /** Marks the start of a statement whose text is made only if someone asks (a prepared statement's bound text). */
    public void runningLazily(java.util.function.Supplier<String> sql) {
        runningStatement = sql;
        activitySince = System.currentTimeMillis();
    }

    /**
     * The statement being run, or null when idle, with its secrets hidden (SHOW PROCESSLIST never shows passwords).
     * Redacted here, when someone looks, rather than in {@link #running}: the scan would cost every statement.
     */
    public String runningStatement() {
        Object running = runningStatement;
        String sql = running instanceof java.util.function.Supplier<?> text ? (String) text.get() : (String) running;
        return sql == null ? null : dev.scion.sql.privilege.SecretRedactor.redact(sql);
    }

    /** When the current statement (or idle period) began, in epoch milliseconds. */
    public long activitySince() {
        return activitySince;
    }

    /**
     * Whether the statement running is a write strict mode governs (INSERT, UPDATE or LOAD DATA without IGNORE under
     * a strict sql_mode), where ERROR_FOR_DIVISION_BY_ZERO makes a division by zero an error.
     */
    private boolean strictWrite;

    public boolean strictWrite() {
        return strictWrite;
    }

    /** Runs a write statement marked as strict or not; a nested statement's mark ends with it. */
    public <T> T runWrite(boolean strict, java.util.function.Supplier<T> statement) {
        boolean was = strictWrite;
        strictWrite = strict;
        try {
            return statement.get();
        } finally {
            strictWrite = was;
        }
    }

    public void addWarning(int code, String message) {
        warnings.add(new Warning("Warning", code, message));
    }

    public long lastInsertId() {
        return lastInsertId;
    }

    /** ROW_COUNT() and FOUND_ROWS() of the statements run so far. */
    public StatementCounts counts() {
        return counts;
    }

    public void setLastInsertId(long id) {
        lastInsertId = id;
    }

    public String lastInsertUuid() {
        return lastInsertUuid;
    }

    public void setLastInsertUuid(String uuid) {
        lastInsertUuid = uuid;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
    }

    public void clearCancel() {
        cancelled = false;
    }

    /** Throws 1317 if the running statement was killed (for loops that run no operators). */
    public void checkNotCancelled() {
        if (cancelled) {
            throw new SqlError(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }

    /** LOAD DATA LOCAL INFILE's way to the client's file (set by the server around each statement). */
    public LocalFileSource localFiles() {
        return localFiles;
    }

    public void localFiles(LocalFileSource source) {
        localFiles = source == null ? LocalFileSource.NONE : source;
    }

    /** KILL's way to the other connections (set by the server). */
    public ConnectionControl connectionControl() {
        return connectionControl;
    }

    public void connectionControl(ConnectionControl control) {
        connectionControl = control == null ? ConnectionControl.NONE : control;
    }

    // ---- databases ----

    public String currentDatabase() {
        return currentDatabase;
    }

    /** The state of the current database, or error 1046. */
    public DatabaseState current() {
        if (currentDatabase == null) {
            throw SqlError.noDatabaseSelected();
        }
        return database(currentDatabase);
    }

    /** Resolves a database name as written by the client (maybe with a revision) to this session's state. */
    public DatabaseState database(String name) {
        return findDatabase(name).orElseThrow(() -> {
            RevisionName rn = RevisionName.parse(name);
            // a database that exists with a revision it lacks: Dolt's words, MySQL's code (1049)
            return rn.revision() != null && engine.dataDirectory().canonicalName(rn.database()).isPresent()
                    ? new SqlError(ErrorCode.BAD_DB, "database not found: " + name) : SqlError.unknownDatabase(name);
        });
    }

    public Optional<DatabaseState> findDatabase(String name) {
        forgetDroppedDatabases();
        String key = name.toLowerCase(Locale.ROOT);
        DatabaseState s = databases.get(key);
        if (s != null && s.branchDeleted()) {
            // another session deleted the branch this one had checked out. As in Dolt: while it is the current
            // database, statements fail with 1049 until USE names another revision; otherwise the database falls
            // back to its default branch, and a name for that branch (db/branch) no longer resolves
            if (key.equals(currentDatabase == null ? null : currentDatabase.toLowerCase(Locale.ROOT))) {
                throw new SqlError(ErrorCode.BAD_DB, "database not found: " + s.databaseName() + "/" + s.branch());
            }
            if (key.equals(s.databaseName().toLowerCase(Locale.ROOT))) {
                s.switchBranch(engine.defaultBranch(s.databaseName(), s.repo()));
            } else {
                databases.remove(key);
                s.release();
                s = null;
            }
        }
        if (s != null) {
            return Optional.of(s);
        }
        RevisionName rn = RevisionName.parse(name);
        Optional<String> canonical = engine.dataDirectory().canonicalName(rn.database());
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        Repository repo = engine.dataDirectory().open(canonical.get()).orElseThrow();
        if (rn.revision() == null) {
            s = new DatabaseState(canonical.get(), canonical.get(), repo, engine.defaultBranch(canonical.get(), repo));
        } else {
            Optional<RevisionResolver.Resolved> r = new RevisionResolver(repo).resolve(rn.revision(), null);
            if (r.isEmpty()) {
                // branch names are unique ignoring case (dolt_branch refuses case twins), so `db@Main` is main
                Optional<String> branch = repo.branches().stream().filter(b -> b.equalsIgnoreCase(rn.revision()))
                        .findFirst();
                r = branch.flatMap(b -> new RevisionResolver(repo).resolve(b, null));
            }
            if (r.isEmpty()) {
                return Optional.empty();
            }
            // shown as the client wrote it, '/' or '@' delimiter and case kept, as Dolt's database() shows it
            String display = name;
            s = r.get().isBranch() ? new DatabaseState(display, canonical.get(), repo, r.get().name())
                    : DatabaseState.readOnly(display, canonical.get(), repo, r.get().commit());
        }
        s.readBranchesFrom(transactionBranches);
        databases.put(key, s);
        return Optional.of(s);
    }

    /**
     * The branch this session has bound for a database (null when none), asked from another session's thread for
     * dolt_branch_activity's active_sessions; a racing switch may show the previous branch.
     */
    public String boundBranch(String databaseName) {
        DatabaseState s = databases.get(databaseName.toLowerCase(Locale.ROOT));
        return s == null ? null : s.branch();
    }

    public void useDatabase(String name) {
        boolean mysql = dev.scion.sql.privilege.MysqlDatabase.isName(name);
        if ((mysql || dev.scion.sql.catalog.InformationSchema.isName(name)) && findDatabase(name).isEmpty()) {
            // the system databases hold no versioned tables: only queries naming their tables run in them
            if (mysql) {
                dev.scion.sql.privilege.AccessChecks.requireAnyOnDatabase(this, name);
            }
            currentDatabase = name.toLowerCase(Locale.ROOT);
            return;
        }
        DatabaseState s = database(name);
        dev.scion.sql.privilege.AccessChecks.requireAnyOnDatabase(this, s.databaseName());
        currentDatabase = s.name();
    }

    public void clearCurrentDatabase() {
        currentDatabase = null;
    }

    /**
     * After any DROP DATABASE (by any session), forgets this session's bindings to databases that are no longer
     * served as they were: their repository was closed, so a later statement must see "unknown database" (or the
     * re-created database of the same name) rather than a closed store. Their uncommitted changes are lost, as
     * the database they belonged to is gone.
     */
    private void forgetDroppedDatabases() {
        long generation = engine.dataDirectory().generation();
        if (generation == seenDropGeneration) {
            return;
        }
        seenDropGeneration = generation;
        databases.values().removeIf(s -> !engine.dataDirectory().isServing(s.databaseName(), s.repo()));
        temporaryTables.retainBindings(databases.values());
    }

    /** Forgets bindings to a database (after DROP DATABASE). */
    public void forgetDatabase(String databaseName) {
        databases.values().removeIf(s -> s.databaseName().equalsIgnoreCase(databaseName));
        temporaryTables.retainBindings(databases.values());
        if (currentDatabase != null && RevisionName.parse(currentDatabase).database().equalsIgnoreCase(databaseName)) {
            currentDatabase = null;
        }
    }

    public Iterable<DatabaseState> boundDatabases() {
        return databases.values();
    }

    /** This session's temporary tables, which table resolution consults before each binding's own tables. */
    public dev.scion.sql.catalog.TemporaryTables temporaryTables() {
        return temporaryTables;
    }

    /** The bound databases and the homes of the session's temporary tables: whatever a transaction may write. */
    private Iterable<DatabaseState> transactionStates() {
        if (temporaryTables.isEmpty()) {
            return databases.values();
        }
        List<DatabaseState> all = new ArrayList<>(databases.values());
        all.addAll(temporaryTables.homes());
        return all;
    }

    // ---- transactions ----

    public boolean inExplicitTransaction() {
        return explicitTransaction;
    }

    public boolean inTransaction() {
        return explicitTransaction || databases.values().stream().anyMatch(DatabaseState::isDirty);
    }

    // ---- savepoints and read-only transactions ----

    /** A named point in the open transaction: each bound database's working root at that moment. */
    private record Savepoint(String name, Map<DatabaseState, Hash> roots, Map<DatabaseState, Boolean> dirty) {
    }

    private final List<Savepoint> savepoints = new ArrayList<>();
    private boolean readOnlyTransaction;
    private Boolean nextTransactionReadOnly;
    /** Set by the SET TRANSACTION statement itself, so its own end does not use up the setting. */
    private boolean nextTransactionJustSet;

    /** SAVEPOINT name (replacing an older one of the same name). */
    public void savepoint(String name) {
        releaseSavepoint(name, false);
        Map<DatabaseState, Hash> roots = new HashMap<>();
        Map<DatabaseState, Boolean> dirty = new HashMap<>();
        for (DatabaseState s : transactionStates()) {
            if (s.openWorkingRoot() != null) {
                roots.put(s, s.openWorkingRoot());
                dirty.put(s, s.isDirty());
            }
        }
        savepoints.add(new Savepoint(name, roots, dirty));
    }

    /** ROLLBACK TO SAVEPOINT name: undoes the writes made since; the savepoint stays, later ones go. */
    public void rollbackToSavepoint(String name) {
        int i = savepointIndex(name);
        Savepoint sp = savepoints.get(i);
        for (DatabaseState s : transactionStates()) {
            s.restoreWorkingRoot(sp.roots().get(s), Boolean.TRUE.equals(sp.dirty().get(s)));
        }
        savepoints.subList(i + 1, savepoints.size()).clear();
    }

    /** RELEASE SAVEPOINT name: forgets it and every later one. */
    public void releaseSavepoint(String name) {
        releaseSavepoint(name, true);
    }

    private void releaseSavepoint(String name, boolean mustExist) {
        for (int i = 0; i < savepoints.size(); i++) {
            if (savepoints.get(i).name().equalsIgnoreCase(name)) {
                savepoints.subList(i, savepoints.size()).clear();
                return;
            }
        }
        if (mustExist) {
            savepointIndex(name);
        }
    }

    private int savepointIndex(String name) {
        for (int i = 0; i < savepoints.size(); i++) {
            if (savepoints.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new SqlError(ErrorCode.SAVEPOINT_DOES_NOT_EXIST, "SAVEPOINT " + name + " does not exist");
    }

    /** START TRANSACTION READ ONLY: writes fail with 1792 until the transaction ends. */
    public void beginExplicit(boolean readOnly) {
        beginExplicit();
        readOnlyTransaction = readOnly;
    }

    /** SET TRANSACTION READ ONLY / READ WRITE: applies to the next transaction only. */
    public void setNextTransactionReadOnly(boolean readOnly) {
        nextTransactionReadOnly = readOnly;
        nextTransactionJustSet = true;
    }

    /** Whether the statement about to run may not write. */
    public boolean isReadOnlyTransaction() {
        if (readOnlyTransaction) {
            return true;
        }
        if (nextTransactionReadOnly != null) {
            return nextTransactionReadOnly;
        }
        Object v = variable("transaction_read_only");
        return v instanceof Number n ? n.longValue() != 0 : "ON".equalsIgnoreCase(String.valueOf(v));
    }

    /** How many transactions this session has ended (committed or rolled back). */
    private long transactionsEnded;

    /** A count that moves whenever a transaction ends: a statement compares it to see whether it ended one. */
    public long transactionsEnded() {
        return transactionsEnded;
    }

    private void transactionEnded() {
        transactionsEnded++;
        // after the commit is installed (or the transaction dropped), so a waiter reads the committed version
        if (engine != null) {
            engine.rowLocks().releaseAll(this);
        }
        savepoints.clear();
        transactionBranches.release();
        readOnlyTransaction = false;
        nextTransactionReadOnly = null;
        nextTransactionJustSet = false;
    }

    // ---- SQL prepared statements (PREPARE / EXECUTE / DEALLOCATE) ----

    private final Map<String, String> preparedStatements = new HashMap<>();

    public void prepare(String name, String sql) {
        preparedStatements.put(name.toLowerCase(Locale.ROOT), sql);
    }

    /** The text of a prepared statement; 1243 when there is none of that name. */
    public String prepared(String name, String forStatement) {
        String sql = preparedStatements.get(name.toLowerCase(Locale.ROOT));
        if (sql == null) {
            throw new SqlError(ErrorCode.UNKNOWN_STMT_HANDLER, "Unknown prepared statement handler (" + name
                    + ") given to " + forStatement);
        }
        return sql;
    }

    public void deallocate(String name) {
        prepared(name, "DEALLOCATE PREPARE");
        preparedStatements.remove(name.toLowerCase(Locale.ROOT));
    }

    public void beginExplicit() {
        Boolean next = nextTransactionReadOnly;
        commit();
        explicitTransaction = true;
        readOnlyTransaction = Boolean.TRUE.equals(next);
        // as in Dolt, the transaction sees the current database's branches as they are now, not as they will be at
        // its first read (MySQL's InnoDB would wait for that read; a version control peer snapshots here)
        if (currentDatabase != null && !dev.scion.sql.catalog.InformationSchema.isName(currentDatabase)) {
            try {
                findDatabase(currentDatabase).ifPresent(s -> transactionBranches.takeNow(s.repo()));
            } catch (SqlError e) {
                // the checked-out branch was deleted: the next statement reports it, not START TRANSACTION
            }
        }
    }

    /**
     * The branches of {@code repo} as the open multi-statement transaction found them (dolt_branches reads them);
     * empty outside such a transaction.
     */
    public Optional<dev.scion.sql.catalog.BranchSnapshot> branchSnapshot(Repository repo) {
        return transactionBranches.of(repo);
    }

    /**
     * This session ran a version procedure or wrote dolt_branches, which may have made or moved branches: the rest
     * of the transaction reads the branches afresh, so that it sees its own branch operations.
     */
    public void branchesMayHaveChanged() {
        transactionBranches.release();
    }

    /** Commits every database written in this transaction, merging with concurrent commits. */
    public void commit() {
        try {
            DatabaseState last = null;
            for (DatabaseState s : databases.values()) {
                if (s.isDirty()) {
                    last = s;
                }
            }
            for (DatabaseState s : databases.values()) {
                if (s == last) {
                    // the row locks go once the last commit's place in the log is fixed, before its sync
                    engine.transactionCommitter().commit(this, s, () -> engine.rowLocks().releaseAll(this));
                } else if (s.isDirty()) {
                    engine.transactionCommitter().commit(this, s);
                }
            }
        } finally {
            for (DatabaseState s : databases.values()) {
                s.endTransaction();
            }
            for (DatabaseState home : temporaryTables.homes()) {
                // temporary tables are never published: their rows stay with the session
                home.keepDetachedWorking();
                home.endTransaction();
                home.compactTemporary();
            }
            explicitTransaction = false;
            transactionEnded();
        }
    }

    public void rollback() {
        for (DatabaseState s : transactionStates()) {
            s.endTransaction();
        }
        for (DatabaseState home : temporaryTables.homes()) {
            home.compactTemporary(); // what the transaction wrote to its temporary tables is garbage now
        }
        explicitTransaction = false;
        transactionEnded();
    }

    /**
     * Where each open transaction is when a statement starts, so that a statement can be undone before it runs
     * again. Taking it builds nothing: row writes deferred by earlier statements are kept as they are.
     */
    public record StatementMark(Map<DatabaseState, DatabaseState.Point> points) {
    }

    /** The mark of a statement that starts with no transaction open: an autocommit statement's, usually. */
    private static final StatementMark NOTHING_OPEN = new StatementMark(Map.of());

    public StatementMark markStatement() {
        Map<DatabaseState, DatabaseState.Point> points = null;
        for (DatabaseState s : transactionStates()) {
            DatabaseState.Point p = s.point();
            if (p != null) {
                if (points == null) {
                    points = new HashMap<>(4);
                }
                points.put(s, p);
            }
        }
        return points == null ? NOTHING_OPEN : new StatementMark(points);
    }

    /** Undoes what a statement wrote (trigger bodies included) since {@link #markStatement}. */
    public void restoreStatement(StatementMark mark) {
        for (DatabaseState s : transactionStates()) {
            s.restore(mark.points().get(s));
        }
    }

    /** Stale rows locked by the running statement (and the statements it runs nested), in lock order. */
    private final List<dev.scion.sql.lock.CurrentRow> staleRows = new ArrayList<>(0);

    /** A row the running statement locked whose latest version is not its snapshot's: it reruns once it ends. */
    public void noteStaleRow(dev.scion.sql.lock.CurrentRow row) {
        staleRows.add(row);
    }

    /** Where a statement's stale rows start; a nested statement takes only those noted after its own mark. */
    public int staleRowMark() {
        return staleRows.size();
    }

    /** Statements rerun to catch up on stale locked rows (an operation count: one per statement at most). */
    private long staleRowReruns;

    public long staleRowReruns() {
        return staleRowReruns;
    }

    /** The stale rows noted since {@code mark}, which are forgotten here. */
    public List<dev.scion.sql.lock.CurrentRow> takeStaleRows(int mark) {
        if (staleRows.size() <= mark) {
            return List.of();
        }
        List<dev.scion.sql.lock.CurrentRow> sub = staleRows.subList(mark, staleRows.size());
        List<dev.scion.sql.lock.CurrentRow> out = List.copyOf(sub);
        sub.clear();
        return out;
    }

    /** Catches up on every stale row a statement locked, before its one rerun. */
    public void catchUpAll(List<dev.scion.sql.lock.CurrentRow> rows) {
        staleRowReruns++;
        for (dev.scion.sql.lock.CurrentRow row : rows) {
            catchUp(row);
        }
    }

    /**
     * Folds the latest version of a row this transaction just locked into its snapshot, working root and
     * savepoints, before the statement that locked it runs again (see {@link dev.scion.sql.lock.RowLocking}).
     */
    public void catchUp(dev.scion.sql.lock.CurrentRow row) {
        if (!dev.scion.sql.lock.RowLocking.catchUp(row)) {
            return;
        }
        for (Savepoint sp : savepoints) {
            Hash root = sp.roots().get(row.database());
            Hash moved = root == null ? null : dev.scion.sql.lock.RowLocking.withRow(row.database(), root, row);
            if (moved != null) {
                sp.roots().put(row.database(), moved);
            }
        }
    }

    /**
     * COM_RESET_CONNECTION / mysql_reset_connection(): roll back, and forget session variables, user variables,
     * warnings and the last insert id, as on a new connection. The current database and its branch stay.
     */
    public void resetConnectionState() {
        rollback();
        temporaryTables.dropAll();
        variables.clear();
        userVariables.clear();
        warnings.clear();
        lastInsertId = 0;
        lastInsertUuid = "";
        cancelled = false;
    }

    /** Set when a dolt_transaction_commit refused an autocommit statement's commit and kept its writes pending. */
    private boolean keptOpenAfterRefusedCommit;

    /** Ends the implicit transaction of a statement run in autocommit mode. */
    public void endStatement(boolean succeeded) {
        if (explicitTransaction || !autocommit()) {
            return;
        }
        // An autocommit statement is a transaction of its own and uses up a SET TRANSACTION characteristic,
        // except the SET TRANSACTION statement itself.
        Boolean keep = nextTransactionJustSet ? nextTransactionReadOnly : null;
        if (keptOpenAfterRefusedCommit) {
            // the refused version commit below left the statement's writes pending, as Dolt does
            keptOpenAfterRefusedCommit = false;
            return;
        }
        if (succeeded && engine != null && TransactionCommitter.isOn(this, "dolt_transaction_commit")) {
            // each autocommit statement is a transaction, so it is a version commit too
            try {
                engine.transactionCommitter().sqlCommit(this);
            } catch (SqlError e) {
                keptOpenAfterRefusedCommit = inTransaction();
                throw e;
            }
        } else if (succeeded) {
            commit();
        } else {
            rollback();
        }
        nextTransactionReadOnly = keep;
    }

    /** Switching the branch of a database needs a clean transaction. */
    public void requireNoPendingChanges(DatabaseState s) {
        if (s.isDirty()) {
            throw new SqlError(ErrorCode.VERSIONING, "cannot switch branches with uncommitted changes in the current "
                    + "transaction: COMMIT or ROLLBACK first");
        }
    }

    /**
     * The session's HEAD of {@code s}: inside a transaction the branch head it began at (a commit another session
     * makes meanwhile is not seen, as its rows are not), else the branch's head now.
     */
    public Hash headOf(DatabaseState s) {
        if (s.isReadOnly() || s.isDetached()) {
            return s.readOnlyCommit();
        }
        if (s.startHead() != null) {
            return s.startHead();
        }
        return s.repo().branchHead(s.branch()).orElseThrow(() -> new SqlError(ErrorCode.VERSIONING,
                "branch '" + s.branch() + "' no longer exists"));
    }

    /** True once the connection is gone; a statement still waiting for a row lock then gives up. */
    public boolean isClosed() {
        return closed;
    }

    public void close() {
        // first, so that a statement of this session waiting for a row lock stops, and one granted a lock from
        // now on gives it back (RowLocking) instead of holding it for a transaction nobody will end
        closed = true;
        cancelled = true;
        engine.forgetSession(this);
        dev.scion.sql.lock.UserLocks.releaseAll(this); // user-level locks end with their session
        rollback();
        for (DatabaseState s : databases.values()) {
            s.release();
        }
        temporaryTables.dropAll();
    }
}
