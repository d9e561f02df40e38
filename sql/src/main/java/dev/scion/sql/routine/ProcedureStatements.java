package dev.scion.sql.routine;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.admin.QualifiedName;
import dev.scion.sql.admin.ShowFilter;
import dev.scion.sql.admin.TargetDatabase;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.privilege.GrantScope;
import dev.scion.sql.privilege.RoutinePrivileges;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE, DROP, SHOW CREATE and SHOW ... STATUS of stored procedures and stored functions. The front end owns them:
 * a routine body is a program, not one statement Calcite could parse. Procedures live in {@code dolt_procedures},
 * functions in {@code dolt_functions} (MySQL gives the two kinds separate namespaces).
 */
public final class ProcedureStatements {
    private static final String NAME = "(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)";
    private static final Pattern DROP = Pattern.compile("(?is)DROP\\s+(PROCEDURE|FUNCTION)\\s+(IF\\s+EXISTS\\s+)?"
            + NAME + "(?:\\s*\\.\\s*" + NAME + ")?\\s*;?");
    private static final Pattern ALTER = Pattern.compile("(?is)ALTER\\s+(PROCEDURE|FUNCTION)\\s+" + NAME
            + "(?:\\s*\\.\\s*" + NAME + ")?((?:\\s+.*)?)");
    /** What ALTER PROCEDURE / FUNCTION may change: not DETERMINISTIC, which MySQL's grammar leaves to CREATE. */
    private static final Pattern ALTERABLE = Pattern.compile("(?is)\\s*(?:COMMENT\\s+('(?:[^'\\\\]|''|\\\\.)*')"
            + "|LANGUAGE\\s+SQL|(CONTAINS\\s+SQL|NO\\s+SQL|READS\\s+SQL\\s+DATA|MODIFIES\\s+SQL\\s+DATA)"
            + "|SQL\\s+SECURITY\\s+(DEFINER|INVOKER))(?=\\s|;|$)");
    private static final Pattern SHOW_CREATE = Pattern.compile("(?is)SHOW\\s+CREATE\\s+(PROCEDURE|FUNCTION)\\s+" + NAME
            + "(?:\\s*\\.\\s*" + NAME + ")?\\s*;?");
    private static final Pattern SHOW_STATUS = Pattern.compile(
            "(?is)SHOW\\s+(PROCEDURE|FUNCTION)\\s+STATUS((?:\\s+(?:LIKE|WHERE)\\s+.*)?)");

    static final List<String> STATUS_COLUMNS = List.of("Db", "Name", "Type", "Definer", "Modified", "Created",
            "Security_type", "Comment", "character_set_client", "collation_connection", "Database Collation");

    private ProcedureStatements() {
    }

    /** The table that stores routines of the kind (PROCEDURE or FUNCTION). */
    private static GrantScope.RoutineType routineType(String kind) {
        return kind.equalsIgnoreCase("FUNCTION") ? GrantScope.RoutineType.FUNCTION : GrantScope.RoutineType.PROCEDURE;
    }

    static String table(String kind) {
        return kind.equalsIgnoreCase("FUNCTION") ? StoredProcedures.FUNCTIONS : StoredProcedures.TABLE;
    }

    public static Optional<AdminStatement> match(String text) {
        if (ProcedureDefinition.isCreateRoutine(text)) {
            return Optional.of(session -> create(session, text));
        }
        Matcher m = DROP.matcher(text);
        if (m.matches()) {
            String kind = m.group(1).toUpperCase(Locale.ROOT);
            QualifiedName q = QualifiedName.of(m, 3);
            boolean ifExists = m.group(2) != null;
            return Optional.of(session -> drop(session, kind, q.database(), q.name(), ifExists));
        }
        m = ALTER.matcher(text);
        if (m.matches()) {
            String kind = m.group(1).toUpperCase(Locale.ROOT);
            QualifiedName q = QualifiedName.of(m, 2);
            String characteristics = m.group(4);
            return Optional.of(session -> alter(session, kind, q.database(), q.name(), characteristics));
        }
        m = SHOW_CREATE.matcher(text);
        if (m.matches()) {
            String kind = m.group(1).toUpperCase(Locale.ROOT);
            QualifiedName q = QualifiedName.of(m, 2);
            return Optional.of(session -> showCreate(session, kind, q.database(), q.name()));
        }
        m = SHOW_STATUS.matcher(text);
        if (m.matches()) {
            String kind = m.group(1).toUpperCase(Locale.ROOT);
            String tail = m.group(2);
            return Optional.of(session -> {
                ShowFilter filter = ShowFilter.parse(tail);
                List<Object[]> rows = statusRows(session, kind);
                if (filter.like() != null) {
                    // LIKE matches the routine's name, the second column
                    Pattern like = Identifiers.likePattern(filter.like());
                    rows = rows.stream().filter(r -> like.matcher((String) r[1]).matches()).toList();
                    filter = new ShowFilter(null, null);
                }
                return filter.result(session, STATUS_COLUMNS, rows);
            });
        }
        return Optional.empty();
    }

    private static StatementResult create(Session session, String text) {
        ProcedureDefinition.Parsed parsed = ProcedureDefinition.parse(text, session.currentDatabase());
        ProcedureDefinition p = parsed.definition();
        LimitVariables.check(p);
        if (p.database() == null) {
            throw SqlError.noDatabaseSelected();
        }
        RoutinePrivileges.requireCreate(session, p.database());
        if (!p.definer().isEmpty()) {
            RoutinePrivileges.requireDefiner(session, p.definer());
        }
        DatabaseState db = writable(session, p.database());
        String table = table(p.kind());
        if (StoredProcedures.find(db, table, p.name()).isPresent()) {
            if (parsed.ifNotExists()) {
                session.addNote(ErrorCode.SP_ALREADY_EXISTS.code(), p.kind() + " " + p.name() + " already exists");
                return StatementResult.ok();
            }
            throw new SqlError(ErrorCode.SP_ALREADY_EXISTS, p.kind() + " " + p.name() + " already exists");
        }
        Object mode = session.variable("sql_mode");
        StoredProcedures.put(db, table, p.name(), RoutineSecurity.withDefiner(session, p, p.text()),
                mode == null ? "" : mode.toString());
        RoutinePrivileges.grantToCreator(session, db.name(), routineType(p.kind()), p.name());
        return StatementResult.ok();
    }

    /**
     * ALTER PROCEDURE / FUNCTION: changes the comment, the SQL data access or the SQL SECURITY of the stored
     * definition (LANGUAGE SQL is accepted and changes nothing); the body and parameters stay. The routine must exist
     * (1305) and the session needs ALTER ROUTINE.
     */
    private static StatementResult alter(Session session, String kind, String dbName, String name,
                                         String characteristics) {
        String comment = null;
        String access = null;
        String security = null;
        String rest = characteristics.strip();
        if (rest.endsWith(";")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        while (!rest.isBlank()) {
            Matcher c = ALTERABLE.matcher(rest);
            if (!c.lookingAt()) {
                throw BodyParser.syntax(rest.strip());
            }
            if (c.group(1) != null) {
                String inner = c.group(1).substring(1, c.group(1).length() - 1);
                comment = inner.replace("''", "'").replaceAll("\\\\(.)", "$1");
            } else if (c.group(2) != null) {
                access = c.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            } else if (c.group(3) != null) {
                security = c.group(3).toUpperCase(Locale.ROOT);
            }
            rest = rest.substring(c.end());
        }
        if (dbName == null && session.currentDatabase() == null) {
            throw SqlError.noDatabaseSelected();
        }
        DatabaseState db = dbName != null ? session.database(dbName) : session.current();
        RoutinePrivileges.requireAlter(session, db.name(), routineType(kind), name);
        StoredProcedures.Stored stored = StoredProcedures.find(db, table(kind), name)
                .orElseThrow(() -> doesNotExist(kind, db.name() + "." + name));
        ProcedureDefinition p = ProcedureDefinition.parse(stored.createStatement(), db.name()).definition();
        StoredProcedures.put(writable(session, db.name()), table(kind), p.name(),
                p.withCharacteristics(comment, access, security), stored.sqlMode());
        return StatementResult.ok();
    }

    private static StatementResult drop(Session session, String kind, String dbName, String name, boolean ifExists) {
        if (dbName == null && session.currentDatabase() == null) {
            throw SqlError.noDatabaseSelected();
        }
        DatabaseState db = dbName != null ? session.database(dbName) : session.current();
        RoutinePrivileges.requireAlter(session, db.name(), routineType(kind), name);
        if (StoredProcedures.find(db, table(kind), name).isEmpty()) {
            if (ifExists) {
                session.addNote(ErrorCode.SP_DOES_NOT_EXIST.code(), kind + " " + db.name() + "." + name
                        + " does not exist");
                return StatementResult.ok();
            }
            throw doesNotExist(kind, db.name() + "." + name);
        }
        StoredProcedures.remove(writable(session, db.name()), table(kind), name);
        RoutinePrivileges.dropGrants(session, db.name(), routineType(kind), name);
        return StatementResult.ok();
    }

    public static SqlError doesNotExist(String qualified) {
        return doesNotExist("PROCEDURE", qualified);
    }

    /** 1305 for a routine of the kind (PROCEDURE or FUNCTION). */
    public static SqlError doesNotExist(String kind, String qualified) {
        return new SqlError(ErrorCode.SP_DOES_NOT_EXIST, kind + " " + qualified + " does not exist");
    }

    private static StatementResult showCreate(Session session, String kind, String dbName, String name) {
        if (dbName == null && session.currentDatabase() == null) {
            throw SqlError.noDatabaseSelected();
        }
        DatabaseState db = dbName != null ? session.database(dbName) : session.current();
        var found = StoredProcedures.find(db, table(kind), name);
        String label = kind.equals("FUNCTION") ? "Function" : "Procedure";
        List<Object[]> rows = new ArrayList<>();
        if (found.isEmpty() && kind.equals("PROCEDURE") && dev.scion.sql.dolt.Procedures.isBuiltIn(name)) {
            // a built-in version-control procedure has no SQL body; Dolt shows this stand-in for its definition
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            rows.add(new Object[] {lower, "", "CREATE PROCEDURE " + lower + "() SELECT 'External stored procedure';",
                "utf8mb4", "utf8mb4_0900_bin", "utf8mb4_0900_bin"});
        } else {
            StoredProcedures.Stored stored = found.orElseThrow(() -> doesNotExist(kind, name));
            ProcedureDefinition p = ProcedureDefinition.parse(stored.createStatement(), db.name()).definition();
            rows.add(new Object[] {p.name(), stored.sqlMode(), stored.createStatement(), "utf8mb4",
                "utf8mb4_0900_bin", "utf8mb4_0900_bin"});
        }
        return new StatementResult.Rows(List.of(ResultColumn.text(label), ResultColumn.text("sql_mode"),
                ResultColumn.text("Create " + label), ResultColumn.text("character_set_client"),
                ResultColumn.text("collation_connection"), ResultColumn.text("Database Collation")),
                RowStream.of(rows));
    }

    /** The routines of one kind in the database, in name order; their stored rows are added to {@code storedOut}. */
    private static List<ProcedureDefinition> definitions(DatabaseState db, String kind,
                                                         List<StoredProcedures.Stored> storedOut) {
        List<ProcedureDefinition> out = new ArrayList<>();
        for (StoredProcedures.Stored s : StoredProcedures.all(db, table(kind))) {
            out.add(ProcedureDefinition.parse(s.createStatement(), db.name()).definition());
            storedOut.add(s);
        }
        return out;
    }

    /** One row per routine of the kind in every database the user may see, as SHOW ... STATUS lists them. */
    static List<Object[]> statusRows(Session session, String kind) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseState db : visibleDatabases(session)) {
            List<StoredProcedures.Stored> stored = new ArrayList<>();
            List<ProcedureDefinition> defs = definitions(db, kind, stored);
            for (int i = 0; i < defs.size(); i++) {
                ProcedureDefinition p = defs.get(i);
                StoredProcedures.Stored s = stored.get(i);
                rows.add(new Object[] {db.name(), p.name(), kind, p.definer(), s.modified(), s.created(),
                        p.securityType(), p.comment(), "utf8mb4", "utf8mb4_0900_bin", "utf8mb4_0900_bin"});
            }
        }
        return rows;
    }

    /** information_schema.ROUTINES: one row per procedure and function, in the table's column order. */
    public static List<Object[]> routineRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseState db : visibleDatabases(session)) {
            for (String kind : List.of("PROCEDURE", "FUNCTION")) {
                List<StoredProcedures.Stored> stored = new ArrayList<>();
                List<ProcedureDefinition> defs = definitions(db, kind, stored);
                for (int i = 0; i < defs.size(); i++) {
                    ProcedureDefinition p = defs.get(i);
                    StoredProcedures.Stored s = stored.get(i);
                    ParameterType r = p.isFunction() ? ParameterType.of(p.returns()) : null;
                    rows.add(new Object[] {p.name(), "def", db.name(), p.name(), kind, r == null ? "" : r.dataType(),
                            r == null ? null : r.charLength(),
                            r == null || r.charLength() == null ? null : r.charLength() * 4,
                            r == null ? null : r.precision(), r == null ? null : r.scale(), null,
                            r == null || r.charLength() == null ? null : "utf8mb4",
                            r == null || r.charLength() == null ? null : "utf8mb4_0900_ai_ci",
                            r == null ? null : r.dtd(), "SQL", p.bodyText(), null, "SQL", "SQL",
                            p.deterministic() ? "YES" : "NO", p.dataAccess(), null, p.securityType(), s.created(),
                            s.modified(), s.sqlMode(), p.comment(), p.definer(), "utf8mb4", "utf8mb4_0900_bin",
                            "utf8mb4_0900_bin"});
                }
            }
        }
        return rows;
    }

    /**
     * information_schema.PARAMETERS: one row per parameter of every routine, in the table's column order; a
     * function's return value is the row at position 0 with no mode and no name.
     */
    public static List<Object[]> parameterRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseState db : visibleDatabases(session)) {
            for (String kind : List.of("PROCEDURE", "FUNCTION")) {
                for (ProcedureDefinition p : definitions(db, kind, new ArrayList<>())) {
                    if (p.isFunction()) {
                        rows.add(parameterRow(db.name(), p, 0, null, null, ParameterType.of(p.returns())));
                    }
                    long position = 1;
                    for (ProcedureDefinition.Parameter param : p.parameters()) {
                        rows.add(parameterRow(db.name(), p, position++, param.mode().name(), param.name(),
                                ParameterType.of(param.type())));
                    }
                }
            }
        }
        return rows;
    }

    private static Object[] parameterRow(String db, ProcedureDefinition p, long position, String mode, String name,
                                         ParameterType t) {
        return new Object[] {"def", db, p.name(), position, mode, name, t.dataType(), t.charLength(),
                t.charLength() == null ? null : t.charLength() * 4, t.precision(), t.scale(), null,
                t.charLength() == null ? null : "utf8mb4", t.charLength() == null ? null : "utf8mb4_0900_ai_ci",
                t.dtd(), p.kind()};
    }

    /** The user databases the session holds some privilege on, in name order. */
    static List<DatabaseState> visibleDatabases(Session session) {
        List<DatabaseState> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(session.engine().dataDirectory().names());
        for (String n : names) {
            if (session.access().hasAnyOnDatabase(n)) {
                out.add(session.database(n));
            }
        }
        return out;
    }

    private static DatabaseState writable(Session session, String dbName) {
        DatabaseState db = TargetDatabase.writable(session, dbName);
        dev.scion.sql.session.ServerReadOnly.refuseWrite(session);
        return db;
    }
}
