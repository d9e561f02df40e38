package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/** DESCRIBE t / SHOW COLUMNS FROM t: Field, Type, Null, Key, Default, Extra. */
final class DescribeTable implements AdminStatement {
    private final String database;
    private final String table;

    DescribeTable(String database, String table) {
        this.database = database;
        this.table = table;
    }

    static DescribeTable of(String qualified) {
        String[] parts = qualified.split("\\.(?=(?:[^`]*`[^`]*`)*[^`]*$)");
        return parts.length == 2 ? new DescribeTable(Identifiers.unquote(parts[0]), Identifiers.unquote(parts[1]))
                : new DescribeTable(null, Identifiers.unquote(qualified));
    }

    static TableValue lookup(Session session, String database, String table) {
        DatabaseState db = database == null ? session.current() : session.database(database);
        var root = db.workingRoot();
        String stored = root.resolveName(table).orElseThrow(() -> SqlError.noSuchTable(db.name(), table));
        return db.repo().readTable(db.buffer(), root.tables().get(stored));
    }

    @Override
    public StatementResult execute(Session session) {
        TableSchema schema = lookup(session, database, table).schema();
        List<Object[]> rows = new ArrayList<>();
        for (Column c : schema.columns()) {
            boolean pk = schema.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(c.name()));
            String key = pk ? "PRI" : schema.indexes().stream().anyMatch(i -> i.columns().get(0).equalsIgnoreCase(c.name()))
                    ? (schema.indexes().stream().anyMatch(i -> i.unique() && i.columns().get(0).equalsIgnoreCase(c.name()))
                    ? "UNI" : "MUL") : "";
            String def = c.defaultSql();
            if (def != null && def.length() >= 2 && def.startsWith("'") && def.endsWith("'")) {
                def = Identifiers.unquoteString(def);
            } else if (def != null && def.equalsIgnoreCase("NULL")) {
                def = null;
            }
            rows.add(new Object[] {c.name(), c.type().sqlName(), c.nullable() ? "YES" : "NO", key, def,
                c.autoIncrement() ? "auto_increment" : ""});
        }
        return new StatementResult.Rows(List.of(ResultColumn.text("Field"), ResultColumn.text("Type"),
                ResultColumn.text("Null"), ResultColumn.text("Key"), ResultColumn.text("Default"),
                ResultColumn.text("Extra")), RowStream.of(rows));
    }
}
