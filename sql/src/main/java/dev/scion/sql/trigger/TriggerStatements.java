package dev.scion.sql.trigger;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.admin.SchemaObjectSyntax;
import dev.scion.sql.admin.TargetDatabase;
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
    private static final SchemaObjectSyntax SYNTAX = new SchemaObjectSyntax("TRIGGER", "TRIGGERS");

    static final List<String> SHOW_COLUMNS = List.of("Trigger", "Event", "Table", "Statement", "Timing", "Created",
            "sql_mode", "Definer", "character_set_client", "collation_connection", "Database Collation");

    private TriggerStatements() {
    }

    /** The trigger statement the text is, if it is one. */
    public static Optional<AdminStatement> match(String text) {
        if (TriggerDefinition.isCreateTrigger(text)) {
            return Optional.of(session -> create(session, text));
        }
        return SYNTAX.match(text, TriggerStatements::drop, TriggerStatements::showCreate,
                TriggerStatements::showTriggers);
    }

    private static StatementResult showCreate(Session session, String dbName, String name) {
        DatabaseState db = TargetDatabase.of(session, dbName);
        Triggers.Recorded recorded = Triggers.allRecorded(db).stream()
                .filter(r -> r.definition().name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new SqlError(ErrorCode.TRG_DOES_NOT_EXIST, "Trigger does not exist"));
        TriggerDefinition t = recorded.definition();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {t.name(), recorded.shownSqlMode(), t.text(), "utf8mb4", "utf8mb4_0900_bin",
                "utf8mb4_0900_bin", null});
        return new StatementResult.Rows(List.of(ResultColumn.text("Trigger"), ResultColumn.text("sql_mode"),
                ResultColumn.text("SQL Original Statement"), ResultColumn.text("character_set_client"),
                ResultColumn.text("collation_connection"), ResultColumn.text("Database Collation"),
                ResultColumn.text("Created")), RowStream.of(rows));
    }

    private static StatementResult showTriggers(Session session, String dbName, String tail) {
        DatabaseState db = TargetDatabase.of(session, dbName);
        ShowFilter filter = ShowFilter.parse(tail);
        List<Object[]> rows = new ArrayList<>();
        Pattern like = filter.like() == null ? null : Identifiers.likePattern(filter.like());
        for (Triggers.Recorded r : Triggers.allRecorded(db)) {
            TriggerDefinition t = r.definition();
            if (like == null || like.matcher(t.table()).matches()) { // SHOW TRIGGERS LIKE matches the table
                rows.add(new Object[] {t.name(), t.event().name(), t.table(), t.statement(), t.timing().name(), null,
                        r.shownSqlMode(), "", "utf8mb4", "utf8mb4_0900_bin", "utf8mb4_0900_bin"});
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
            for (Triggers.Recorded r : Triggers.allRecorded(db)) {
                TriggerDefinition t = r.definition();
                long order = orders.merge((t.table() + "/" + t.timing() + "/" + t.event()).toLowerCase(
                        java.util.Locale.ROOT), 1L, Long::sum);
                rows.add(new Object[] {"def", db.name(), t.name(), t.event().name(), "def", db.name(), t.table(),
                        order, null, t.statement(), "ROW", t.timing().name(), null, null, "OLD", "NEW", null, r.shownSqlMode(),
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
        DatabaseState db = TargetDatabase.writable(session, trigger.database());
        if (session.temporaryTables().shadowing(db, trigger.table()).isPresent()) {
            throw new SqlError(ErrorCode.TRG_ON_VIEW_OR_TEMP_TABLE, "Trigger's '" + trigger.table()
                    + "' is view or temporary table");
        }
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
        Object mode = session.variable("sql_mode");
        Triggers.create(db, trigger, parsed.placement(), mode == null ? "" : mode.toString());
        return StatementResult.ok();
    }

    private static StatementResult drop(Session session, String dbName, String name, boolean ifExists) {
        DatabaseState db = TargetDatabase.of(session, dbName);
        if (Triggers.definition(db, name).isEmpty()) {
            if (ifExists) {
                session.addNote(ErrorCode.TRG_DOES_NOT_EXIST.code(), "Trigger does not exist");
                return StatementResult.ok();
            }
            throw new SqlError(ErrorCode.TRG_DOES_NOT_EXIST, "Trigger does not exist");
        }
        Triggers.remove(TargetDatabase.writable(session, db.name()), name);
        return StatementResult.ok();
    }
}
