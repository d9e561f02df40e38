package dev.scion.sql.routine;

import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

/**
 * CALL of a stored procedure: arguments evaluated in the caller, the body run in the procedure's database, OUT and
 * INOUT parameters written back to the caller's variables. The client gets each result set the body produced and
 * then the OK of the CALL ({@link StatementResult.Sequence}).
 */
public final class ProcedureCall {
    /**
     * How many invocations of each procedure are running on this thread: a procedure may be re-entered (directly or
     * through others) as many times as max_sp_recursion_depth allows, none with MySQL's default of 0.
     */
    private static final ThreadLocal<Map<String, Integer>> RUNNING = ThreadLocal.withInitial(HashMap::new);

    /** MySQL's ceiling for max_sp_recursion_depth. */
    private static final long MAX_RECURSION_DEPTH = 255;

    private ProcedureCall() {
    }

    /** The stored procedure {@code [db.]name} names, if there is one (none when no database is selected). */
    public static Optional<ProcedureDefinition> find(Session session, String qualifiedName) {
        String[] parts = split(qualifiedName);
        String dbName = parts[0] != null ? parts[0] : session.currentDatabase();
        // the current database may be a revision (`mydb/branch`): a procedure called from one called through it
        // comes from the same revision
        if (dbName == null || parts[0] == null && session.findDatabase(dbName).isEmpty()) {
            return Optional.empty();
        }
        DatabaseState db = session.database(dbName);
        return StoredProcedures.find(db, parts[1])
                .map(s -> ProcedureDefinition.parse(dev.scion.sql.session.SqlModes.ansiQuotes(s.sqlMode())
                        ? dev.scion.sql.frontend.AnsiQuotes.toBackticks(s.createStatement()) : s.createStatement(),
                        db.name()).definition().withSqlMode(s.sqlMode()));
    }

    /** A top-level CALL: arguments as written in the statement, OUT arguments must be user variables. */
    public static StatementResult call(Session session, ProcedureDefinition p, String argumentList) {
        List<String> args = new ArrayList<>();
        if (!argumentList.isBlank()) {
            for (String a : BodyParser.topLevelCommaSplit(argumentList)) {
                args.add(a.strip());
            }
        }
        List<RoutineInterpreter.OutTarget> outs = new ArrayList<>();
        for (String a : args) {
            outs.add(a.startsWith("@") && !a.startsWith("@@")
                    ? v -> session.engine().executeNested(session, "SET " + a + " = " + SqlLiterals.literal(v))
                    : null);
        }
        List<StatementResult> results = new ArrayList<>();
        StatementResult ok = run(session, p, args, outs, results);
        results.add(ok);
        return new StatementResult.Sequence(List.copyOf(results));
    }

    /** A CALL inside a procedure body; its result sets join the caller's. */
    static StatementResult invoke(Session session, String name, List<String> args,
                                  List<RoutineInterpreter.OutTarget> outs, List<StatementResult> results) {
        ProcedureDefinition p = find(session, name).orElseThrow(() -> {
            String[] parts = split(name);
            String db = parts[0] != null ? parts[0] : session.currentDatabase();
            return ProcedureStatements.doesNotExist(db + "." + parts[1]);
        });
        return run(session, p, args, outs, results);
    }

    private static StatementResult run(Session session, ProcedureDefinition p, List<String> args,
                                       List<RoutineInterpreter.OutTarget> outs, List<StatementResult> results) {
        String qualified = p.database() + "." + p.name();
        if (args.size() != p.parameters().size()) {
            throw new SqlError(ErrorCode.SP_WRONG_NO_OF_ARGS, "Incorrect number of arguments for PROCEDURE "
                    + qualified + "; expected " + p.parameters().size() + ", got " + args.size());
        }
        for (int i = 0; i < args.size(); i++) {
            if (p.parameters().get(i).mode() != ProcedureDefinition.Mode.IN && outs.get(i) == null) {
                throw new SqlError(ErrorCode.SP_NOT_VAR_ARG, "OUT or INOUT argument " + (i + 1) + " for routine "
                        + qualified + " is not a variable or NEW pseudo-variable in BEFORE trigger");
            }
        }
        dev.scion.sql.privilege.RoutinePrivileges.requireExecute(session, p.database(),
                dev.scion.sql.privilege.GrantScope.RoutineType.PROCEDURE, p.name());
        List<Object> values = evaluate(session, args);
        String key = qualified.toLowerCase(Locale.ROOT);
        long limit = recursionLimit(session);
        if (RUNNING.get().getOrDefault(key, 0) > limit) {
            throw new SqlError(ErrorCode.SP_RECURSION_LIMIT, "Recursive limit " + limit + " (as set by the "
                    + "max_sp_recursion_depth variable) was exceeded for routine " + p.name());
        }
        RUNNING.get().merge(key, 1, Integer::sum);
        try {
            return RoutineSecurity.run(session, p, () -> inDatabase(session, p.database(),
                    () -> RoutineInterpreter.runProcedure(session, p, values, outs, results)));
        } finally {
            RUNNING.get().computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
        }
    }

    private static long recursionLimit(Session session) {
        Object v = session.variable("max_sp_recursion_depth");
        long depth;
        try {
            depth = v instanceof Number n ? n.longValue() : v == null ? 0 : Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            depth = 0;
        }
        return Math.max(0, Math.min(MAX_RECURSION_DEPTH, depth));
    }

    /** Runs {@code body} with {@code database} current: a routine's statements run in the routine's database. */
    static <T> T inDatabase(Session session, String database, java.util.function.Supplier<T> body) {
        String previous = session.currentDatabase();
        boolean switched = !database.equalsIgnoreCase(String.valueOf(previous));
        try {
            if (switched) {
                session.useDatabase(database);
            }
            return body.get();
        } finally {
            if (switched) {
                if (previous == null) {
                    session.clearCurrentDatabase();
                } else {
                    session.useDatabase(previous);
                }
            }
        }
    }

    private static List<Object> evaluate(Session session, List<String> args) {
        List<Object> out = new ArrayList<>();
        if (args.isEmpty()) {
            return out;
        }
        StatementResult r = session.engine().executeNested(session, "SELECT " + String.join(", ", args));
        if (!(r instanceof StatementResult.Rows rows)) {
            throw new IllegalStateException("SELECT returned no rows");
        }
        try (RowStream stream = rows.rows()) {
            Object[] row = stream.next();
            for (int i = 0; i < args.size(); i++) {
                out.add(row == null ? null : row[i]);
            }
        }
        return out;
    }

    /** {@code [db, name]} of a possibly qualified, possibly back-quoted name. */
    static String[] split(String qualified) {
        String q = qualified.strip();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '`') {
                i = dev.scion.sql.frontend.SqlScanner.skipQuoted(q, i);
                continue;
            }
            if (c == '.') {
                return new String[] {Identifiers.unquote(q.substring(0, i).strip()),
                        Identifiers.unquote(q.substring(i + 1).strip())};
            }
            i++;
        }
        return new String[] {null, Identifiers.unquote(q)};
    }
}
