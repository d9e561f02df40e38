package dev.scion.sql.routine;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.admin.QualifiedName;
import dev.scion.sql.admin.ShowFilter;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE PROCEDURE, DROP PROCEDURE, SHOW CREATE PROCEDURE and SHOW PROCEDURE STATUS. The front end owns them: a
 * procedure body is a program, not one statement Calcite could parse.
 */
public final class ProcedureStatements {
    private static final String NAME = "(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)";
    private static final Pattern DROP = Pattern.compile("(?is)DROP\\s+PROCEDURE\\s+(IF\\s+EXISTS\\s+)?" + NAME
            + "(?:\\s*\\.\\s*" + NAME + ")?\\s*;?");
    private static final Pattern SHOW_CREATE = Pattern.compile("(?is)SHOW\\s+CREATE\\s+PROCEDURE\\s+" + NAME
            + "(?:\\s*\\.\\s*" + NAME + ")?\\s*;?");
    private static final Pattern SHOW_STATUS = Pattern.compile("(?is)SHOW\\s+PROCEDURE\\s+STATUS((?:\\s+(?:LIKE|WHERE)\\s+.*)?)");

    static final List<String> STATUS_COLUMNS = List.of("Db", "Name", "Type", "Definer", "Modified", "Created",
            "Security_type", "Comment", "character_set_client", "collation_connection", "Database Collation");

    private ProcedureStatements() {
    }

    public static Optional<AdminStatement> match(String text) {
        if (ProcedureDefinition.isCreateProcedure(text)) {
            return Optional.of(session -> create(session, text));
        }
        Matcher m = DROP.matcher(text);
        if (m.matches()) {
            QualifiedName q = QualifiedName.of(m, 2);
            String db = q.database();
            String name = q.name();
            boolean ifExists = m.group(1) != null;
            return Optional.of(session -> drop(session, db, name, ifExists));
        }
        m = SHOW_CREATE.matcher(text);
        if (m.matches()) {
            QualifiedName q = QualifiedName.of(m, 1);
            String db = q.database();
            String name = q.name();
            return Optional.of(session -> showCreate(session, db, name));
        }
        m = SHOW_STATUS.matcher(text);
        if (m.matches()) {
            String tail = m.group(1);
            return Optional.of(session -> {
                ShowFilter filter = ShowFilter.parse(tail);
                List<Object[]> rows = statusRows(session);
                if (filter.like() != null) {
                    // LIKE matches the procedure's name, the second column
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
        if (p.database() == null) {
            throw SqlError.noDatabaseSelected();
        }
        DatabaseState db = writable(session, p.database());
        if (StoredProcedures.find(db, p.name()).isPresent()) {
            if (parsed.ifNotExists()) {
                session.addNote(ErrorCode.SP_ALREADY_EXISTS.code(), "PROCEDURE " + p.name() + " already exists");
                return StatementResult.ok();
            }
            throw new SqlError(ErrorCode.SP_ALREADY_EXISTS, "PROCEDURE " + p.name() + " already exists");
        }
        Object mode = session.variable("sql_mode");
        StoredProcedures.put(db, p.name(), p.text(), mode == null ? "" : mode.toString());
        return StatementResult.ok();
    }

    private static StatementResult drop(Session session, String dbName, String name, boolean ifExists) {
        if (dbName == null && session.currentDatabase() == null) {
            throw SqlError.noDatabaseSelected();
        }
        DatabaseState db = dbName != null ? session.database(dbName) : session.current();
        if (StoredProcedures.find(db, name).isEmpty()) {
            if (ifExists) {
                session.addNote(ErrorCode.SP_DOES_NOT_EXIST.code(), "PROCEDURE " + db.name() + "." + name
                        + " does not exist");
                return StatementResult.ok();
            }
            throw doesNotExist(db.name() + "." + name);
        }
        StoredProcedures.remove(writable(session, db.name()), name);
        return StatementResult.ok();
    }

    public static SqlError doesNotExist(String qualified) {
        return new SqlError(ErrorCode.SP_DOES_NOT_EXIST, "PROCEDURE " + qualified + " does not exist");
    }

    private static StatementResult showCreate(Session session, String dbName, String name) {
        if (dbName == null && session.currentDatabase() == null) {
            throw SqlError.noDatabaseSelected();
        }
        DatabaseState db = dbName != null ? session.database(dbName) : session.current();
        StoredProcedures.Stored stored = StoredProcedures.find(db, name)
                .orElseThrow(() -> doesNotExist(name));
        ProcedureDefinition p = ProcedureDefinition.parse(stored.createStatement(), db.name()).definition();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {p.name(), stored.sqlMode(), stored.createStatement(), "utf8mb4", "utf8mb4_0900_bin",
                "utf8mb4_0900_bin"});
        return new StatementResult.Rows(List.of(ResultColumn.text("Procedure"), ResultColumn.text("sql_mode"),
                ResultColumn.text("Create Procedure"), ResultColumn.text("character_set_client"),
                ResultColumn.text("collation_connection"), ResultColumn.text("Database Collation")),
                RowStream.of(rows));
    }

    /** One row per procedure of every database the user may see, as SHOW PROCEDURE STATUS lists them. */
    static List<Object[]> statusRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseState db : visibleDatabases(session)) {
            for (StoredProcedures.Stored s : StoredProcedures.all(db)) {
                ProcedureDefinition p = ProcedureDefinition.parse(s.createStatement(), db.name()).definition();
                rows.add(new Object[] {db.name(), p.name(), "PROCEDURE", p.definer(), s.modified(), s.created(),
                        p.securityType(), p.comment(), "utf8mb4", "utf8mb4_0900_bin", "utf8mb4_0900_bin"});
            }
        }
        return rows;
    }

    /** information_schema.ROUTINES: one row per procedure, in the table's column order. */
    public static List<Object[]> routineRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseState db : visibleDatabases(session)) {
            for (StoredProcedures.Stored s : StoredProcedures.all(db)) {
                ProcedureDefinition p = ProcedureDefinition.parse(s.createStatement(), db.name()).definition();
                rows.add(new Object[] {p.name(), "def", db.name(), p.name(), "PROCEDURE", "", null, null, null, null,
                        null, null, null, null, "SQL", p.bodyText(), null, "SQL", "SQL",
                        p.deterministic() ? "YES" : "NO", p.dataAccess(), null, p.securityType(), s.created(),
                        s.modified(), s.sqlMode(), p.comment(), p.definer(), "utf8mb4", "utf8mb4_0900_bin",
                        "utf8mb4_0900_bin"});
            }
        }
        return rows;
    }

    /** information_schema.PARAMETERS: one row per parameter of every procedure, in the table's column order. */
    public static List<Object[]> parameterRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseState db : visibleDatabases(session)) {
            for (StoredProcedures.Stored s : StoredProcedures.all(db)) {
                ProcedureDefinition p = ProcedureDefinition.parse(s.createStatement(), db.name()).definition();
                long position = 1;
                for (ProcedureDefinition.Parameter param : p.parameters()) {
                    ParameterType t = ParameterType.of(param.type());
                    rows.add(new Object[] {"def", db.name(), p.name(), position++, param.mode().name(), param.name(),
                            t.dataType(), t.charLength(), t.charLength() == null ? null : t.charLength() * 4,
                            t.precision(), t.scale(), null, t.charLength() == null ? null : "utf8mb4",
                            t.charLength() == null ? null : "utf8mb4_0900_ai_ci", t.dtd(), "PROCEDURE"});
                }
            }
        }
        return rows;
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
        if (session.isReadOnlyTransaction()) {
            throw new SqlError(ErrorCode.READ_ONLY_TRANSACTION, "Cannot execute statement in a READ ONLY transaction.");
        }
        DatabaseState db = session.database(dbName);
        if (db.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + db.name() + "' is read-only");
        }
        dev.scion.sql.session.ServerReadOnly.refuseWrite(session);
        return db;
    }
}
