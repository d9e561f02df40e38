package dev.scion.sql.trigger;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.admin.QualifiedName;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.Views;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.TableSchema;

import dev.scion.sql.admin.ShowFilter;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE TRIGGER and DROP TRIGGER. The front end owns them (not Calcite) because a trigger body is a small
 * procedural program, not one statement Calcite could parse.
 */
public final class TriggerStatements {
    private static final String NAME = "(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)";
    private static final Pattern DROP = Pattern.compile("DROP\\s+TRIGGER\\s+(IF\\s+EXISTS\\s+)?" + NAME
            + "(?:\\s*\\.\\s*" + NAME + ")?\\s*;?", Pattern.CASE_INSENSITIVE);

    private static final Pattern SHOW_CREATE = Pattern.compile("SHOW\\s+CREATE\\s+TRIGGER\\s+" + NAME
            + "(?:\\s*\\.\\s*" + NAME + ")?\\s*;?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHOW = Pattern.compile("SHOW\\s+TRIGGERS(?:\\s+(?:FROM|IN)\\s+" + NAME + ")?"
            + "((?:\\s+(?:LIKE|WHERE)\\s+.*)?)\\s*;?", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static final List<String> SHOW_COLUMNS = List.of("Trigger", "Event", "Table", "Statement", "Timing", "Created",
            "sql_mode", "Definer", "character_set_client", "collation_connection", "Database Collation");

    private TriggerStatements() {
    }

    /** The trigger statement the text is, if it is one. */
    public static Optional<AdminStatement> match(String text) {
        if (TriggerDefinition.isCreateTrigger(text)) {
            return Optional.of(session -> create(session, text));
        }
        Matcher drop = DROP.matcher(text);
        if (drop.matches()) {
            QualifiedName q = QualifiedName.of(drop, 2);
            String db = q.database();
            String name = q.name();
            boolean ifExists = drop.group(1) != null;
            return Optional.of(session -> drop(session, db, name, ifExists));
        }
        Matcher showCreate = SHOW_CREATE.matcher(text);
        if (showCreate.matches()) {
            QualifiedName q = QualifiedName.of(showCreate, 1);
            String db = q.database();
            String name = q.name();
            return Optional.of(session -> showCreate(session, db, name));
        }
        Matcher show = SHOW.matcher(text);
        if (show.matches()) {
            String db = show.group(1) == null ? null : Identifiers.unquote(show.group(1));
            String tail = show.group(2);
            return Optional.of(session -> showTriggers(session, db, tail));
        }
        return Optional.empty();
    }

    private static DatabaseState databaseOf(Session session, String dbName) {
        if (dbName == null && session.currentDatabase() == null) {
            throw SqlError.noDatabaseSelected();
        }
        return dbName != null ? session.database(dbName) : session.current();
    }

    private static StatementResult showCreate(Session session, String dbName, String name) {
        DatabaseState db = databaseOf(session, dbName);
        String text = Triggers.definition(db, name)
                .orElseThrow(() -> new SqlError(ErrorCode.TRG_DOES_NOT_EXIST, "Trigger does not exist"));
        TriggerDefinition t = TriggerDefinition.parse(text, db.name()).definition();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {t.name(), SQL_MODE, t.text(), "utf8mb4", "utf8mb4_0900_bin", "utf8mb4_0900_bin", null});
        return new StatementResult.Rows(List.of(ResultColumn.text("Trigger"), ResultColumn.text("sql_mode"),
                ResultColumn.text("SQL Original Statement"), ResultColumn.text("character_set_client"),
                ResultColumn.text("collation_connection"), ResultColumn.text("Database Collation"),
                ResultColumn.text("Created")), RowStream.of(rows));
    }

    /** The sql_mode Scion runs every trigger with (it does not record the creating session's). */
    private static final String SQL_MODE = "STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION";

    private static StatementResult showTriggers(Session session, String dbName, String tail) {
        DatabaseState db = databaseOf(session, dbName);
        ShowFilter filter = ShowFilter.parse(tail);
        List<Object[]> rows = new ArrayList<>();
        Pattern like = filter.like() == null ? null : Identifiers.likePattern(filter.like());
        for (TriggerDefinition t : Triggers.all(db)) {
            if (like == null || like.matcher(t.table()).matches()) { // SHOW TRIGGERS LIKE matches the table
                rows.add(new Object[] {t.name(), t.event().name(), t.table(), t.statement(), t.timing().name(), null,
                        SQL_MODE, "", "utf8mb4", "utf8mb4_0900_bin", "utf8mb4_0900_bin"});
            }
        }
        return new ShowFilter(null, filter.where()).result(session, SHOW_COLUMNS, rows);
    }

    /** information_schema.TRIGGERS: one row per trigger of every database the user may see. */
    public static List<Object[]> informationSchemaRows(Session session) {
        List<Object[]> rows = new ArrayList<>();
        java.util.TreeSet<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(session.engine().dataDirectory().names());
        for (String n : names) {
            if (!session.access().hasAnyOnDatabase(n)) {
                continue;
            }
            DatabaseState db = session.database(n);
            java.util.Map<String, Long> orders = new java.util.HashMap<>();
            for (TriggerDefinition t : Triggers.all(db)) {
                long order = orders.merge((t.table() + "/" + t.timing() + "/" + t.event()).toLowerCase(
                        java.util.Locale.ROOT), 1L, Long::sum);
                rows.add(new Object[] {"def", db.name(), t.name(), t.event().name(), "def", db.name(), t.table(),
                        order, null, t.statement(), "ROW", t.timing().name(), null, null, "OLD", "NEW", null, SQL_MODE,
                        "", "utf8mb4", "utf8mb4_0900_bin", "utf8mb4_0900_bin"});
            }
        }
        return rows;
    }

    private static StatementResult create(Session session, String text) {
        TriggerDefinition.Parsed parsed = TriggerDefinition.parse(text, session.currentDatabase());
        TriggerDefinition trigger = parsed.definition();
        if (trigger.database() == null) {
            throw SqlError.noDatabaseSelected();
        }
        DatabaseState db = writable(session, trigger.database());
        String stored = db.workingRoot().resolveName(trigger.table()).orElse(null);
        if (stored == null) {
            if (Views.definition(db, trigger.table()).isPresent()) {
                throw new SqlError(ErrorCode.WRONG_OBJECT, "'" + db.name() + "." + trigger.table()
                        + "' is not BASE TABLE");
            }
            throw SqlError.noSuchTable(db.name(), trigger.table());
        }
        if (Triggers.definition(db, trigger.name()).isPresent()) {
            if (parsed.ifNotExists()) {
                session.addNote(ErrorCode.TRG_ALREADY_EXISTS.code(), "Trigger already exists");
                return StatementResult.ok();
            }
            throw new SqlError(ErrorCode.TRG_ALREADY_EXISTS, "Trigger already exists");
        }
        TableSchema schema = db.repo().readTable(db.buffer(), db.workingRoot().tableHash(stored)).schema();
        TriggerProgram.validate(schema, trigger);
        Triggers.put(db, trigger.name(), trigger.text());
        return StatementResult.ok();
    }

    private static StatementResult drop(Session session, String dbName, String name, boolean ifExists) {
        DatabaseState db = dbName != null ? session.database(dbName) : session.current();
        if (Triggers.definition(db, name).isEmpty()) {
            if (ifExists) {
                session.addNote(ErrorCode.TRG_DOES_NOT_EXIST.code(), "Trigger does not exist");
                return StatementResult.ok();
            }
            throw new SqlError(ErrorCode.TRG_DOES_NOT_EXIST, "Trigger does not exist");
        }
        Triggers.remove(writable(session, db.name()), name);
        return StatementResult.ok();
    }

    private static DatabaseState writable(Session session, String dbName) {
        if (session.isReadOnlyTransaction()) {
            throw new SqlError(ErrorCode.READ_ONLY_TRANSACTION, "Cannot execute statement in a READ ONLY transaction.");
        }
        DatabaseState db = session.database(dbName);
        if (db.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + db.name() + "' is read-only");
        }
        return db;
    }
}
