package dev.scion.sql.admin;

import dev.scion.versioning.model.AutoIncrementValue;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** SHOW CREATE TABLE: the DDL that recreates the table in MySQL. */
final class ShowCreateTable implements AdminStatement {
    private final String database;
    private final String table;
    /** The revision of {@code SHOW CREATE TABLE t AS OF rev} as written (a name, a quoted string, @var), or null. */
    private final String asOf;

    private ShowCreateTable(String database, String table, String asOf) {
        this.database = database;
        this.table = table;
        this.asOf = asOf;
    }

    static ShowCreateTable of(String qualified) {
        return of(qualified, null);
    }

    static ShowCreateTable of(String qualified, String asOf) {
        String[] parts = TableLookup.split(qualified);
        return new ShowCreateTable(parts[0], parts[1], asOf == null ? null : asOf.strip());
    }

    /** The database to read: the named (or current) one, or with AS OF the read-only revision database of it. */
    private String databaseAt(Session session) {
        if (asOf == null) {
            return database;
        }
        // Dolt: nothing to show as of no revision
        return AsOfDatabase.of(session, database, asOf, "invalid reference", () -> SqlError.noSuchTable(
                database == null ? session.current().name() : session.database(database).name(), table));
    }

    static String ddl(String name, TableSchema s) {
        return ddl(name, s, 0);
    }

    /**
     * The statement; the AUTO_INCREMENT option shows at most the column type's largest value, as MySQL does once
     * the counter has reached it (the next insert then collides with that row).
     */
    static String ddl(String name, TableSchema s, long autoIncrement) {
        for (var c : s.columns()) {
            boolean unsignedBigint = c.type().unsigned() && c.type().kind() == TypeKind.BIGINT;
            if (c.autoIncrement() && !unsignedBigint
                    && AutoIncrementValue.above(autoIncrement, dev.scion.sql.dml.ColumnValues.largest(c.type()))) {
                autoIncrement = dev.scion.sql.dml.ColumnValues.largest(c.type());
            }
        }
        return dev.scion.sql.ddl.CreateTableText.of(name, s, autoIncrement);
    }

    @Override
    public StatementResult execute(Session session) {
        String database = databaseAt(session);
        var system = ViewColumns.ofSystemDatabase(session, database, table)
                .or(() -> ViewColumns.of(session, database, table).filter(x -> dev.scion.sql.catalog.Views.definition(
                        database == null ? session.current() : session.database(database), table).isEmpty()));
        if (system.isPresent()) {
            // a system table: its columns as a table definition, so tools that introspect tables work on it
            return new StatementResult.Rows(List.of(ResultColumn.text("Table"), ResultColumn.text("Create Table")),
                    RowStream.of(List.<Object[]>of(new Object[] {table, ddl(table, system.get(), 0)})));
        }
        if (asOf == null && (database != null || session.currentDatabase() != null)
                && dev.scion.sql.catalog.Views.definition(database == null ? session.current()
                        : session.database(database), table).isPresent()) {
            return new ShowCreateView(database, table).execute(session); // MySQL shows a view's definition here too
        }
        TableLookup t = TableLookup.of(session, database, table);
        long ai = t.value().schema().autoIncrementColumn().isPresent() ? t.value().autoIncrement() : 0;
        String ddl = ddl(t.stored(), t.value().schema(), ai);
        if (t.db().isTemporary()) {
            ddl = "CREATE TEMPORARY TABLE" + ddl.substring("CREATE TABLE".length());
        }
        return new StatementResult.Rows(List.of(ResultColumn.text("Table"), ResultColumn.text("Create Table")),
                RowStream.of(List.<Object[]>of(new Object[] {t.stored(), shownQuoting(session, ddl)})));
    }

    /** Under sql_mode ANSI_QUOTES MySQL's SHOW CREATE quotes names with double quotes. */
    static String shownQuoting(Session session, String ddl) {
        return dev.scion.sql.session.SqlModes.ansiQuotes(session)
                ? dev.scion.sql.frontend.AnsiQuotes.toDoubleQuotes(ddl) : ddl;
    }
}
