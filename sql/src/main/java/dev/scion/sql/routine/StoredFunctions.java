package dev.scion.sql.routine;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored functions as the planner sees them: a name the built-in tables do not know is looked up in the
 * {@code dolt_functions} of the current (or named) database, and a call of it becomes a
 * {@link StoredFunctionOperator} whose evaluation runs the body.
 */
public final class StoredFunctions {
    /** Parsed definitions by their stored CREATE text: a definition is parsed once, not per call. */
    private static final Map<String, ProcedureDefinition> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 1024;
    /** Definitions by database and working-root hash, then by lower-case name (empty: no such function). */
    private static final Map<String, Map<String, Optional<ProcedureDefinition>>> BY_ROOT = new ConcurrentHashMap<>();
    private static final int BY_ROOT_LIMIT = 256;

    private StoredFunctions() {
    }

    /** {@code builtins}, then the session's stored functions for names the built-ins do not have. */
    public static SqlOperatorTable operatorTable(Session session, SqlOperatorTable builtins) {
        return new SqlOperatorTable() {
            @Override
            public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                                List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
                int before = operatorList.size();
                builtins.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
                // a category is given for a call written with parentheses; a bare name (the validator asks whether
                // a column name is a niladic function) is never a stored function in MySQL
                if (operatorList.size() == before && syntax == SqlSyntax.FUNCTION && category != null) {
                    lookUp(session, opName.names).ifPresent(operatorList::add);
                }
            }

            @Override
            public List<SqlOperator> getOperatorList() {
                return builtins.getOperatorList();
            }
        };
    }

    private static Optional<SqlOperator> lookUp(Session session, List<String> names) {
        if (names.size() > 2) {
            return Optional.empty();
        }
        String dbName = names.size() == 2 ? names.get(0) : session.currentDatabase();
        if (dbName == null) {
            return Optional.empty();
        }
        Optional<DatabaseState> db = session.findDatabase(dbName);
        String name = names.get(names.size() - 1);
        Optional<SqlOperator> found = db.isEmpty() || !StoredProcedures.exists(db.get(), StoredProcedures.FUNCTIONS)
                ? Optional.empty() : definition(db.get(), name).map(StoredFunctionOperator::new);
        if (found.isEmpty() && names.size() == 2) {
            // a qualified name can only mean a stored function: report it by the database named, as MySQL does
            throw ProcedureStatements.doesNotExist("FUNCTION", dbName + "." + name);
        }
        return found;
    }

    /**
     * The function {@code name} of the database. Looked up once per working root: the root's hash names its whole
     * content, so while the database's root stays the same (a query calling a function per row) a call costs a map
     * lookup instead of reading {@code dolt_functions}; a CREATE or DROP FUNCTION makes a new root and so a new entry.
     */
    static Optional<ProcedureDefinition> definition(DatabaseState db, String name) {
        String rootKey = db.name() + "\u0000" + db.workingRootHash();
        Map<String, Optional<ProcedureDefinition>> atRoot = BY_ROOT.get(rootKey);
        if (atRoot == null) {
            if (BY_ROOT.size() >= BY_ROOT_LIMIT) {
                BY_ROOT.clear();
            }
            atRoot = new ConcurrentHashMap<>();
            BY_ROOT.put(rootKey, atRoot);
        }
        String key = name.toLowerCase(Locale.ROOT);
        Optional<ProcedureDefinition> found = atRoot.get(key);
        if (found == null) {
            found = read(db, name);
            atRoot.put(key, found);
        }
        return found;
    }

    /** The function as stored, parsed (once per stored text). */
    private static Optional<ProcedureDefinition> read(DatabaseState db, String name) {
        return StoredProcedures.find(db, StoredProcedures.FUNCTIONS, name).map(s -> {
            String key = db.name() + "\u0000" + s.sqlMode() + "\u0000" + s.createStatement();
            ProcedureDefinition p = PARSED.get(key);
            if (p == null) {
                if (PARSED.size() >= PARSED_LIMIT) {
                    PARSED.clear();
                }
                p = ProcedureDefinition.parse(s.createStatement(), db.name()).definition().withSqlMode(s.sqlMode());
                PARSED.put(key, p);
            }
            return p;
        });
    }

    /** Threads' running functions: MySQL refuses a stored function that calls itself, directly or not (1424). */
    private static final ThreadLocal<java.util.Set<String>> RUNNING = ThreadLocal.withInitial(java.util.HashSet::new);

    /**
     * Calls {@code db.name} with argument values: the current definition is read (a function redefined since the
     * plan was made runs its new body), the body runs in the function's database and its RETURN value is converted
     * to the declared type.
     */
    static Object call(Session session, String dbName, String name, Object[] args) {
        DatabaseState db = session.database(dbName);
        ProcedureDefinition f = definition(db, name)
                .orElseThrow(() -> ProcedureStatements.doesNotExist("FUNCTION", dbName + "." + name));
        checkArgumentCount(f, args.length);
        dev.scion.sql.privilege.RoutinePrivileges.requireExecute(session, f.database(),
                dev.scion.sql.privilege.GrantScope.RoutineType.FUNCTION, f.name());
        String key = (f.database() + "." + f.name()).toLowerCase(Locale.ROOT);
        if (!RUNNING.get().add(key)) {
            throw new SqlError(ErrorCode.SP_NO_RECURSION, "Recursive stored functions and triggers are not allowed.");
        }
        try {
            return RoutineSecurity.run(session, f, () -> ProcedureCall.inDatabase(session, f.database(),
                    () -> RoutineInterpreter.runFunction(session, f, java.util.Arrays.asList(args))));
        } finally {
            RUNNING.get().remove(key);
        }
    }

    /** 1318 when a call's argument count differs from the declaration's. */
    static void checkArgumentCount(ProcedureDefinition f, int given) {
        if (given != f.parameters().size()) {
            throw new SqlError(ErrorCode.SP_WRONG_NO_OF_ARGS, "Incorrect number of arguments for FUNCTION "
                    + f.database() + "." + f.name() + "; expected " + f.parameters().size() + ", got " + given);
        }
    }
}
