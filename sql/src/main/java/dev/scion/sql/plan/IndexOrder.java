package dev.scion.sql.plan;

import dev.scion.sql.exec.KeyValues;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.TupleDescriptor;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a table can be read in an ORDER BY's order, so the sort disappears and a LIMIT stops the read early: the
 * sort columns (all ascending or all descending) must be the primary key's or a secondary index's columns following
 * the leading ones the filter fixes by equality ({@code WHERE a = 5 ORDER BY b} on an index (a, b)). Only
 * columns whose key encoding orders exactly as their values compare ({@link KeyValues}: numbers, dates, text of a
 * byte-order collation; NULL first, as Scion sorts NULL low), and no index that keeps only a prefix of a value;
 * descending reads the key order backwards. The primary key is read this way whenever it fits (a table scan already
 * returns key order); a secondary index only with a LIMIT or a fixed prefix, since each of its entries costs a row
 * lookup and a whole-table read in index order is slower than a scan and a sort.
 */
final class IndexOrder {
    /** Read through {@code index} (null: the primary key, in a table scan) in these ranges, backwards if reverse. */
    record Access(IndexDef index, List<KeyRange> ranges, boolean reverse) {
    }

    private IndexOrder() {
    }

    /** How to read {@code table} filtered by {@code condition} (may be null) in the order of {@code sortColumns}. */
    static Access derive(TableValue table, RexNode condition, int[] sortColumns, boolean[] descendingColumns,
                         boolean limited) {
        TableSchema schema = table.schema();
        if (schema.isKeyless()) {
            return null;
        }
        Map<Integer, Object> fixed = condition == null ? Map.of() : fixedColumns(schema, condition);
        List<Integer> order = new ArrayList<>();
        Boolean descending = null;
        for (int i = 0; i < sortColumns.length; i++) {
            if (fixed.containsKey(sortColumns[i])) {
                continue; // a column the filter fixes to one value does not change the order, nor does its direction
            }
            if (descending != null && descending != descendingColumns[i]) {
                return null;
            }
            descending = descendingColumns[i];
            order.add(sortColumns[i]);
        }
        if (order.isEmpty()) {
            return null;
        }
        boolean byPrimaryKey = follows(schema, schema.primaryKeyIndexes(), 0, fixed, order) >= 0;
        KeyAccess pk = condition == null ? KeyAccess.full() : KeyAccess.derive(table, condition);
        if (pk.pointKey() != null || pk.range() != null) {
            // the primary key narrows the read already: read those rows, and sort them unless they are in order
            return byPrimaryKey ? new Access(null, null, descending) : null;
        }
        Access best = null;
        int bestFixed = -1;
        for (IndexDef index : schema.indexes()) {
            if (index.fulltext() || index.hasPrefix() || !table.indexes().containsKey(index.name())) {
                continue; // an index keeping only a prefix of a value does not order the values
            }
            int[] columns = entryColumns(schema, index);
            int e = follows(schema, columns, index.columns().size(), fixed, order);
            if (e < 0 || e == 0 && (!limited || byPrimaryKey) || e <= bestFixed) {
                continue; // without a fixed prefix an index only pays with a LIMIT, and the primary key comes first
            }
            List<KeyRange> ranges;
            if (e > 0) {
                FieldType[] types = new FieldType[e];
                Object[] values = new Object[e];
                for (int i = 0; i < e; i++) {
                    types[i] = schema.columns().get(columns[i]).type().fieldType();
                    values[i] = fixed.get(columns[i]);
                }
                ranges = List.of(KeyRange.prefix(new TupleDescriptor(types).encodeKey(values)));
            } else {
                ranges = IndexRanges.leadingRanges(schema, index, condition);
                if (ranges == null) {
                    ranges = List.of(KeyRange.ALL);
                }
            }
            best = new Access(index, ranges, descending);
            bestFixed = e;
        }
        return best == null && byPrimaryKey ? new Access(null, null, descending) : best;
    }

    /**
     * The columns an index entry is ordered by, as it is encoded: the index's own, then every primary key column
     * (repeated if the index has it too, so a fixed prefix encodes exactly as the entries begin).
     */
    private static int[] entryColumns(TableSchema schema, IndexDef index) {
        List<Integer> out = new ArrayList<>();
        for (String c : index.columns()) {
            out.add(schema.columnIndex(c));
        }
        for (int k : schema.primaryKeyIndexes()) {
            out.add(k);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * How many leading columns of {@code key} are fixed when the rest continue with exactly the columns of
     * {@code order} (all ordering as compared); -1 when the key does not give that order. Positions from
     * {@code rowKeyFrom} on hold the primary key as the row keys encode it, so a text column keyed by its collation's
     * sort key (a collated primary key) orders as its collation compares there.
     */
    private static int follows(TableSchema schema, int[] key, int rowKeyFrom, Map<Integer, Object> fixed,
                               List<Integer> order) {
        int e = 0;
        while (e < key.length && fixed.containsKey(key[e])) {
            e++;
        }
        if (e + order.size() > key.length) {
            return -1;
        }
        for (int i = 0; i < order.size(); i++) {
            int column = key[e + i];
            boolean ordered = KeyValues.ordersAsCompared(schema.columns().get(column).type())
                    || e + i >= rowKeyFrom && KeyAccess.sortKeyed(schema, column);
            if (column != order.get(i) || !ordered) {
                return -1;
            }
        }
        return e;
    }

    /** Key-orderable columns the condition's conjuncts fix to one constant, with their stored values. */
    private static Map<Integer, Object> fixedColumns(TableSchema schema, RexNode condition) {
        Map<Integer, Object> out = new HashMap<>();
        for (RexNode c : RelOptUtil.conjunctions(condition)) {
            if (c.getKind() != SqlKind.EQUALS || !(c instanceof RexCall call)) {
                continue;
            }
            RexNode l = call.getOperands().get(0);
            RexNode r = call.getOperands().get(1);
            if (KeyConstants.column(r) >= 0 && KeyConstants.column(l) < 0) {
                RexNode t = l;
                l = r;
                r = t;
            }
            int column = KeyConstants.column(l);
            if (column < 0 || column >= schema.columns().size() || !KeyConstants.isConstant(r)) {
                continue;
            }
            var type = schema.columns().get(column).type();
            Object v = KeyConstants.value(r);
            Object stored = !KeyValues.ordersAsCompared(type) || v == KeyConstants.NOT_CONSTANT ? null
                    : KeyValues.exact(type, v);
            if (stored != null) {
                out.put(column, stored);
            }
        }
        return out;
    }
}
