package dev.scion.sql.ddl;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.ddl.SqlMySqlForeignKey;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parsed FOREIGN KEY (table-level, or a column's REFERENCES) into a {@link ForeignKeyDef}, checking it
 * as MySQL does: the referenced table exists in the same database (1824), has the referenced columns (3734)
 * and an index that starts with them (1822). The child's columns get an index if none starts with them.
 */
final class ForeignKeyDefinitions {
    private ForeignKeyDefinitions() {
    }

    /**
     * @param foreignKeyChecks {@code @@foreign_key_checks}: when off, a key may reference a table that does not
     *     exist yet (as in MySQL, so that dumps can create tables in any order); it is enforced once checks are on
     *     and the table exists
     */
    static void add(SchemaBuilder b, TableName target, SqlMySqlForeignKey node, String columnLevelColumn,
                    boolean foreignKeyChecks) {
        List<String> columns = new ArrayList<>();
        if (columnLevelColumn != null) {
            columns.add(columnLevelColumn);
        } else {
            for (SqlNode c : node.getColumns()) {
                columns.add(((SqlIdentifier) c).getSimple());
            }
        }
        List<String> refColumns = new ArrayList<>();
        for (SqlNode c : node.getReferencedColumns()) {
            refColumns.add(((SqlIdentifier) c).getSimple());
        }
        SqlIdentifier ref = node.getReferencedTable();
        String refTable = ref.names.get(ref.names.size() - 1);
        if (ref.names.size() > 1 && !ref.names.get(ref.names.size() - 2).equalsIgnoreCase(target.db().name())) {
            throw new SqlError(ErrorCode.NOT_SUPPORTED_YET,
                    "This version of Scion doesn't yet support foreign keys to another database");
        }
        String name = node.getConstraintName() != null ? node.getConstraintName().getSimple() : null;
        if (name == null) {
            int n = b.foreignKeys.size() + 1;
            while (b.hasForeignKey(b.table() + "_ibfk_" + n)) {
                n++;
            }
            name = b.table() + "_ibfk_" + n;
        } else if (b.hasForeignKey(name)) {
            throw new SqlError(ErrorCode.DUP_KEYNAME, "Duplicate foreign key constraint name '" + name + "'");
        }
        if (columns.size() != refColumns.size()) {
            throw new SqlError(ErrorCode.WRONG_FK_DEF, "Incorrect foreign key definition for '" + name
                    + "': Key reference and table reference don't match");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (b.columnIndex(c) < 0) {
                throw new SqlError(ErrorCode.KEY_COLUMN_DOES_NOT_EXIST, "Key column '" + c
                        + "' doesn't exist in table");
            }
            if (!seen.add(c.toLowerCase(java.util.Locale.ROOT))) {
                throw new SqlError(ErrorCode.DUP_FIELDNAME, "Duplicate column name '" + c + "'");
            }
            columns.set(i, b.columns.get(b.columnIndex(c)).name()); // kept as the table spells it
        }
        boolean self = refTable.equalsIgnoreCase(b.table());
        if (self) {
            refColumns.replaceAll(c -> b.columnIndex(c) < 0 ? c : b.columns.get(b.columnIndex(c)).name());
        } else {
            TableName parent = new TableName(target.db(), refTable);
            if (!parent.exists() && !foreignKeyChecks) {
                b.foreignKeys.add(new ForeignKeyDef(name, columns, refTable, refColumns, action(node.getOnDelete()),
                        action(node.getOnUpdate())));
                addChildIndex(b, node, name, columns);
                return;
            }
            if (!parent.exists()) {
                throw new SqlError(ErrorCode.FK_NO_PARENT_TABLE, "Failed to open the referenced table '" + refTable
                        + "'");
            }
            refTable = parent.storedOrThrow();
            TableSchema ps = parent.read().schema();
            for (int i = 0; i < refColumns.size(); i++) {
                String c = refColumns.get(i);
                if (ps.columnIndex(c) < 0) {
                    throw new SqlError(ErrorCode.FK_NO_COLUMN_PARENT, "Failed to add the foreign key constraint. "
                            + "Missing column '" + c + "' for constraint '" + name + "' in the referenced table '"
                            + refTable + "'");
                }
                refColumns.set(i, ps.columns().get(ps.columnIndex(c)).name());
            }
            if (!leads(ps.primaryKey(), refColumns) && ps.indexes().stream()
                    .noneMatch(ix -> serves(ix, ps.columns(), refColumns.size())
                            && leads(withPrimaryKey(ix.columns(), ps.primaryKey()), refColumns))) {
                throw new SqlError(ErrorCode.FK_MISSING_INDEX, "Failed to add the foreign key constraint. Missing "
                        + "index for constraint '" + name + "' in the referenced table '" + refTable + "'");
            }
            for (int i = 0; i < columns.size(); i++) {
                ColumnType mine = b.columns.get(b.columnIndex(columns.get(i))).type();
                ColumnType theirs = ps.columns().get(ps.columnIndex(refColumns.get(i))).type();
                if (!ForeignKeyColumnTypes.compatible(mine, theirs)) {
                    throw new SqlError(ErrorCode.FK_INCOMPATIBLE, "Referencing column '" + columns.get(i)
                            + "' and referenced column '" + refColumns.get(i) + "' in foreign key constraint '"
                            + name + "' are incompatible.");
                }
            }
        }
        requireNoStoredDependents(b, columns, node);
        b.foreignKeys.add(new ForeignKeyDef(name, columns, refTable, refColumns, action(node.getOnDelete()),
                action(node.getOnUpdate())));
        addChildIndex(b, node, name, columns);
    }

    /**
     * Whether an index can serve as a foreign key's index on its first {@code n} columns: InnoDB takes no FULLTEXT
     * index, none with a prefix length on those columns, and none over a spatial column.
     */
    private static boolean serves(IndexDef ix, List<Column> columns, int n) {
        if (ix.fulltext()) {
            return false;
        }
        for (int i = 0; i < Math.min(n, ix.columns().size()); i++) {
            if (ix.prefixLength(i) > 0) {
                return false;
            }
            String c = ix.columns().get(i);
            if (columns.stream().anyMatch(col -> col.name().equalsIgnoreCase(c) && col.type().kind().isSpatial())) {
                return false;
            }
        }
        return true;
    }

    /**
     * InnoDB refuses a cascading key (ON DELETE / ON UPDATE CASCADE or SET NULL) on a column a STORED generated
     * column is computed from (3192): the cascade would have to recompute the stored value.
     */
    private static void requireNoStoredDependents(SchemaBuilder b, List<String> columns, SqlMySqlForeignKey node) {
        if (!cascades(node.getOnDelete()) && !cascades(node.getOnUpdate())) {
            return;
        }
        for (Column c : b.columns) {
            if (c.generated() && c.stored() && readsAny(c.generatedSql(), columns)) {
                throw new SqlError(ErrorCode.FK_BASE_COLUMN_STORED,
                        "Cannot add foreign key on the base column of stored column. ");
            }
        }
    }

    private static boolean cascades(SqlMySqlForeignKey.Action a) {
        return a == SqlMySqlForeignKey.Action.CASCADE || a == SqlMySqlForeignKey.Action.SET_NULL;
    }

    private static boolean readsAny(String expression, List<String> columns) {
        boolean[] found = {false};
        try {
            dev.scion.sql.parser.MySqlParser.parseExpression(expression).accept(
                    new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
                        @Override
                        public Void visit(SqlIdentifier id) {
                            String n = id.names.get(id.names.size() - 1);
                            found[0] |= columns.stream().anyMatch(n::equalsIgnoreCase);
                            return null;
                        }
                    });
        } catch (org.apache.calcite.sql.parser.SqlParseException e) {
            return false;
        }
        return found[0];
    }

    /**
     * The child's columns get an index of their own unless the primary key or an index already leads with them.
     * Unlike the referenced side, MySQL looks only at the index's declared columns here: an index on {@code (a)}
     * does not serve a child key {@code (a, pk)}, so one is added.
     */
    private static void addChildIndex(SchemaBuilder b, SqlMySqlForeignKey node, String name, List<String> columns) {
        if (!leads(b.primaryKey, columns)
                && b.indexes.stream().noneMatch(ix -> !ix.fulltext() && leads(ix.columns(), columns))) {
            String indexName = node.getIndexName() != null ? node.getIndexName().getSimple()
                    : node.getConstraintName() != null ? name : null;
            b.addForeignKeyIndex(indexName, columns);
        }
    }

    /**
     * A secondary index's columns as InnoDB keys it: its own, then the primary-key columns it does not already
     * hold, so a foreign key may use {@code (a, pk)} of an index on {@code (a)}.
     */
    private static List<String> withPrimaryKey(List<String> index, List<String> primaryKey) {
        List<String> out = new java.util.ArrayList<>(index);
        for (String c : primaryKey) {
            if (index.stream().noneMatch(c::equalsIgnoreCase)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether {@code columns} are the leading columns of {@code key}, in order (names compared without case). */
    static boolean leads(List<String> key, List<String> columns) {
        if (key.size() < columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!key.get(i).equalsIgnoreCase(columns.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static ForeignKeyDef.Action action(SqlMySqlForeignKey.Action a) {
        if (a == null) {
            // MySQL 8 records a key without ON DELETE / ON UPDATE as NO ACTION (information_schema says so)
            return ForeignKeyDef.Action.NO_ACTION;
        }
        return switch (a) {
            case RESTRICT -> ForeignKeyDef.Action.RESTRICT;
            case NO_ACTION -> ForeignKeyDef.Action.NO_ACTION;
            case CASCADE -> ForeignKeyDef.Action.CASCADE;
            case SET_NULL -> ForeignKeyDef.Action.SET_NULL;
            case SET_DEFAULT -> throw new SqlError(ErrorCode.NOT_SUPPORTED_YET,
                    "This version of Scion doesn't yet support ON ... SET DEFAULT (InnoDB rejects it too)");
        };
    }
}
