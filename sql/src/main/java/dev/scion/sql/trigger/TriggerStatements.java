package dev.scion.sql.trigger;

import dev.scion.sql.admin.AdminStatement;
import dev.scion.sql.admin.Identifiers;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.Views;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.TableSchema;

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

    private TriggerStatements() {
    }

    /** The trigger statement the text is, if it is one. */
    public static Optional<AdminStatement> match(String text) {
        if (TriggerDefinition.isCreateTrigger(text)) {
            return Optional.of(session -> create(session, text));
        }
        Matcher drop = DROP.matcher(text);
        if (drop.matches()) {
            String db = drop.group(3) == null ? null : Identifiers.unquote(drop.group(2));
            String name = Identifiers.unquote(drop.group(3) == null ? drop.group(2) : drop.group(3));
            boolean ifExists = drop.group(1) != null;
            return Optional.of(session -> drop(session, db, name, ifExists));
        }
        return Optional.empty();
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
