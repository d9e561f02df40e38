package dev.scion.sql.admin;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.catalog.Views;
import dev.scion.sql.frontend.ViewExpander;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a view or a system table (dolt_log, dolt_diff_t, ...) for DESCRIBE / SHOW COLUMNS / SHOW CREATE
 * TABLE: the schema a system table declares, else from planning {@code SELECT * FROM view}.
 */
public final class ViewColumns {
    private ViewColumns() {
    }

    static Optional<TableSchema> of(Session session, String database, String view) {
        Optional<TableSchema> systemTable = ofSystemDatabase(session, database, view);
        if (systemTable.isPresent()) {
            return systemTable;
        }
        DatabaseState db = database == null ? session.current() : session.database(database);
        if (db.workingRoot().resolveName(view).isPresent()) {
            return Optional.empty();
        }
        var system = dev.scion.sql.dolt.SystemTables.find(view, db);
        if (Views.definition(db, view).isEmpty() && system.isEmpty()) {
            return Optional.empty();
        }
        var declared = system.flatMap(dev.scion.sql.dolt.SystemTable::declaredSchema);
        if (declared.isPresent() && Views.definition(db, view).isEmpty()) {
            return declared;
        }
        return Optional.of(ofView(session, db, view));
    }

    /**
     * The columns of table {@code table} of {@code database} (null: the current one) when that is information_schema
     * or the {@code mysql} system database, which are no databases of the data directory, as planning
     * {@code SELECT *} types them; empty for any other database. MySQL describes these tables like any other.
     */
    static Optional<TableSchema> ofSystemDatabase(Session session, String database, String table) {
        String name = database == null ? session.currentDatabase() : database;
        if (name == null || !(dev.scion.sql.catalog.InformationSchema.isName(name)
                || dev.scion.sql.privilege.MysqlDatabase.serves(session, name))) {
            return Optional.empty();
        }
        String sql = "SELECT * FROM `" + name.replace("`", "``") + "`.`" + table.replace("`", "``") + "`";
        List<Column> columns = new ArrayList<>();
        for (ResultColumn rc : QueryPlanner.plan(session, StatementReader.statement(sql), sql).columns()) {
            columns.add(new Column(rc.name(), type(rc), rc.nullable(), null, false, null, 0));
        }
        return Optional.of(new TableSchema(columns, List.of(), List.of()));
    }

    /**
     * The columns of view {@code view} of {@code db}, as planning {@code SELECT * FROM view} types them; fails as
     * that query would (a view over a dropped or renamed table: 1356).
     */
    public static TableSchema ofView(Session session, DatabaseState db, String view) {
        String sql = "SELECT * FROM `" + db.name().replace("`", "``") + "`.`" + view.replace("`", "``") + "`";
        SqlNode query = StatementReader.statement(sql);
        ViewExpander.Expansion views = ViewExpander.expandViews(session, query);
        List<Column> columns = new ArrayList<>();
        List<ResultColumn> result;
        try {
            result = QueryPlanner.plan(session, query, sql).columns();
        } catch (dev.scion.sql.error.SqlError e) {
            throw dev.scion.sql.plan.ViewFailures.explain(session, views, e);
        }
        List<ColumnType> base = baseTypes(session, db, view, result.size());
        for (int i = 0; i < result.size(); i++) {
            ResultColumn rc = result.get(i);
            ColumnType t = base.get(i) != null ? base.get(i) : type(rc);
            columns.add(new Column(rc.name(), t, rc.nullable(), null, false, null, 0));
        }
        return new TableSchema(columns, List.of(), List.of());
    }

    /**
     * For each of the view's {@code n} columns, the type of the table column it reads directly, or null for a
     * computed one: MySQL describes a view column over an INT column as int, where the planner's type of a
     * derived table's column is its expression type (BIGINT). Found by planning the view's own query (whose
     * result columns keep their origins) when the view is in the current database; all null otherwise or when
     * that query does not plan.
     */
    private static List<ColumnType> baseTypes(Session session, DatabaseState db, String view, int n) {
        List<ColumnType> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
        if (session.current() != db) {
            return out;
        }
        try {
            String definition = Views.definition(db, view).orElse(null);
            if (definition == null) {
                return out;
            }
            var create = (dev.scion.sql.parser.ddl.SqlCreateMySqlView) StatementReader.statement(
                    dev.scion.sql.frontend.ViewDefinerClause.strip(definition));
            SqlNode body = create.getQuery();
            ViewExpander.expand(session, body);
            List<ResultColumn> columns = QueryPlanner.plan(session, body, definition).columns();
            if (columns.size() != n) {
                return out;
            }
            for (int i = 0; i < n; i++) {
                out.set(i, columnType(session, columns.get(i)));
            }
        } catch (RuntimeException unplanned) {
            java.util.Collections.fill(out, null);
        }
        return out;
    }

    /** The declared type of the table column a result column reads, or null when it reads none. */
    private static ColumnType columnType(Session session, ResultColumn rc) {
        if (rc.orgTable() == null || rc.orgTable().isEmpty() || rc.orgName() == null || rc.schema() == null
                || rc.schema().isEmpty()) {
            return null;
        }
        DatabaseState db = session.database(rc.schema());
        var stored = db.workingRoot().resolveName(rc.orgTable());
        if (stored.isEmpty()) {
            return null;
        }
        TableSchema schema = db.repo().readTable(db.buffer(), db.workingRoot().tableHash(stored.get())).schema();
        int i = schema.columnIndex(rc.orgName());
        return i < 0 ? null : schema.columns().get(i).type();
    }

    private static ColumnType integer(TypeKind kind, ResultColumn rc) {
        return new ColumnType(kind, -1, -1, rc.unsigned(), List.of());
    }

    private static ColumnType type(ResultColumn rc) {
        return switch (rc.kind()) {
            // an unsigned expression stays unsigned: INT UNSIGNED values do not fit a signed INT
            case TINY -> integer(TypeKind.TINYINT, rc);
            case SHORT -> integer(TypeKind.SMALLINT, rc);
            case INT24 -> integer(TypeKind.MEDIUMINT, rc);
            case LONG -> integer(TypeKind.INT, rc);
            case LONGLONG, NULL -> integer(TypeKind.BIGINT, rc);
            case NEWDECIMAL -> new ColumnType(TypeKind.DECIMAL, (int) Math.min(65, rc.length()), rc.decimals(),
                    rc.unsigned(), List.of());
            case FLOAT -> ColumnType.of(TypeKind.FLOAT);
            case DOUBLE -> ColumnType.of(TypeKind.DOUBLE);
            case DATE -> ColumnType.of(TypeKind.DATE);
            case DATETIME, TIMESTAMP -> ColumnType.of(TypeKind.DATETIME);
            case TIME -> ColumnType.of(TypeKind.TIME);
            case JSON -> ColumnType.of(TypeKind.JSON);
            case BLOB -> ColumnType.of(rc.binary() ? TypeKind.LONGBLOB : TypeKind.LONGTEXT);
            default -> ColumnType.of(rc.binary() ? TypeKind.VARBINARY : TypeKind.VARCHAR,
                    (int) Math.min(65535, Math.max(1, rc.length())));
        };
    }
}
