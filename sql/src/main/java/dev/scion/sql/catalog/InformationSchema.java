package dev.scion.sql.catalog;

import dev.scion.sql.dolt.SystemTable;
import dev.scion.sql.plan.SystemTableAdapter;
import dev.scion.sql.session.Session;
import dev.scion.sql.stats.StatisticsStore;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The information_schema database: MySQL's catalog views computed from the session's view of every database
 * (each at the session's transaction snapshot). Column names and order follow MySQL 8.0.
 */
public final class InformationSchema extends AbstractSchema {
    public static final String NAME = "information_schema";
    private static final String CATALOG = "def";

    private static final List<SystemTable> TABLES = withServerTables(
            new InfoSchemaTable("SCHEMATA", InformationSchema::schemata)
                    .text("CATALOG_NAME", "SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME", "DEFAULT_COLLATION_NAME",
                            "SQL_PATH", "DEFAULT_ENCRYPTION"),
            new InfoSchemaTable("TABLES", InformationSchema::tables)
                    .text("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "ENGINE").integer("VERSION")
                    .text("ROW_FORMAT").integer("TABLE_ROWS", "AVG_ROW_LENGTH", "DATA_LENGTH", "MAX_DATA_LENGTH",
                            "INDEX_LENGTH", "DATA_FREE", "AUTO_INCREMENT")
                    .timestamp("CREATE_TIME", "UPDATE_TIME", "CHECK_TIME").text("TABLE_COLLATION")
                    .integer("CHECKSUM").text("CREATE_OPTIONS", "TABLE_COMMENT"),
            new InfoSchemaTable("COLUMNS", InformationSchema::columns)
                    .text("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME").integer("ORDINAL_POSITION")
                    .text("COLUMN_DEFAULT", "IS_NULLABLE", "DATA_TYPE")
                    .integer("CHARACTER_MAXIMUM_LENGTH", "CHARACTER_OCTET_LENGTH", "NUMERIC_PRECISION",
                            "NUMERIC_SCALE", "DATETIME_PRECISION")
                    .text("CHARACTER_SET_NAME", "COLLATION_NAME", "COLUMN_TYPE", "COLUMN_KEY", "EXTRA", "PRIVILEGES",
                            "COLUMN_COMMENT", "GENERATION_EXPRESSION").integer("SRS_ID"),
            new InfoSchemaTable("ST_GEOMETRY_COLUMNS", InformationSchema::geometryColumns)
                    .text("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "SRS_NAME").integer("SRS_ID")
                    .text("GEOMETRY_TYPE_NAME"),
            new InfoSchemaTable("STATISTICS", InformationSchema::statistics)
                    .text("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME").integer("NON_UNIQUE")
                    .text("INDEX_SCHEMA", "INDEX_NAME").integer("SEQ_IN_INDEX").text("COLUMN_NAME", "COLLATION")
                    .integer("CARDINALITY", "SUB_PART").text("PACKED", "NULLABLE", "INDEX_TYPE", "COMMENT",
                            "INDEX_COMMENT", "IS_VISIBLE", "EXPRESSION"),
            new InfoSchemaTable("COLUMN_STATISTICS", ColumnStatistics::rows)
                    .text("SCHEMA_NAME", "TABLE_NAME", "COLUMN_NAME").json("HISTOGRAM"),
            new InfoSchemaTable("KEY_COLUMN_USAGE", InformationSchema::keyColumnUsage)
                    .text("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "TABLE_CATALOG",
                            "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME")
                    .integer("ORDINAL_POSITION", "POSITION_IN_UNIQUE_CONSTRAINT")
                    .text("REFERENCED_TABLE_SCHEMA", "REFERENCED_TABLE_NAME", "REFERENCED_COLUMN_NAME"),
            new InfoSchemaTable("TABLE_CONSTRAINTS", InformationSchema::tableConstraints)
                    .text("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "TABLE_SCHEMA", "TABLE_NAME",
                            "CONSTRAINT_TYPE", "ENFORCED"),
            new InfoSchemaTable("CHECK_CONSTRAINTS", InformationSchema::checkConstraints)
                    .text("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "CHECK_CLAUSE"),
            new InfoSchemaTable("REFERENTIAL_CONSTRAINTS", InformationSchema::referentialConstraints)
                    .text("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "UNIQUE_CONSTRAINT_CATALOG",
                            "UNIQUE_CONSTRAINT_SCHEMA", "UNIQUE_CONSTRAINT_NAME", "MATCH_OPTION", "UPDATE_RULE",
                            "DELETE_RULE", "TABLE_NAME", "REFERENCED_TABLE_NAME"),
            new InfoSchemaTable("VIEWS", InformationSchema::views)
                    .text("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION", "CHECK_OPTION",
                            "IS_UPDATABLE", "DEFINER", "SECURITY_TYPE", "CHARACTER_SET_CLIENT",
                            "COLLATION_CONNECTION"),
            new InfoSchemaTable("ROUTINES", dev.scion.sql.routine.ProcedureStatements::routineRows)
                    .text("SPECIFIC_NAME", "ROUTINE_CATALOG", "ROUTINE_SCHEMA", "ROUTINE_NAME", "ROUTINE_TYPE",
                            "DATA_TYPE").integer("CHARACTER_MAXIMUM_LENGTH", "CHARACTER_OCTET_LENGTH",
                            "NUMERIC_PRECISION", "NUMERIC_SCALE", "DATETIME_PRECISION")
                    .text("CHARACTER_SET_NAME", "COLLATION_NAME", "DTD_IDENTIFIER", "ROUTINE_BODY",
                            "ROUTINE_DEFINITION", "EXTERNAL_NAME", "EXTERNAL_LANGUAGE", "PARAMETER_STYLE",
                            "IS_DETERMINISTIC", "SQL_DATA_ACCESS", "SQL_PATH", "SECURITY_TYPE")
                    .timestamp("CREATED", "LAST_ALTERED").text("SQL_MODE", "ROUTINE_COMMENT", "DEFINER",
                            "CHARACTER_SET_CLIENT", "COLLATION_CONNECTION", "DATABASE_COLLATION"),
            new InfoSchemaTable("PARAMETERS", dev.scion.sql.routine.ProcedureStatements::parameterRows)
                    .text("SPECIFIC_CATALOG", "SPECIFIC_SCHEMA", "SPECIFIC_NAME").integer("ORDINAL_POSITION")
                    .text("PARAMETER_MODE", "PARAMETER_NAME", "DATA_TYPE").integer("CHARACTER_MAXIMUM_LENGTH",
                            "CHARACTER_OCTET_LENGTH", "NUMERIC_PRECISION", "NUMERIC_SCALE", "DATETIME_PRECISION")
                    .text("CHARACTER_SET_NAME", "COLLATION_NAME", "DTD_IDENTIFIER", "ROUTINE_TYPE"),
            new InfoSchemaTable("TRIGGERS", dev.scion.sql.trigger.TriggerStatements::informationSchemaRows)
                    .text("TRIGGER_CATALOG", "TRIGGER_SCHEMA", "TRIGGER_NAME", "EVENT_MANIPULATION",
                            "EVENT_OBJECT_CATALOG", "EVENT_OBJECT_SCHEMA", "EVENT_OBJECT_TABLE").integer("ACTION_ORDER")
                    .text("ACTION_CONDITION", "ACTION_STATEMENT", "ACTION_ORIENTATION", "ACTION_TIMING",
                            "ACTION_REFERENCE_OLD_TABLE", "ACTION_REFERENCE_NEW_TABLE", "ACTION_REFERENCE_OLD_ROW",
                            "ACTION_REFERENCE_NEW_ROW").timestamp("CREATED").text("SQL_MODE", "DEFINER",
                            "CHARACTER_SET_CLIENT", "COLLATION_CONNECTION", "DATABASE_COLLATION"),
            new InfoSchemaTable("EVENTS", dev.scion.sql.event.EventStatements::informationSchemaRows)
                    .text("EVENT_CATALOG", "EVENT_SCHEMA", "EVENT_NAME", "DEFINER", "TIME_ZONE", "EVENT_BODY",
                            "EVENT_DEFINITION", "EVENT_TYPE").timestamp("EXECUTE_AT")
                    .text("INTERVAL_VALUE", "INTERVAL_FIELD", "SQL_MODE").timestamp("STARTS", "ENDS")
                    .text("STATUS", "ON_COMPLETION").timestamp("CREATED", "LAST_ALTERED", "LAST_EXECUTED")
                    .text("EVENT_COMMENT").integer("ORIGINATOR").text("CHARACTER_SET_CLIENT", "COLLATION_CONNECTION",
                            "DATABASE_COLLATION"),
            new InfoSchemaTable("CHARACTER_SETS", s -> Charsets.CHARSETS.stream().map(c -> new Object[] {c.name(),
                c.defaultCollation(), c.description(), c.maxLength()}).toList())
                    .text("CHARACTER_SET_NAME", "DEFAULT_COLLATE_NAME", "DESCRIPTION").integer("MAXLEN"),
            new InfoSchemaTable("COLLATIONS", s -> Charsets.COLLATIONS.stream().map(c -> new Object[] {c.name(),
                c.charset(), c.id(), c.isDefault() ? "Yes" : "", "Yes", 1L, c.padAttribute()}).toList())
                    .text("COLLATION_NAME", "CHARACTER_SET_NAME").integer("ID").text("IS_DEFAULT", "IS_COMPILED")
                    .integer("SORTLEN").text("PAD_ATTRIBUTE"),
            new InfoSchemaTable("PROCESSLIST", s -> ProcessRows.of(s, true))
                    .integer("ID").text("USER", "HOST", "DB", "COMMAND").integer("TIME").text("STATE", "INFO"));

    private static List<SystemTable> withServerTables(SystemTable... catalogViews) {
        List<SystemTable> all = new ArrayList<>(List.of(catalogViews));
        all.addAll(ServerInfoSchemaTables.tables());
        return List.copyOf(all);
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> map = new LinkedHashMap<>();
        for (SystemTable t : TABLES) {
            map.put(t.name(), new SystemTableAdapter(null, t));
        }
        return map;
    }

    public static boolean isName(String name) {
        return NAME.equalsIgnoreCase(name);
    }

    /** Calls {@code each} for every database the session can open. */
    private static void eachDatabase(Session session, java.util.function.Consumer<DatabaseState> each) {
        for (String name : shownDatabases(session)) {
            if (!session.access().hasAnyOnDatabase(RevisionName.parse(name).database())) {
                continue;
            }
            session.findDatabase(name).ifPresent(each);
        }
    }

    private static List<Object[]> views(Session session) {
        List<Object[]> rows = new ArrayList<>();
        eachDatabase(session, db -> Views.all(db).forEach((name, definition) -> {
            if (!session.access().hasAnyOnTable(db.databaseName(), name)) {
                return;
            }
            String query = definition.substring(definition.indexOf(" AS ") + 4);
            String[] security = dev.scion.sql.frontend.ViewSecurity.shown(definition);
            rows.add(new Object[] {CATALOG, db.name(), name, query, "NONE", "NO", security[0], security[1],
                Charsets.DEFAULT_CHARSET, Charsets.DEFAULT_COLLATION});
        }));
        return rows;
    }

    /** Calls {@code each} for every table of every database the session can open. */
    /**
     * The databases whose objects information_schema shows: every database of the data directory, and the
     * session's current database when it is a revision ({@code mydb/feature}, {@code mydb@v1}), as Dolt shows it
     * so that {@code table_schema = database()} finds that revision's tables.
     */
    static List<String> shownDatabases(Session session) {
        List<String> names = new ArrayList<>(session.engine().dataDirectory().names());
        String current = session.currentDatabase();
        if (current != null && RevisionName.parse(current).revision() != null) {
            names.add(current);
        }
        return names;
    }

    static void eachTable(Session session, BiConsumer<DatabaseState, Map.Entry<String, TableValue>> each) {
        for (String name : shownDatabases(session)) {
            String base = RevisionName.parse(name).database();
            if (!session.access().hasAnyOnDatabase(base)) {
                continue; // information_schema shows only what the user holds some privilege on
            }
            DatabaseState db = session.findDatabase(name).orElse(null);
            if (db == null) {
                continue;
            }
            for (var e : db.workingRoot().tables().entrySet()) {
                if (Views.isViewTable(e.getKey()) || !session.access().hasAnyOnTable(base, e.getKey())) {
                    continue;
                }
                TableValue tv = db.repo().readTable(db.buffer(), e.getValue());
                each.accept(db, Map.entry(e.getKey(), tv));
            }
        }
    }

    private static List<Object[]> schemata(Session session) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {CATALOG, NAME, "utf8mb3", "utf8mb3_general_ci", null, "NO"});
        for (String name : session.engine().dataDirectory().names()) {
            if (!session.access().hasAnyOnDatabase(name)) {
                continue;
            }
            String collation = session.findDatabase(name).map(DatabaseCollation::of).orElse(null);
            rows.add(new Object[] {CATALOG, name, Collations.charsetOf(collation), Collations.effective(collation),
                null, "NO"});
        }
        return rows;
    }

    private static List<Object[]> tables(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (SystemTable t : TABLES) {
            rows.add(new Object[] {CATALOG, NAME, t.name(), "SYSTEM VIEW", null, 10L, null, 0L, 0L, 0L, 0L, 0L, 0L,
                null, null, null, null, "utf8mb3_general_ci", null, "", ""});
        }
        eachDatabase(session, db -> Views.names(db).stream()
                .filter(v -> session.access().hasAnyOnTable(db.databaseName(), v))
                .forEach(v -> rows.add(new Object[] {CATALOG, db.name(), v, "VIEW",
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            "VIEW"})));
        eachTable(session, (db, t) -> {
            TableSchema s = t.getValue().schema();
            Number ai = s.autoIncrementColumn().isPresent()
                ? dev.scion.versioning.model.AutoIncrementValue.asNumber(
                        dev.scion.versioning.model.AutoIncrementValue.larger(1, t.getValue().autoIncrement())) : null;
            rows.add(new Object[] {CATALOG, db.name(), t.getKey(), "BASE TABLE", "InnoDB", 10L, "Dynamic",
                TableRowCount.of(db, t.getValue()), 0L,
                0L, 0L, 0L, 0L, ai, null, null, null, Collations.effective(s.collation()), null, "",
                s.comment() == null ? "" : s.comment()});
        });
        return rows;
    }

    private static List<Object[]> columns(Session session) {
        List<Object[]> rows = new ArrayList<>();
        eachTable(session, (db, t) -> addColumnRows(rows, db, t.getKey(), t.getValue().schema()));
        eachDatabase(session, db -> Views.names(db).stream()
                .filter(v -> session.access().hasAnyOnTable(db.databaseName(), v))
                .forEach(v -> viewColumns(session, db, v).ifPresent(s -> addColumnRows(rows, db, v, s))));
        return rows;
    }

    /**
     * A view's columns as its query types them. A view that no longer plans (its table was dropped) has none: MySQL
     * leaves it out of COLUMNS with a warning rather than failing the whole query.
     */
    private static java.util.Optional<TableSchema> viewColumns(Session session, DatabaseState db, String view) {
        try {
            return java.util.Optional.of(dev.scion.sql.admin.ViewColumns.ofView(session, db, view));
        } catch (dev.scion.sql.error.SqlError e) {
            return java.util.Optional.empty();
        }
    }

    private static void addColumnRows(List<Object[]> rows, DatabaseState db, String table, TableSchema s) {
        long pos = 0;
        for (Column c : s.columns()) {
            if (c.hidden()) {
                continue; // a functional key part's column is not part of the table as users see it
            }
            pos++;
            boolean text = ColumnFacts.isText(c.type());
            rows.add(new Object[] {CATALOG, db.name(), table, c.name(), pos, ColumnFacts.defaultText(c),
                c.nullable() ? "YES" : "NO", ColumnFacts.dataType(c.type()), ColumnFacts.charMaxLength(c.type()),
                ColumnFacts.charOctetLength(c.type()), ColumnFacts.numericPrecision(c.type()),
                ColumnFacts.numericScale(c.type()), ColumnFacts.datetimePrecision(c.type()),
                text ? Collations.charsetOf(c.type().collation()) : null,
                text ? Collations.effective(c.type().collation()) : null,
                c.type().sqlName(), ColumnFacts.key(s, c), ColumnFacts.extra(c),
                "select,insert,update,references", c.comment() == null ? "" : c.comment(),
                ColumnFacts.generationExpression(c), c.type().srid() >= 0 ? c.type().srid() : null});
        }
    }

    /** The spatial columns with their SRID option (SRS_NAME: the reference system's name, empty for 0). */
    private static List<Object[]> geometryColumns(Session session) {
        List<Object[]> rows = new ArrayList<>();
        eachTable(session, (db, t) -> {
            for (Column c : t.getValue().schema().columns()) {
                if (c.hidden() || !c.type().kind().isSpatial()) {
                    continue;
                }
                long srid = c.type().srid();
                rows.add(new Object[] {CATALOG, db.name(), t.getKey(), c.name(),
                    srid < 0 ? null : dev.scion.sql.expr.spatial.Geometries.srsName(srid), srid < 0 ? null : srid,
                    c.type().sqlName()});
            }
        });
        return rows;
    }

    private static List<Object[]> statistics(Session session) {
        List<Object[]> rows = new ArrayList<>();
        eachTable(session, (db, t) -> {
            // CARDINALITY as SHOW INDEX shows it: from statistics already collected for this table value, else 0
            Map<String, List<Long>> cardinalities = new java.util.HashMap<>();
            StatisticsStore.of(db.repo()).cached(t.getKey(), db.workingRoot().tableHash(t.getKey()))
                    .ifPresent(all -> all.forEach(s -> cardinalities.put(s.index(), s.prefixDistinct())));
            for (IndexRows.KeyColumn k : IndexRows.of(t.getValue().schema())) {
                List<Long> c = cardinalities.get(lower(k.index()));
                long cardinality = c != null && k.seq() <= c.size() ? c.get(k.seq() - 1) : 0L;
                rows.add(new Object[] {CATALOG, db.name(), t.getKey(), k.unique() ? 0L : 1L, db.name(), k.index(),
                    (long) k.seq(), k.column(), "A", cardinality, k.subPart(), null, k.nullable() ? "YES" : "",
                    k.type(), "", "", "YES", k.expression()});
            }
        });
        return rows;
    }

    private static List<Object[]> keyColumnUsage(Session session) {
        List<Object[]> rows = new ArrayList<>();
        eachTable(session, (db, t) -> {
            for (IndexRows.KeyColumn k : IndexRows.of(t.getValue().schema())) {
                if (k.unique() && k.column() != null) {
                    rows.add(new Object[] {CATALOG, db.name(), k.index(), CATALOG, db.name(), t.getKey(), k.column(),
                        (long) k.seq(), null, null, null, null});
                }
            }
            for (var f : t.getValue().schema().foreignKeys()) {
                for (int i = 0; i < f.columns().size(); i++) {
                    rows.add(new Object[] {CATALOG, db.name(), f.name(), CATALOG, db.name(), t.getKey(),
                        f.columns().get(i), (long) (i + 1), (long) (i + 1), db.name(), f.referencedTable(),
                        f.referencedColumns().get(i)});
                }
            }
        });
        return rows;
    }

    private static List<Object[]> referentialConstraints(Session session) {
        List<Object[]> rows = new ArrayList<>();
        eachTable(session, (db, t) -> t.getValue().schema().foreignKeys().forEach(f -> rows.add(new Object[] {
            CATALOG, db.name(), f.name(), CATALOG, db.name(), referencedUniqueKey(db, t, f), "NONE",
            f.onUpdate().sql(), f.onDelete().sql(), t.getKey(), f.referencedTable()})));
        return rows;
    }

    /**
     * UNIQUE_CONSTRAINT_NAME: PRIMARY or the unique index whose columns the foreign key references; null when the
     * referenced columns are only covered by a non-unique index (MySQL accepts such a parent key).
     */
    private static String referencedUniqueKey(DatabaseState db, Map.Entry<String, TableValue> child,
            dev.scion.versioning.schema.ForeignKeyDef f) {
        dev.scion.versioning.schema.TableSchema parent;
        if (f.referencedTable().equals(child.getKey())) {
            parent = child.getValue().schema();
        } else {
            var address = db.workingRoot().tables().get(f.referencedTable());
            if (address == null) {
                return null; // the parent was dropped with foreign_key_checks off
            }
            parent = db.repo().readTable(db.buffer(), address).schema();
        }
        if (sameNames(parent.primaryKey(), f.referencedColumns())) {
            return "PRIMARY";
        }
        for (var ix : parent.indexes()) {
            if (ix.unique() && ix.prefixLengths().isEmpty() && sameNames(ix.columns(), f.referencedColumns())) {
                return ix.name();
            }
        }
        return null;
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<Object[]> checkConstraints(Session session) {
        List<Object[]> rows = new ArrayList<>();
        eachTable(session, (db, t) -> t.getValue().schema().checks().forEach(c -> rows.add(new Object[] {CATALOG,
            db.name(), c.name(), "(" + c.expressionSql() + ")"})));
        return rows;
    }

    private static List<Object[]> tableConstraints(Session session) {
        List<Object[]> rows = new ArrayList<>();
        eachTable(session, (db, t) -> {
            TableSchema s = t.getValue().schema();
            if (!s.primaryKey().isEmpty()) {
                rows.add(new Object[] {CATALOG, db.name(), "PRIMARY", db.name(), t.getKey(), "PRIMARY KEY", "YES"});
            }
            s.indexes().stream().filter(ix -> ix.unique()).forEach(ix -> rows.add(new Object[] {CATALOG, db.name(),
                ix.name(), db.name(), t.getKey(), "UNIQUE", "YES"}));
            s.checks().forEach(c -> rows.add(new Object[] {CATALOG, db.name(), c.name(), db.name(), t.getKey(),
                "CHECK", c.enforced() ? "YES" : "NO"}));
            s.foreignKeys().forEach(f -> rows.add(new Object[] {CATALOG, db.name(), f.name(), db.name(), t.getKey(),
                "FOREIGN KEY", "YES"}));
        });
        return rows;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
