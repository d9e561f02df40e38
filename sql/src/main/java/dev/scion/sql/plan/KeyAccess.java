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
 * ({@link KeyValues}). The full filter is still applied afterwards, so this
 * only narrows the scan.
 */
record KeyAccess(KeyRange range, byte[] pointKey) {

    static KeyAccess full() {
        return new KeyAccess(null, null);
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
        for (RexNode c : conjuncts) {
            if (!(c instanceof RexCall call) || call.getOperands().size() != 2) {
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
                continue;
            }
            Object constant = KeyConstants.value(r);
            if (constant == null || constant == KeyConstants.NOT_CONSTANT) {
                continue;
            }
            Object v = keyValue(schema, column, constant, kind);
            if (v == null && sortKeyed(schema, column) && constant instanceof String text
                    && sameCollation(schema, column, l, r)) {
                v = text; // the key holds the collation's sort key, which encodes the constant as the filter compares
            }
            if (v == null) {
                continue;
            }
            for (int k = 0; k < pk.length; k++) {
                if (pk[k] != column) {
                    continue;
                }
                if (kind == SqlKind.EQUALS) {
                    eq[k] = v;
                    have[k] = true;
                } else if (k == 0) {
                    switch (kind) {
                        case GREATER_THAN -> {
                            lo = v;
                            loIncl = false;
                        }
                        case GREATER_THAN_OR_EQUAL -> lo = v;
                        case LESS_THAN -> {
                            hi = v;
                            hiIncl = false;
                        }
                        case LESS_THAN_OR_EQUAL -> hi = v;
                        default -> {
                        }
                    }
                }
            }
        }
        RowCodec codec = dev.scion.versioning.table.SchemaCodecs.of(table).rows();
        boolean all = true;
        for (boolean h : have) {
            all &= h;
        }
        if (all) {
            return new KeyAccess(null, codec.keyFromKeyValues(eq));
        }
        if (have[0]) {
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
        return new KeyAccess(new KeyRange(start, true, end, false), null);
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
