package dev.scion.sql.ddl;

import dev.scion.sql.dml.ForeignKeys;
import dev.scion.sql.dml.InsertExecutor;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.ddl.SqlCreateMySqlTable;
import dev.scion.sql.parser.ddl.SqlMySqlColumn;
import dev.scion.sql.parser.ddl.SqlMySqlIndex;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CREATE TABLE: column list, LIKE other, and AS SELECT. */
final class CreateTable {
    private CreateTable() {
    }

    static StatementResult execute(Session session, SqlCreateMySqlTable node, String sql) {
        if (node.isTemporary() && hasForeignKey(node)) {
            throw new SqlError(ErrorCode.CANNOT_ADD_FOREIGN, "Cannot add foreign key constraint");
        }
        // a temporary table goes to the session's own home (any revision, read-only ones too); CREATE TABLE of a
        // name a temporary table has makes the base table, which the temporary one goes on hiding
        TableName target = node.isTemporary() ? TableName.temporary(session, node.getName())
                : TableName.base(session, node.getName()).requireWritable();
        if (target.exists() || dev.scion.sql.catalog.Views.definition(target.db(), target.name()).isPresent()) {
            if (node.isIfNotExists()) {
                session.addNote(ErrorCode.TABLE_EXISTS.code(), "Table '" + target.name() + "' already exists");
                return StatementResult.ok();
            }
            throw new SqlError(ErrorCode.TABLE_EXISTS, "Table '" + target.name() + "' already exists");
        }
        if (node.getLikeTable() != null) {
            TableName source = TableName.of(session, node.getLikeTable());
            TableSchema copy = source.read().schema();
            install(target, retag(target.name(), copy), 1);
            return StatementResult.ok();
        }
        SchemaBuilder b = new SchemaBuilder(target.name());
        b.collatedPrimaryKey = true; // a new table keys its primary key as its collation compares
        b.collation = dev.scion.sql.catalog.Collations.stored(dev.scion.sql.catalog.Collations.resolve(
                node.getTableOption("CHARSET"), node.getTableOption("COLLATE"),
                dev.scion.sql.catalog.DatabaseCollation.of(target.db()))); // a table without its own inherits the database's
        b.comment = CommentLengths.table(session, target.name(), node.getTableOption("COMMENT"));
        b.realAsFloat = dev.scion.sql.session.SqlModes.realAsFloat(session);
        for (SqlMySqlColumn c : node.getColumns()) {
            addColumn(b, c);
        }
        for (SqlMySqlIndex ix : node.getIndexes()) {
            b.addIndex(ix);
        }
        for (SqlMySqlColumn c : node.getColumns()) {
            if (c.getCheck() != null) {
                b.addCheck(c.getCheck());
            }
        }
        node.getChecks().forEach(b::addCheck);
        for (SqlMySqlColumn c : node.getColumns()) {
            if (c.getReferences() != null) {
                ForeignKeyDefinitions.add(b, target, c.getReferences(), c.getName().getSimple(),
                        ForeignKeys.enabled(session));
            }
        }
        boolean foreignKeyChecks = ForeignKeys.enabled(session);
        node.getForeignKeys().forEach(fk -> ForeignKeyDefinitions.add(b, target, fk, null, foreignKeyChecks));
        if (node.getAsQuery() != null) {
            return createAsSelect(session, node, target, b, sql);
        }
        b.columns.replaceAll(c -> CommentLengths.column(session, c));
        TableSchema schema = b.build();
        schema.columns().forEach(c -> {
            ZeroDateDefaults.check(session, c);
            ChoiceMembers.check(session, c);
        });
        DefaultFunctions.check(session, schema);
        BlobKeyLengths.check(session, null, schema);
        install(target, schema, autoIncrementOption(node));
        return StatementResult.ok();
    }

    /** InnoDB keeps no foreign keys on temporary tables, and MySQL refuses to create one that has any. */
    private static boolean hasForeignKey(SqlCreateMySqlTable node) {
        return !node.getForeignKeys().isEmpty() || node.getColumns().stream().anyMatch(c -> c.getReferences() != null);
    }

    /** A column definition with its column-level PRIMARY KEY and UNIQUE. */
    static void addColumn(SchemaBuilder b, SqlMySqlColumn c) {
        Column col = ColumnDefinitions.column(b.table(), c, b.collation, b.realAsFloat);
        b.addColumn(col, -1);
        if (c.isPrimaryKey()) {
            b.setPrimaryKey(List.of(col.name()));
        }
        if (c.isUniqueKey()) {
            b.addIndex(null, List.of(col.name()), true);
        }
    }

    private static long autoIncrementOption(SqlCreateMySqlTable node) {
        String ai = node.getTableOption("AUTO_INCREMENT");
        return ai == null ? 1 : Math.max(1, Long.parseLong(ai.strip()));
    }

    /** Installs an empty table with {@code schema}. */
    static TableValue install(TableName target, TableSchema schema, long autoIncrement) {
        TableValue tv = emptyTable(target.db().buffer(), schema, autoIncrement);
        target.write(tv);
        return tv;
    }

    /** A table value with no rows and empty index trees. */
    static TableValue emptyTable(dev.scion.storage.chunk.ChunkBuffer buffer, TableSchema schema, long autoIncrement) {
        Hash empty = ProllyMap.empty(buffer).root();
        Map<String, Hash> idx = new HashMap<>();
        for (IndexDef ix : schema.indexes()) {
            idx.put(ix.name().toLowerCase(Locale.ROOT), empty);
        }
        return new TableValue(schema, empty, idx, schema.autoIncrementColumn().isPresent() ? autoIncrement : 0);
    }

    private static TableSchema retag(String table, TableSchema s) {
        List<Column> cols = s.columns().stream().map(c -> new Column(c.name(), c.type(), c.nullable(), c.defaultSql(),
                c.autoIncrement(), c.comment(), ColumnDefinitions.tag(table, c.name()), c.generatedSql(), c.stored(),
                c.onUpdateSql()))
                .toList();
        return new TableSchema(cols, s.primaryKey(), s.indexes(), List.of(), List.of(), s.collation(), true,
                s.comment());
    }

    /**
     * CREATE TABLE ... AS SELECT: the query's columns follow the declared ones (a declared column of the same name
     * takes the query's value instead), then the query's rows are inserted.
     */
    private static StatementResult createAsSelect(Session session, SqlCreateMySqlTable node, TableName target,
                                                  SchemaBuilder b, String sql) {
        dev.scion.sql.frontend.ViewExpander.expand(session, node.getAsQuery());
        QueryPlanner.Plan plan = QueryPlanner.plan(session, node.getAsQuery(), sql);
        for (ResultColumn rc : plan.columns()) {
            if (b.columnIndex(rc.name()) < 0) {
                b.addColumn(new Column(rc.name(), typeOf(rc), rc.nullable(), null, false, null,
                        ColumnDefinitions.tag(target.name(), rc.name())), -1);
            }
        }
        install(target, b.build(), autoIncrementOption(node));
        SqlNodeList columns = new SqlNodeList(SqlParserPos.ZERO);
        plan.columns().forEach(c -> columns.add(new SqlIdentifier(c.name(), SqlParserPos.ZERO)));
        SqlIdentifier table = new SqlIdentifier(List.of(target.db().name(), target.storedOrThrow()),
                SqlParserPos.ZERO);
        return InsertExecutor.execute(session,
                new SqlInsert(SqlParserPos.ZERO, SqlNodeList.EMPTY, table, node.getAsQuery(), columns), sql);
    }

    /** The column type CREATE TABLE ... AS SELECT gives a result column. */
    static ColumnType typeOf(ResultColumn rc) {
        int len = (int) Math.min(Integer.MAX_VALUE, rc.length());
        return switch (rc.kind()) {
            case TINY -> new ColumnType(TypeKind.TINYINT, -1, -1, rc.unsigned(), List.of());
            case SHORT -> new ColumnType(TypeKind.SMALLINT, -1, -1, rc.unsigned(), List.of());
            case INT24 -> new ColumnType(TypeKind.MEDIUMINT, -1, -1, rc.unsigned(), List.of());
            case LONG -> new ColumnType(TypeKind.INT, -1, -1, rc.unsigned(), List.of());
            case LONGLONG, NULL -> new ColumnType(TypeKind.BIGINT, -1, -1, rc.unsigned(), List.of());
            // a DECIMAL's length counts a sign and a point besides its digits (TypeMapping, ColumnType.maxLength)
            case NEWDECIMAL -> new ColumnType(TypeKind.DECIMAL, Math.min(65, Math.max(1, len - 2)),
                    Math.min(30, rc.decimals()), rc.unsigned(), List.of());
            case FLOAT -> ColumnType.of(TypeKind.FLOAT);
            case DOUBLE -> ColumnType.of(TypeKind.DOUBLE);
            case BIT -> ColumnType.of(TypeKind.BIT, Math.max(1, Math.min(64, len)));
            case YEAR -> ColumnType.of(TypeKind.YEAR);
            case DATE -> ColumnType.of(TypeKind.DATE);
            case TIME -> ColumnType.of(TypeKind.TIME, rc.decimals() > 0 ? rc.decimals() : -1);
            case DATETIME -> ColumnType.of(TypeKind.DATETIME, rc.decimals() > 0 ? rc.decimals() : -1);
            case TIMESTAMP -> ColumnType.of(TypeKind.TIMESTAMP, rc.decimals() > 0 ? rc.decimals() : -1);
            case JSON -> ColumnType.of(TypeKind.JSON);
            case BLOB -> ColumnType.of(rc.binary() ? TypeKind.LONGBLOB : TypeKind.LONGTEXT);
            default -> len > 16383 ? ColumnType.of(rc.binary() ? TypeKind.LONGBLOB : TypeKind.LONGTEXT)
                    : ColumnType.of(rc.binary() ? TypeKind.VARBINARY : TypeKind.VARCHAR, Math.max(1, len));
        };
    }
}
