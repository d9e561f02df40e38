package dev.scion.versioning.schema;

import java.util.List;

/**
 * A FOREIGN KEY: the child columns of this table must match a row of the referenced table (in the same
 * database) on the referenced columns, unless one of them is NULL.
 *
 * @param onDelete what deleting a referenced row does: RESTRICT or NO ACTION (both refuse it), CASCADE or SET NULL
 * @param onUpdate what changing a referenced row's key does: the same choices
 */
public record ForeignKeyDef(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                            Action onDelete, Action onUpdate) {

    /** A referential action. */
    public enum Action {
        RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), NO_ACTION("NO ACTION");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        /**
         * Whether SHOW CREATE TABLE names the action. NO ACTION is what a key without the clause gets, so MySQL 8
         * leaves it out; an explicit RESTRICT is printed. (Schemas written before session 17 stored RESTRICT for an
         * unspecified action too, so their keys now print ON ... RESTRICT: the same behaviour, spelled out.)
         */
        public boolean printed() {
            return this != NO_ACTION;
        }
    }

    public ForeignKeyDef {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
