package dev.scion.sql.ddl;

import dev.scion.sql.dml.ForeignKeys;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.ForeignKeyDef;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import java.util.List;

import static dev.scion.sql.ddl.ForeignKeyDefinitions.leads;

/**
 * What an ALTER TABLE may not do to a table that takes part in foreign keys, checked on the schema before and
 * after (MySQL's rules, with foreign_key_checks on): drop the last index that leads with a key's columns, on either
 * side (1553), change a key column's type to one the other side's column does not match (3780), or shorten a
 * key column's string or binary type, which MySQL cannot do in place (1832 on the referencing side, 1833 on the
 * referenced side).
 */
final class ForeignKeyAlterRules {
    private ForeignKeyAlterRules() {
    }

    /** {@code renames}: the columns this statement renamed; keys that reference them follow the new names. */
    static void check(Session session, TableName target, TableSchema before, TableSchema after,
                      ColumnRenames renames) {
        // a key's own index may not go even with checks off (MySQL: "dropping an index required by a foreign key
        // constraint is not permitted, even with foreign_key_checks=0")
        for (ForeignKeyDef fk : after.foreignKeys()) {
            requireLeadingIndex(before, after, fk.columns(), fk.columns(), fk.name());
        }
        if (!ForeignKeys.enabled(session)) {
            return;
        }
        String table = target.storedOrThrow();
        for (ForeignKeyDef fk : after.foreignKeys()) {
            if (!fk.referencedTable().equalsIgnoreCase(table)) {
                TableName parent = new TableName(target.db(), fk.referencedTable());
                if (parent.exists()) {
                    requireCompatible(before, after, fk.columns(), parent.read().schema(), fk.referencedColumns(),
                            fk, null);
                }
            }
        }
        for (ForeignKeys.Child child : ForeignKeys.childrenOf(target.db(), table)) {
            ForeignKeyDef fk = child.key();
            if (child.table().equalsIgnoreCase(table)) {
                continue; // a self reference is the table's own key, checked above
            }
            requireLeadingIndex(before, after, fk.referencedColumns(), renames.apply(fk.referencedColumns()),
                    fk.name());
            requireCompatible(before, after, fk.referencedColumns(), child.schema(), fk.columns(), fk,
                    target.db().name() + "." + child.table());
        }
    }

    /** 1553 when {@code columns} lost the last index (or primary key) that led with them. */
    private static void requireLeadingIndex(TableSchema before, TableSchema after, List<String> columns,
                                            List<String> columnsAfter, String keyName) {
        if (served(after, columnsAfter) || !served(before, columns)) {
            return; // still served, or never was (not this statement's doing)
        }
        String dropped = leads(before.primaryKey(), columns) ? "PRIMARY" : before.indexes().stream()
                .filter(ix -> !ix.fulltext() && leads(ix.columns(), columns)
                        && after.indexes().stream().noneMatch(x -> x.name().equalsIgnoreCase(ix.name())))
                .map(IndexDef::name).findFirst().orElse("PRIMARY");
        throw new SqlError(ErrorCode.DROP_INDEX_FK, "Cannot drop index '" + dropped
                + "': needed in a foreign key constraint '" + keyName + "'");
    }

    private static boolean served(TableSchema s, List<String> columns) {
        return leads(s.primaryKey(), columns)
                || s.indexes().stream().anyMatch(ix -> !ix.fulltext() && leads(ix.columns(), columns));
    }

    /**
     * 3780 when a key column of this table changed type and no longer matches the other side's column; 1832 / 1833
     * when it was shortened. {@code childTable} is the referencing table as db.table when this table is the
     * referenced one, null when this table is the referencing one.
     */
    private static void requireCompatible(TableSchema before, TableSchema after, List<String> mine,
                                          TableSchema other, List<String> theirs, ForeignKeyDef fk,
                                          String childTable) {
        boolean referencing = childTable == null;
        for (int i = 0; i < mine.size() && i < theirs.size(); i++) {
            int a = after.columnIndex(mine.get(i));
            int b = before.columnIndex(mine.get(i));
            int o = other.columnIndex(theirs.get(i));
            if (a < 0 || b < 0 || o < 0) {
                continue;
            }
            ColumnType now = after.columns().get(a).type();
            if (now.equals(before.columns().get(b).type())) {
                continue;
            }
            if (shortened(before.columns().get(b).type(), now)) {
                throw new SqlError(referencing ? ErrorCode.FK_COLUMN_CANNOT_CHANGE
                        : ErrorCode.FK_COLUMN_CANNOT_CHANGE_CHILD, "Cannot change column '" + mine.get(i)
                        + "': used in a foreign key constraint '" + fk.name() + "'"
                        + (referencing ? "" : " of table '" + childTable + "'"));
            }
            Column otherColumn = other.columns().get(o);
            if (!compatible(now, otherColumn.type())) {
                String referencingColumn = referencing ? mine.get(i) : theirs.get(i);
                String referencedColumn = referencing ? theirs.get(i) : mine.get(i);
                throw new SqlError(ErrorCode.FK_INCOMPATIBLE, "Referencing column '" + referencingColumn
                        + "' and referenced column '" + referencedColumn + "' in foreign key constraint '"
                        + fk.name() + "' are incompatible.");
            }
        }
    }

    private static boolean shortened(ColumnType was, ColumnType now) {
        boolean sized = switch (now.kind()) {
            case CHAR, VARCHAR, BINARY, VARBINARY -> true;
            default -> false;
        };
        return sized && was.kind() == now.kind() && now.length() < was.length();
    }

    /**
     * MySQL's rule for the two columns of a foreign key: the same type and signedness; string and binary lengths
     * may differ, a DECIMAL's precision and scale may not.
     */
    static boolean compatible(ColumnType a, ColumnType b) {
        if (a.kind() != b.kind() || a.unsigned() != b.unsigned()) {
            return false;
        }
        return a.kind() != TypeKind.DECIMAL || (a.length() == b.length() && a.scale() == b.scale());
    }
}
