package dev.scion.sql.plan;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.TransientTable;

import java.util.function.UnaryOperator;

/**
 * A read of one stored user table, optionally under a filter: the shape the key-order, index-end and point paths
 * can answer from the table's trees. Work tables of recursive CTEs and system tables have no trees, so they are
 * not such reads.
 *
 * @param scan      the scan node (its row type is what the condition and projections refer to)
 * @param table     the table as the statement's snapshot holds it
 * @param condition the filter's condition, or null when there is none
 */
record UserTableRead(LogicalTableScan scan, ScionTable table, RexNode condition) {

    /** {@code rel} as such a read, or null when it is anything else. */
    static UserTableRead of(RelNode rel, UnaryOperator<ScionTable> tables) {
        RexNode condition = null;
        if (rel instanceof LogicalFilter f) {
            condition = f.getCondition();
            rel = f.getInput();
        }
        if (!(rel instanceof LogicalTableScan scan)
                || scan.getTable().unwrap(TransientTable.class) != null
                || scan.getTable().unwrap(SystemTableAdapter.class) != null) {
            return null;
        }
        ScionTable planned = scan.getTable().unwrap(ScionTable.class);
        ScionTable t = planned == null ? null : tables.apply(planned);
        return t == null ? null : new UserTableRead(scan, t, condition);
    }
}
