package dev.scion.sql.plan;

import dev.scion.sql.exec.KeyValues;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.tuple.TupleDescriptor;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Which part of a table's primary key a filter needs: a single key (every key column compared for equality
 * with a constant) or a range on the first key column, for key columns whose encoding orders as their values compare
 * ({@link KeyValues}). The full filter is applied afterwards unless {@code exact}: the key or range holds exactly
 * the rows the filter keeps, because every conjunct compared an integer key column with an integer constant and
 * each became one bound (sysbench's {@code id BETWEEN ? AND ?}). Key columns are never NULL, so no row's NULL can
 * make the filter unknown where the range holds it.
 */
record KeyAccess(KeyRange range, byte[] pointKey, boolean exact) {

    static KeyAccess full() {
        return new KeyAccess(null, null, false);
    }

    static KeyAccess derive(TableValue table, RexNode condition) {
        TableSchema schema = table.schema();
        if (schema.isKeyless()) {
            return full();
        }
        int[] pk = schema.primaryKeyIndexes();
        List<RexNode> conjuncts = new ArrayList<>();
        flattenAnd(condition, conjuncts);
        Object[] eq = new Object[pk.length];
        boolean[] have = new boolean[pk.length];
        Object lo = null;
        boolean loIncl = true;
        Object hi = null;
        boolean hiIncl = true;
        // exact while every conjunct so far became a bound of its own on an integer key column, from an integer
        boolean exact = true;
        for (RexNode c : conjuncts) {
            if (!(c instanceof RexCall call) || call.getOperands().size() != 2) {
                exact = false;
                continue;
            }
            RexNode l = call.getOperands().get(0);
            RexNode r = call.getOperands().get(1);
            SqlKind kind = call.getKind();
            if (KeyConstants.column(r) >= 0 && KeyConstants.isConstant(l)) {
                RexNode tmp = l;
                l = r;
                r = tmp;
                kind = kind.reverse();
            }
            int column = KeyConstants.column(l);
            if (column < 0 || column >= schema.columns().size() || !KeyConstants.isConstant(r)) {
                exact = false;
                continue;
            }
            Object constant = KeyConstants.value(r);
            if (constant == null || constant == KeyConstants.NOT_CONSTANT) {
                exact = false;
                continue;
            }
            Object v = keyValue(schema, column, constant, kind);
            if (v == null && sortKeyed(schema, column) && constant instanceof String text
                    && sameCollation(schema, column, l, r)) {
                v = text; // the key holds the collation's sort key, which encodes the constant as the filter compares
            }
            if (v == null) {
                exact = false;
                continue;
            }
            exact &= constant instanceof Long && schema.columns().get(column).type().kind().isInteger()
                    && !sortKeyed(schema, column);
            boolean bound = false;
            for (int k = 0; k < pk.length; k++) {
                if (pk[k] != column) {
                    continue;
                }
                if (kind == SqlKind.EQUALS) {
                    exact &= !have[k];
                    eq[k] = v;
                    have[k] = true;
                    bound = true;
                } else if (k == 0) {
                    switch (kind) {
                        case GREATER_THAN -> {
                            exact &= lo == null;
                            lo = v;
                            loIncl = false;
                            bound = true;
                        }
                        case GREATER_THAN_OR_EQUAL -> {
                            exact &= lo == null;
                            lo = v;
                            bound = true;
                        }
                        case LESS_THAN -> {
                            exact &= hi == null;
                            hi = v;
                            hiIncl = false;
                            bound = true;
                        }
                        case LESS_THAN_OR_EQUAL -> {
                            exact &= hi == null;
                            hi = v;
                            bound = true;
                        }
                        default -> {
                        }
                    }
                }
            }
            exact &= bound;
        }
        RowCodec codec = dev.scion.versioning.table.SchemaCodecs.of(table).rows();
        boolean all = true;
        for (boolean h : have) {
            all &= h;
        }
        if (all) {
            return new KeyAccess(null, codec.keyFromKeyValues(eq), exact && lo == null && hi == null);
        }
        for (int k = 1; k < have.length; k++) {
            exact &= !have[k]; // an equality on a later key column narrows nothing here
        }
        if (have[0]) {
            exact &= lo == null && hi == null;
            lo = eq[0];
            hi = eq[0];
            loIncl = true;
            hiIncl = true;
        }
        if (lo == null && hi == null) {
            return full();
        }
        TupleDescriptor first = new TupleDescriptor(schema.columns().get(pk[0]).type().fieldType());
        var firstType = schema.columns().get(pk[0]).type();
        boolean sortKeyedFirst = sortKeyed(schema, pk[0]);
        byte[] start = lo == null ? null : sortKeyedFirst ? codec.keyFromKeyValues(new Object[] {lo})
                : first.encodeKey(new Object[] {dev.scion.versioning.schema.ChoiceValues.toStored(firstType, lo)});
        byte[] end = hi == null ? null : sortKeyedFirst ? codec.keyFromKeyValues(new Object[] {hi})
                : first.encodeKey(new Object[] {dev.scion.versioning.schema.ChoiceValues.toStored(firstType, hi)});
        // Keys are the first column followed by the rest, so an inclusive end must cover every suffix.
        if (end != null && hiIncl) {
            end = dev.scion.versioning.table.KeyPrefix.end(end);
            hiIncl = false;
        }
        if (start != null && !loIncl) {
            start = dev.scion.versioning.table.KeyPrefix.end(start);
            loIncl = true;
        }
        return new KeyAccess(new KeyRange(start, true, end, false), null, exact);
    }

    /** A literal converted to the stored type of the column, or null if it cannot be used for a key lookup. */
    private static Object keyValue(TableSchema schema, int col, Object v, SqlKind comparison) {
        var type = schema.columns().get(col).type();
        var kind = type.kind();
        if (kind.isInteger()) {
            // a literal outside the column's storage range or with a fraction cannot be encoded; the filter decides
            return KeyValues.exact(type, v);
        }
        if (dev.scion.versioning.schema.ChoiceValues.isChoice(type)) {
            // ENUM/SET keys are stored by number but compare with strings by text: only equality maps to a key
            if (comparison != SqlKind.EQUALS || !(v instanceof String text)) {
                return null;
            }
            long number = dev.scion.versioning.schema.ChoiceValues.numberOf(type, text);
            return number < 0 ? null : dev.scion.versioning.schema.ChoiceValues.fromNumber(type, number);
        }
        // other types whose keys order as their values compare (text only when its collation compares bytes: a _ci
        // column's 'abc' = 'ABC' is decided by the filter over a scan); a number against text compares as numbers
        return KeyValues.ordersAsCompared(type) ? KeyValues.exact(type, v) : null;
    }

    /** Whether the row keys hold column {@code col}'s collation sort key (TableSchema#collatedPrimaryKey). */
    static boolean sortKeyed(TableSchema schema, int col) {
        return schema.collatedPrimaryKey()
                && dev.scion.versioning.schema.CollationKeys.sortKeyOf(schema.columns().get(col).type()) != null;
    }

    /**
     * Whether a comparison of the column with a constant compares under the column's own collation (its sort key's),
     * not under an explicit COLLATE of the constant, whose order the key does not follow.
     */
    static boolean sameCollation(TableSchema schema, int col, RexNode column, RexNode constant) {
        String used = dev.scion.sql.expr.TextCollation.forComparison(column, constant, "=");
        String own = schema.columns().get(col).type().collation();
        return used != null && used.equalsIgnoreCase(own);
    }

    private static void flattenAnd(RexNode n, List<RexNode> out) {
        if (n.getKind() == SqlKind.AND) {
            for (RexNode o : ((RexCall) n).getOperands()) {
                flattenAnd(o, out);
            }
        } else if (n.getKind() == SqlKind.SEARCH) {
            out.add(n);
        } else {
            out.add(n);
        }
    }
}
