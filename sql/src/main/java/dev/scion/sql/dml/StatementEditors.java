package dev.scion.sql.dml;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.session.Session;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table editors one write statement has open, by table, so that foreign-key cascades write through them. A
 * statement installs its own editor only when it ends; a cascade into that table (a self-referencing key, or a
 * cycle of keys) must add its writes to the same editor, or the statement's install would overwrite them, and a
 * lookup in the table must see the rows the statement already wrote ({@link #install}).
 */
public final class StatementEditors {
    /** One open editor and the target it is installed into. */
    record Open(TableTarget target, TableEditor editor) {
    }

    private final Map<String, Open> open = new HashMap<>();

    /** Registers the statement's editor of {@code target}; returns this. */
    public StatementEditors add(TableTarget target, TableEditor editor) {
        open.put(key(target.database(), target.name()), new Open(target, editor));
        return this;
    }

    /** The open editor of the table, or a new one (kept open for the rest of the statement). */
    Open editorFor(Session session, DatabaseState db, String table) {
        String key = key(db, table);
        Open found = open.get(key);
        if (found == null) {
            TableTarget target = TableTarget.resolve(session,
                    new SqlIdentifier(List.of(db.name(), table), SqlParserPos.ZERO));
            found = new Open(target, target.editor());
            open.put(key(db, target.name()), found);
        }
        return found;
    }

    /** Whether the statement has the table open (its working root may lack rows the statement wrote). */
    boolean holds(DatabaseState db, String table) {
        return open.containsKey(key(db, table));
    }

    /** Installs the open editor of the table in the working root, so planned lookups see its writes. */
    void install(DatabaseState db, String table) {
        Open o = open.get(key(db, table));
        if (o != null && o.editor().hasPendingWrites()) {
            o.target().apply(o.editor());
        }
    }

    private static String key(DatabaseState db, String table) {
        return db.name().toLowerCase(Locale.ROOT) + "\u0000" + table.toLowerCase(Locale.ROOT);
    }
}
