package dev.scion.sql.ddl;

import dev.scion.sql.catalog.Collations;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.MySqlParser;
import dev.scion.sql.parser.ddl.SqlAlterTableAction;
import dev.scion.sql.parser.ddl.SqlMySqlAlterTable;
import dev.scion.sql.parser.ddl.SqlMySqlColumn;
import org.apache.calcite.sql.SqlNode;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ALTER TABLE. The actions are applied in order to a copy of the schema; then the table is rewritten when its
 * columns or primary key changed, or only its index trees are built and dropped when just indexes changed.
 */
final class AlterTable {
    private final Session session;
    private final TableName target;
    private final TableValue old;
    private final SchemaBuilder schema;
    /** For each current column, the old column it comes from (-1: added). */
    private final List<Integer> sources = new ArrayList<>();
    private boolean rowsChange;
    private String renameTo;
    private final ColumnRenames renames = new ColumnRenames();

    private AlterTable(Session session, TableName target) {
        this.session = session;
        this.target = target;
        this.old = target.read();
        this.schema = SchemaBuilder.from(target.storedOrThrow(), old.schema());
        this.schema.realAsFloat = dev.scion.sql.session.SqlModes.realAsFloat(session);
        for (int i = 0; i < old.schema().columns().size(); i++) {
            sources.add(i);
        }
    }

    static StatementResult execute(Session session, SqlMySqlAlterTable node) {
        TableName target = TableName.of(session, node.getName()).requireWritable();
        AlterTable alter = new AlterTable(session, target);
        for (SqlAlterTableAction a : node.getActions()) {
            alter.apply(a);
        }
        String charset = node.getTableOption("CHARSET");
        String collation = node.getTableOption("COLLATE");
        if (charset != null || collation != null) {
            // [DEFAULT] CHARSET / COLLATE: the default for columns added later; existing columns keep theirs
            alter.schema.collation = Collations.stored(Collations.resolve(charset, collation, null));
        }
        String comment = node.getTableOption("COMMENT");
        if (comment != null) {
            alter.schema.comment = CommentLengths.table(session, target.name(), comment); // '' removes it
        }
        String ai = node.getTableOption("AUTO_INCREMENT");
        alter.finish(ai == null ? -1 : Long.parseLong(ai.strip()));
        return StatementResult.ok();
    }

    private void apply(SqlAlterTableAction a) {
        switch (a.getAction()) {
            case ADD_COLUMN -> addColumn(a.getColumn(), a);
            case DROP_COLUMN -> dropColumn(a.getName().getSimple());
            case MODIFY_COLUMN -> replaceColumn(a.getColumn().getName().getSimple(), a.getColumn(), a);
            case CHANGE_COLUMN -> replaceColumn(a.getName().getSimple(), a.getColumn(), a);
            case RENAME_COLUMN -> renameColumn(a.getName().getSimple(), a.getNewName().getSimple());
            case RENAME_TABLE -> renameTo = a.getNewName().names.get(a.getNewName().names.size() - 1);
            case ADD_INDEX -> {
                boolean primary = a.getIndex().getIndexKind()
                        == dev.scion.sql.parser.ddl.SqlMySqlIndex.Kind.PRIMARY;
                int before = schema.columns.size();
                schema.addIndex(a.getIndex());
                rowsChange |= primary;
                for (int i = before; i < schema.columns.size(); i++) {
                    sources.add(-1); // a functional key part's hidden column: computed for every row
                    rowsChange = true;
                }
            }
            case DROP_INDEX -> dropIndex(a.getName().getSimple());
            case RENAME_INDEX -> renameIndex(a.getName().getSimple(), a.getNewName().getSimple());
            case DROP_PRIMARY_KEY -> {
                if (schema.primaryKey.isEmpty()) {
                    throw new SqlError(ErrorCode.CANT_DROP_FIELD_OR_KEY,
                            "Can't DROP 'PRIMARY'; check that column/key exists");
                }
                schema.primaryKey.clear();
                rowsChange = true;
            }
            case SET_DEFAULT -> {
                setDefault(a.getName().getSimple(), a.getValue());
            }
            case DROP_DEFAULT -> setDefault(a.getName().getSimple(), null);
            case ADD_FOREIGN_KEY -> {
                if (target.isTemporary()) {
                    throw new SqlError(ErrorCode.CANNOT_ADD_FOREIGN, "Cannot add foreign key constraint");
                }
                ForeignKeyDefinitions.add(schema, target, a.getForeignKey(), null,
                        dev.scion.sql.dml.ForeignKeys.enabled(session));
                rowsChange = true; // the rows are rewritten, and so checked against the new key
            }
            case ADD_CHECK -> {
                schema.addCheck(a.getCheck());
                rowsChange = true; // the rows are rewritten, and so checked against the new constraint
            }
            case DROP_CHECK -> dropCheck(a.getName().getSimple());
            case ALTER_CHECK -> alterCheck(a.getName().getSimple(), a.isEnforced());
            case DROP_CONSTRAINT -> {
                String name = a.getName().getSimple();
                if (schema.hasCheck(name)) {
                    dropCheck(name);
                } else if (schema.hasForeignKey(name)) {
                    schema.foreignKeys.removeIf(f -> f.name().equalsIgnoreCase(name));
                } else if (schema.hasIndex(name)) {
                    dropIndex(name);
                } else {
                    throw new SqlError(ErrorCode.CHECK_NOT_FOUND, "Constraint '" + name
                            + "' does not exist.");
                }
            }
            case DROP_FOREIGN_KEY -> {
                String name = a.getName().getSimple();
                if (!schema.foreignKeys.removeIf(f -> f.name().equalsIgnoreCase(name))) {
                    throw new SqlError(ErrorCode.CANT_DROP_FIELD_OR_KEY, "Can't DROP '" + name
                            + "'; check that column/key exists");
                }
            }
            case DISABLE_KEYS, ENABLE_KEYS -> {
                // Scion keeps indexes current at all times: nothing to do.
            }
            case CONVERT_CHARSET -> convertCharset(a.getCharset(), a.getCollation());
            default -> throw new SqlError(ErrorCode.NOT_SUPPORTED_YET,
                    "This version of Scion doesn't yet support ALTER TABLE " + a.getAction());
        }
    }

    /**
     * CONVERT TO CHARACTER SET cs [COLLATE c]: the table default and every text column take the collation. Text is
     * stored as UTF-8 whatever the character set, so no row changes.
     */
    private void convertCharset(String charset, String collation) {
        String stored = Collations.stored(Collations.resolve(charset, collation, null));
        schema.collation = stored;
        for (int i = 0; i < schema.columns.size(); i++) {
            Column c = schema.columns.get(i);
            if (dev.scion.sql.catalog.ColumnFacts.isText(c.type())) {
                schema.columns.set(i, c.withType(c.type().withCollation(stored)));
            }
        }
    }

    private int position(SqlAlterTableAction a, int current) {
        return switch (a.getPosition()) {
            case FIRST -> 0;
            case AFTER -> schema.requireColumn(a.getAfterColumn().getSimple()) + 1;
            case DEFAULT -> current < 0 ? schema.columns.size() : current;
        };
    }

    private void addColumn(SqlMySqlColumn def, SqlAlterTableAction a) {
        Column c = CommentLengths.column(session,
                ColumnDefinitions.column(schema.table(), def, schema.collation, schema.realAsFloat));
        ZeroDateDefaults.check(session, c);
        ChoiceMembers.check(session, c);
        int pos = position(a, -1);
        schema.addColumn(c, pos);
        sources.add(pos, -1);
        if (def.isPrimaryKey()) {
            schema.setPrimaryKey(List.of(c.name()));
        }
        if (def.isUniqueKey()) {
            schema.addIndex(null, List.of(c.name()), true);
        }
        addColumnCheck(def);
        rowsChange = true;
    }

    /**
     * A CHECK written in the column definition of ADD / MODIFY / CHANGE COLUMN becomes a table constraint, as MySQL
     * adds it (the rows are rewritten, and so checked against it).
     */
    private void addColumnCheck(SqlMySqlColumn def) {
        if (def.getCheck() != null) {
            schema.addCheck(def.getCheck());
        }
    }

    /**
     * MySQL resolves the column a DROP, MODIFY, CHANGE or RENAME COLUMN names in the table as it was before the
     * statement: a column added, or renamed, by an earlier action of the same ALTER is unknown to it.
     */
    private int originalColumn(String name) {
        int i = schema.columnIndex(name);
        if (i >= 0) {
            int source = sources.get(i);
            if (source < 0 || !old.schema().columns().get(source).name().equalsIgnoreCase(name)) {
                return -1;
            }
        }
        return i;
    }

    private void dropColumn(String name) {
        int i = originalColumn(name);
        if (i < 0) {
            throw new SqlError(ErrorCode.CANT_DROP_FIELD_OR_KEY, "Can't DROP '" + name
                    + "'; check that column/key exists");
        }
        String stored = schema.columns.get(i).name();
        refuseIfOthersDependOn(stored);
        schema.dropChecksOn(stored);
        schema.columns.remove(i);
        sources.remove(i);
        schema.primaryKey.removeIf(k -> k.equalsIgnoreCase(stored));
        // MySQL drops the column from each index and drops an index left without columns.
        List<IndexDef> kept = new ArrayList<>();
        for (IndexDef ix : schema.indexes) {
            List<String> cols = ix.columns().stream().filter(c -> !c.equalsIgnoreCase(stored)).toList();
            if (!cols.isEmpty()) {
                kept.add(ix.withColumns(cols));
            }
        }
        schema.indexes.clear();
        schema.indexes.addAll(kept);
        rowsChange = true;
    }

    /**
     * A column another column's default expression or generated expression reads cannot be dropped or renamed
     * (MySQL: 3766 for a default, 3108 for a generated column).
     */
    private void refuseIfOthersDependOn(String column) {
        for (Column other : schema.columns) {
            if (other.name().equalsIgnoreCase(column)) {
                continue;
            }
            if (other.hidden() && mentions(other.generatedSql(), column)) {
                throw new SqlError(ErrorCode.DEPENDENT_BY_FUNCTIONAL_INDEX, "Column '" + column
                        + "' has a functional index dependency and cannot be dropped or renamed.");
            }
            if (other.generatedSql() != null && mentions(other.generatedSql(), column)) {
                throw new SqlError(ErrorCode.DEPENDENT_BY_GENERATED_COLUMN, "Column '" + column
                        + "' has a generated column dependency.");
            }
            if (other.defaultSql() != null && mentions(other.defaultSql(), column)) {
                throw new SqlError(ErrorCode.DEPENDENT_BY_DEFAULT_GENERATED_VALUE, "Column '" + column + "' of table '"
                        + schema.table() + "' has a default value expression dependency and cannot be dropped or "
                        + "renamed.");
            }
        }
    }

    /** Whether the stored expression text names {@code column} (literal defaults name nothing). */
    private static boolean mentions(String expressionSql, String column) {
        org.apache.calcite.sql.SqlNode e;
        try {
            e = dev.scion.sql.parser.StatementReader.expression(expressionSql);
        } catch (SqlError notAnExpression) {
            return false;
        }
        boolean[] found = {false};
        e.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(org.apache.calcite.sql.SqlIdentifier id) {
                if (id.names.get(id.names.size() - 1).equalsIgnoreCase(column)) {
                    found[0] = true;
                }
                return null;
            }
        });
        return found[0];
    }

    private void replaceColumn(String oldName, SqlMySqlColumn def, SqlAlterTableAction a) {
        int i = originalColumn(oldName);
        if (i < 0) {
            throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + oldName + "' in '" + schema.table() + "'");
        }
        Column previous = schema.columns.get(i);
        Column c = CommentLengths.column(session,
                ColumnDefinitions.column(schema.table(), def, schema.collation, schema.realAsFloat));
        ZeroDateDefaults.check(session, c);
        ChoiceMembers.check(session, c);
        c = new Column(c.name(), c.type(), c.nullable(), c.defaultSql(), c.autoIncrement(), c.comment(),
                previous.tag(), c.generatedSql(), c.stored(), c.onUpdateSql());
        int source = sources.get(i);
        schema.columns.remove(i);
        sources.remove(i);
        if (schema.columnIndex(c.name()) >= 0) {
            throw new SqlError(ErrorCode.DUP_FIELDNAME, "Duplicate column name '" + c.name() + "'");
        }
        int pos = a.getPosition() == SqlAlterTableAction.Position.DEFAULT ? i : position(a, -1);
        schema.columns.add(pos, c);
        sources.add(pos, source);
        renameInKeys(previous.name(), c.name());
        fitPrefixesTo(c);
        if (def.isPrimaryKey()) {
            schema.setPrimaryKey(List.of(c.name()));
        }
        if (def.isUniqueKey()) {
            schema.addIndex(null, List.of(c.name()), true);
        }
        addColumnCheck(def);
        rowsChange = true;
    }

    /**
     * A key part prefixed on a column whose new type cannot have a prefix (a number, a date), or is now shorter
     * than the prefix, keys the whole value from now on, as MySQL's ALTER TABLE does rather than refusing.
     */
    private void fitPrefixesTo(Column c) {
        boolean prefixable = c.type().kind().isString() || c.type().kind().isBinary();
        boolean sized = switch (c.type().kind()) {
            case CHAR, VARCHAR, BINARY, VARBINARY -> c.type().length() >= 0;
            default -> false;
        };
        schema.indexes.replaceAll(ix -> {
            IndexDef fitted = ix;
            for (int k = 0; k < ix.columns().size(); k++) {
                int prefix = ix.prefixLength(k);
                if (prefix > 0 && ix.columns().get(k).equalsIgnoreCase(c.name())
                        && (!prefixable || sized && c.type().length() < prefix)) {
                    fitted = fitted.withPrefixLength(k, 0);
                }
            }
            return fitted;
        });
    }

    private void renameColumn(String from, String to) {
        ColumnDefinitions.checkUserName(to);
        int i = originalColumn(from);
        if (i < 0) {
            throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + from + "' in '" + schema.table() + "'");
        }
        if (schema.columnIndex(to) >= 0 && !from.equalsIgnoreCase(to)) {
            throw new SqlError(ErrorCode.DUP_FIELDNAME, "Duplicate column name '" + to + "'");
        }
        Column c = schema.columns.get(i);
        if (!c.name().equals(to)) {
            refuseIfOthersDependOn(c.name());
        }
        schema.columns.set(i, c.withName(to));
        renameInKeys(c.name(), to);
        rowsChange = true;
    }

    private void renameInKeys(String from, String to) {
        if (!from.equals(to)) {
            renames.renamed(from, to);
            String table = target.storedOrThrow();
            schema.foreignKeys.replaceAll(fk -> ColumnRenames.renameOwn(fk, table, from, to));
        }
        schema.primaryKey.replaceAll(k -> k.equalsIgnoreCase(from) ? to : k);
        schema.indexes.replaceAll(ix -> ix.withColumns(ix.columns().stream()
                .map(c -> c.equalsIgnoreCase(from) ? to : c).toList()));
    }

    private void dropIndex(String name) {
        if (name.equalsIgnoreCase("PRIMARY")) {
            apply(new SqlAlterTableAction(org.apache.calcite.sql.parser.SqlParserPos.ZERO,
                    SqlAlterTableAction.Action.DROP_PRIMARY_KEY));
            return;
        }
        for (int removed : schema.dropHiddenColumnsOf(name)) {
            sources.remove(removed);
            rowsChange = true;
        }
        if (!schema.indexes.removeIf(ix -> ix.name().equalsIgnoreCase(name))) {
            throw new SqlError(ErrorCode.CANT_DROP_FIELD_OR_KEY, "Can't DROP '" + name
                    + "'; check that column/key exists");
        }
    }

    /** DROP INDEX of an index with functional key parts: its hidden columns go too, so the rows are rewritten. */
    static void dropIndex(Session session, TableName target, String name) {
        AlterTable alter = new AlterTable(session, target);
        alter.dropIndex(name);
        alter.finish(-1);
    }

    /**
     * ALTER CHECK name [NOT] ENFORCED (MySQL 8.0.16; ALTER CONSTRAINT too). A check turned on is verified against
     * every row, as ADD CHECK is: the rows are rewritten.
     */
    private void alterCheck(String name, boolean enforced) {
        for (int i = 0; i < schema.checks.size(); i++) {
            CheckDef c = schema.checks.get(i);
            if (c.name().equalsIgnoreCase(name)) {
                if (enforced && !c.enforced()) {
                    rowsChange = true;
                }
                schema.checks.set(i, c.withEnforced(enforced));
                return;
            }
        }
        throw new SqlError(ErrorCode.CHECK_NOT_FOUND, "Check constraint '" + name + "' is not found in the table.");
    }

    private void dropCheck(String name) {
        if (!schema.checks.removeIf(c -> c.name().equalsIgnoreCase(name))) {
            throw new SqlError(ErrorCode.CHECK_NOT_FOUND, "Check constraint '" + name
                    + "' is not found in the table.");
        }
    }

    private void renameIndex(String from, String to) {
        int i = -1;
        for (int k = 0; k < schema.indexes.size(); k++) {
            if (schema.indexes.get(k).name().equalsIgnoreCase(from)) {
                i = k;
            }
        }
        if (i < 0) {
            throw new SqlError(ErrorCode.KEY_DOES_NOT_EXIST, "Key '" + from + "' doesn't exist in table '"
                    + schema.table() + "'");
        }
        schema.checkNewName(to);
        IndexDef ix = schema.indexes.get(i);
        schema.indexes.set(i, ix.withName(to).withColumns(ix.columns().stream()
                .map(c -> renameHiddenColumn(c, ix.name(), to)).toList()));
    }

    /**
     * A functional key part's hidden column is named after its index ({@code !hidden!<index>!<part>!0}), so RENAME
     * INDEX renames it too; the column keeps its tag and values.
     */
    private String renameHiddenColumn(String column, String from, String to) {
        String prefix = Column.HIDDEN_PREFIX + from + "!";
        if (!column.startsWith(prefix)) {
            return column;
        }
        String renamed = Column.HIDDEN_PREFIX + to + "!" + column.substring(prefix.length());
        int i = schema.columnIndex(column);
        schema.columns.set(i, schema.columns.get(i).withName(renamed));
        return renamed;
    }

    private void setDefault(String column, SqlNode value) {
        int i = schema.columnIndex(column);
        if (i < 0) {
            throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + column + "' in '" + schema.table() + "'");
        }
        Column c = schema.columns.get(i);
        String defaultSql = ColumnDefinitions.defaultSql(c, value);
        schema.columns.set(i, new Column(c.name(), c.type(), c.nullable(), defaultSql, c.autoIncrement(),
                c.comment(), c.tag(), c.generatedSql(), c.stored(), c.onUpdateSql()));
    }

    private void finish(long autoIncrement) {
        if (rowsChange) {
            schema.collateAllKeys(); // every index is written afresh below: key it by its collation from now on
        }
        TableSchema next = schema.build();
        DefaultFunctions.check(session, next);
        ForeignKeyAlterRules.check(session, target, old.schema(), next, renames);
        List<dev.scion.sql.dml.ForeignKeys.Child> children = renames.isEmpty() ? List.of()
                : dev.scion.sql.dml.ForeignKeys.childrenOf(target.db(), target.storedOrThrow());
        BlobKeyLengths.check(session, old.schema(), next);
        TableValue value;
        if (rowsChange) {
            int[] src = sources.stream().mapToInt(Integer::intValue).toArray();
            value = TableRebuilder.rebuild(session, target, old, next, src);
        } else {
            value = rebuildIndexes(next);
        }
        if (autoIncrement > 0 && next.autoIncrementColumn().isPresent()) {
            value = value.withAutoIncrement(Math.max(autoIncrement, 1));
            DdlExecutor.autoIncrementLowered(target.db(), target.storedOrThrow(), value.autoIncrement());
        }
        if (renameTo != null) {
            TableName dest = new TableName(target.db(), renameTo);
            if (dest.exists() && !dest.storedOrThrow().equals(target.storedOrThrow())) {
                throw new SqlError(ErrorCode.TABLE_EXISTS, "Table '" + renameTo + "' already exists");
            }
            String stored = target.storedOrThrow();
            var referencing = dev.scion.sql.dml.ForeignKeys.childrenOf(target.db(), stored);
            target.db().setWorkingRoot(target.db().workingRoot().withoutTable(stored));
            dest.write(RenamedForeignKeys.of(value, stored, renameTo));
            RenamedForeignKeys.inReferencingTables(target.db(), stored, renameTo, referencing);
        } else {
            target.write(value);
        }
        renames.renameInChildren(target, renameTo != null ? renameTo : target.storedOrThrow(), children);
    }

    /** Keeps the row tree; builds trees for new indexes and forgets dropped ones. */
    private TableValue rebuildIndexes(TableSchema next) {
        Map<String, dev.scion.storage.Hash> trees = new HashMap<>();
        TableValue value = new TableValue(next, old.rows(), Map.of(), old.autoIncrement());
        for (IndexDef ix : next.indexes()) {
            String key = ix.name().toLowerCase(Locale.ROOT);
            boolean existed = old.schema().indexes().stream().anyMatch(o -> o.equals(ix));
            if (existed && old.indexes().containsKey(key)) {
                trees.put(key, old.indexes().get(key));
            }
        }
        value = new TableValue(next, old.rows(), trees, old.autoIncrement());
        for (IndexDef ix : next.indexes()) {
            if (!trees.containsKey(ix.name().toLowerCase(Locale.ROOT))) {
                value = IndexBuilder.addIndex(target.db(), value, next, ix);
            }
        }
        return value;
    }
}
