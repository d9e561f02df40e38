package dev.scion.sql.ddl;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.ddl.SqlCreateMySqlIndex;
import dev.scion.sql.parser.ddl.SqlCreateMySqlTable;
import dev.scion.sql.parser.ddl.SqlCreateMySqlView;
import dev.scion.sql.parser.ddl.SqlDropMySqlView;
import dev.scion.sql.parser.ddl.SqlDropMySqlIndex;
import dev.scion.sql.parser.ddl.SqlDropMySqlTable;
import dev.scion.sql.parser.ddl.SqlMySqlAlterTable;
import dev.scion.sql.parser.ddl.SqlMySqlIndex;
import dev.scion.sql.parser.ddl.SqlRenameMySqlTable;
import dev.scion.sql.parser.ddl.SqlTruncateMySqlTable;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the table DDL the MySQL parser produced: CREATE / ALTER / DROP / RENAME / TRUNCATE TABLE, CREATE / DROP INDEX. */
public final class DdlExecutor {
    private DdlExecutor() {
    }

    /** Whether {@code node} is DDL this executor runs. */
    public static boolean handles(SqlNode node) {
        return node instanceof SqlCreateMySqlTable || node instanceof SqlMySqlAlterTable
                || node instanceof SqlDropMySqlTable || node instanceof SqlCreateMySqlIndex
                || node instanceof SqlDropMySqlIndex || node instanceof SqlRenameMySqlTable
                || node instanceof SqlTruncateMySqlTable || node instanceof SqlCreateMySqlView
                || node instanceof SqlDropMySqlView;
    }

    /** Runs {@code node} if it is table DDL. */
    public static Optional<StatementResult> tryExecute(Session session, SqlNode node, String sql) {
        if (!handles(node)) {
            return Optional.empty();
        }
        TemporaryTableChanges temporary = TemporaryTableChanges.before(session);
        Optional<StatementResult> result = run(session, node, sql);
        temporary.keep(session);
        return result;
    }

    private static Optional<StatementResult> run(Session session, SqlNode node, String sql) {
        StatementResult result;
        if (node instanceof SqlCreateMySqlTable create) {
            result = CreateTable.execute(session, create, sql);
        } else if (node instanceof SqlMySqlAlterTable alter) {
            result = AlterTable.execute(session, alter);
        } else if (node instanceof SqlDropMySqlTable drop) {
            result = dropTables(session, drop);
        } else if (node instanceof SqlCreateMySqlIndex create) {
            result = createIndex(session, create);
        } else if (node instanceof SqlDropMySqlIndex drop) {
            result = dropIndex(session, drop);
        } else if (node instanceof SqlRenameMySqlTable rename) {
            result = renameTables(session, rename);
        } else if (node instanceof SqlTruncateMySqlTable truncate) {
            result = truncate(session, truncate);
        } else if (node instanceof SqlCreateMySqlView view) {
            result = ViewDdl.create(session, view, sql);
        } else if (node instanceof SqlDropMySqlView view) {
            result = ViewDdl.drop(session, view);
        } else {
            return Optional.empty();
        }
        return Optional.of(result);
    }

    private static StatementResult dropTables(Session session, SqlDropMySqlTable drop) {
        List<TableName> names = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (SqlIdentifier id : drop.getNames()) {
            // DROP TEMPORARY TABLE drops only temporary tables; DROP TABLE drops the temporary one of a name first
            TableName t = drop.isTemporary() ? TableName.temporaryIfAny(session, id)
                    .orElseGet(() -> TableName.base(session, id)) : TableName.of(session, id).requireWritable();
            if (t.exists() && (t.isTemporary() || !drop.isTemporary())) {
                names.add(t);
            } else {
                missing.add(t.qualified());
            }
        }
        if (!missing.isEmpty()) {
            String list = String.join(",", missing);
            if (!drop.isIfExists()) {
                // MySQL drops nothing when any named table is missing.
                throw new SqlError(ErrorCode.BAD_TABLE, "Unknown table '" + list + "'");
            }
            missing.forEach(m -> session.addNote(ErrorCode.BAD_TABLE.code(), "Unknown table '" + m + "'"));
        }
        if (dev.scion.sql.dml.ForeignKeys.enabled(session)) {
            for (TableName t : names) {
                for (var child : dev.scion.sql.dml.ForeignKeys.childrenOf(t.db(), t.storedOrThrow())) {
                    boolean childDropped = names.stream().anyMatch(n -> n.db() == t.db()
                            && n.storedOrThrow().equalsIgnoreCase(child.table()));
                    if (!childDropped) {
                        throw new SqlError(ErrorCode.FK_DROP_REFERENCED, "Cannot drop table '" + t.storedOrThrow()
                                + "' referenced by a foreign key constraint '" + child.key().name() + "' on table '"
                                + child.table() + "'.");
                    }
                }
            }
        }
        for (TableName t : names) {
            dev.scion.sql.trigger.Triggers.dropForTable(t.db(), t.storedOrThrow());
            String stored = t.storedOrThrow();
            t.db().setWorkingRoot(t.db().workingRoot().withoutTable(stored));
            autoIncrementLowered(t.db(), stored, 0);
        }
        return StatementResult.ok();
    }

    private static StatementResult createIndex(Session session, SqlCreateMySqlIndex create) {
        TableName target = TableName.of(session, create.getTable()).requireWritable();
        if (!target.exists() && dev.scion.sql.dolt.SystemTables.find(target.name(), target.db()).isPresent()) {
            // a system table is computed on each read: there are no stored rows an index could cover (Dolt's words)
            throw new SqlError(ErrorCode.UNKNOWN_ERROR, "the table is not indexable");
        }
        TableValue old = target.read();
        SqlMySqlIndex def = create.getIndex();
        if (def.getIndexKind() == SqlMySqlIndex.Kind.PRIMARY) {
            throw new SqlError(ErrorCode.NOT_SUPPORTED_YET,
                    "This version of Scion doesn't yet support CREATE PRIMARY KEY; use ALTER TABLE ADD PRIMARY KEY");
        }
        SchemaBuilder b = SchemaBuilder.from(target.storedOrThrow(), old.schema());
        b.addIndex(def);
        TableSchema next = b.build();
        BlobKeyLengths.check(session, old.schema(), next);
        IndexDef added = next.indexes().get(next.indexes().size() - 1);
        int columns = old.schema().columns().size();
        if (next.columns().size() > columns) {
            // functional key parts add hidden columns, computed for every row as the table is rewritten
            int[] sources = new int[next.columns().size()];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = i < columns ? i : -1;
            }
            target.write(TableRebuilder.rebuild(session, target, old, next, sources));
            return StatementResult.ok();
        }
        // an index made for a foreign key that the new index replaces (SchemaBuilder#addIndex) loses its tree
        var trees = new java.util.HashMap<>(old.indexes());
        for (IndexDef ix : old.schema().indexes()) {
            if (next.indexes().stream().noneMatch(n -> n.name().equalsIgnoreCase(ix.name()))) {
                trees.remove(ix.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        TableValue kept = new TableValue(old.schema(), old.rows(), trees, old.autoIncrement());
        target.write(IndexBuilder.addIndex(target.db(), kept, next, added));
        return StatementResult.ok();
    }

    private static StatementResult dropIndex(Session session, SqlDropMySqlIndex drop) {
        TableName target = TableName.of(session, drop.getTable()).requireWritable();
        TableValue old = target.read();
        String name = drop.getName().getSimple();
        if (old.schema().indexes().stream().anyMatch(ix -> ix.name().equalsIgnoreCase(name)
                && ix.columns().stream().anyMatch(c -> c.startsWith(dev.scion.versioning.schema.Column.HIDDEN_PREFIX)))) {
            AlterTable.dropIndex(session, target, name);
            return StatementResult.ok();
        }
        List<IndexDef> kept = new ArrayList<>(old.schema().indexes());
        if (!kept.removeIf(ix -> ix.name().equalsIgnoreCase(name))) {
            throw new SqlError(ErrorCode.CANT_DROP_FIELD_OR_KEY, "Can't DROP '" + name
                    + "'; check that column/key exists");
        }
        var trees = new java.util.HashMap<>(old.indexes());
        trees.remove(name.toLowerCase(java.util.Locale.ROOT));
        TableSchema next = new TableSchema(old.schema().columns(), old.schema().primaryKey(), kept,
                old.schema().checks(), old.schema().foreignKeys(), old.schema().collation(),
                old.schema().collatedPrimaryKey(), old.schema().comment());
        ForeignKeyAlterRules.check(session, target, old.schema(), next, new ColumnRenames());
        target.write(new TableValue(next, old.rows(), trees, old.autoIncrement()));
        return StatementResult.ok();
    }

    /** RENAME TABLE a TO b, c TO d: pairs apply in order, so a TO tmp, b TO a, tmp TO b swaps. */
    private static StatementResult renameTables(Session session, SqlRenameMySqlTable rename) {
        for (int i = 0; i < rename.getFrom().size(); i++) {
            TableName from = TableName.of(session, rename.getFrom().get(i)).requireWritable();
            TableName to = TableName.of(session, rename.getTo().get(i)).requireWritable();
            if (from.isTemporary() && !to.isTemporary()
                    && TableName.base(session, rename.getTo().get(i)).db() == TableName.base(session,
                    rename.getFrom().get(i)).db()) {
                to = new TableName(from.db(), to.name()); // a temporary table keeps its home under a new name
            }
            TableValue value = from.read();
            if (to.exists()) {
                throw new SqlError(ErrorCode.TABLE_EXISTS, "Table '" + to.name() + "' already exists");
            }
            if (from.db() != to.db()) {
                throw new SqlError(ErrorCode.NOT_SUPPORTED_YET,
                        "This version of Scion doesn't yet support renaming a table into another database");
            }
            String stored = from.storedOrThrow();
            var children = dev.scion.sql.dml.ForeignKeys.childrenOf(from.db(), stored);
            from.db().setWorkingRoot(from.db().workingRoot().withoutTable(stored));
            to.write(RenamedForeignKeys.of(value, stored, to.name()));
            RenamedForeignKeys.inReferencingTables(from.db(), stored, to.name(), children);
        }
        return StatementResult.ok();
    }

    /** TRUNCATE TABLE: every row goes and the auto-increment counter starts again at 1. */
    private static StatementResult truncate(Session session, SqlTruncateMySqlTable truncate) {
        TableName target = TableName.of(session, truncate.getName()).requireWritable();
        TableValue old = target.read();
        if (dev.scion.sql.dml.ForeignKeys.enabled(session) && dev.scion.sql.dml.ForeignKeys
                .childrenOf(target.db(), target.storedOrThrow()).stream()
                .anyMatch(c -> !c.table().equalsIgnoreCase(target.storedOrThrow()))) {
            throw new SqlError(ErrorCode.TRUNCATE_REFERENCED, "Cannot truncate a table referenced in a foreign key "
                    + "constraint");
        }
        target.write(CreateTable.emptyTable(target.db().buffer(), old.schema(), 1));
        autoIncrementLowered(target.db(), target.storedOrThrow(), 1);
        return StatementResult.ok();
    }

    /**
     * The table's next auto-increment value on this branch was set to {@code value}, perhaps lower than before:
     * the floor shared by all branches is recomputed (docs/versioned-sql.md, "Auto-increment across branches").
     */
    static void autoIncrementLowered(dev.scion.sql.catalog.DatabaseState db, String table, long value) {
        if (!db.isDetached() && !db.isReadOnly()) {
            db.repo().crossBranchAutoIncrements().lowered(table, db.branch(), value);
        }
    }
}
