package dev.scion.sql.plan;

import dev.scion.sql.expr.BoundParameters;
import dev.scion.sql.expr.ExprCompiler;
import dev.scion.storage.prolly.KeyRange;
import dev.scion.storage.tuple.TupleDescriptor;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Which part of a table's primary key a filter needs: a single key (every key column compared for equality
 * with a literal) or a range on the first key column. The full filter is still applied afterwards, so this
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
            if (r instanceof RexInputRef && isConstant(l)) {
                RexNode tmp = l;
                l = r;
                r = tmp;
                kind = kind.reverse();
            }
            if (!(l instanceof RexInputRef ref) || !isConstant(r)) {
                continue;
            }
            Object constant = constantValue(r);
            if (constant == null) {
                continue;
            }
            Object v = keyValue(schema, ref.getIndex(), constant, kind);
            if (v == null) {
                continue;
            }
            for (int k = 0; k < pk.length; k++) {
                if (pk[k] != ref.getIndex()) {
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
        RowCodec codec = new RowCodec(schema);
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
        byte[] start = lo == null ? null
                : first.encodeKey(new Object[] {dev.scion.versioning.schema.ChoiceValues.toStored(firstType, lo)});
        byte[] end = hi == null ? null
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

    private static boolean isConstant(RexNode n) {
        return n instanceof RexLiteral || n instanceof RexDynamicParam;
    }

    /** A literal's value, or the value bound to a cached plan's parameter for this execution. */
    private static Object constantValue(RexNode n) {
        return n instanceof RexDynamicParam p ? BoundParameters.value(p.getIndex())
                : ExprCompiler.literalValue((RexLiteral) n);
    }

    /** A literal converted to the stored type of the column, or null if it cannot be used for a key lookup. */
    private static Object keyValue(TableSchema schema, int col, Object v, SqlKind comparison) {
        var type = schema.columns().get(col).type();
        var kind = type.kind();
        if (kind.isInteger()) {
            boolean unsigned = type.fieldType() == dev.scion.storage.tuple.FieldType.UINT64;
            java.math.BigInteger i;
            if (v instanceof Long l) {
                i = java.math.BigInteger.valueOf(l);
            } else if (v instanceof java.math.BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
                i = d.toBigIntegerExact();
            } else {
                return null;
            }
            // a literal outside the column's storage range cannot be encoded; the filter still decides
            boolean fits = unsigned ? i.signum() >= 0 && i.bitLength() <= 64 : i.bitLength() < 64;
            if (!fits) {
                return null;
            }
            return i.bitLength() < 64 ? (Object) i.longValue() : i;
        }
        if (dev.scion.versioning.schema.ChoiceValues.isChoice(type)) {
            // ENUM/SET keys are stored by number but compare with strings by text: only equality maps to a key
            if (comparison != SqlKind.EQUALS || !(v instanceof String text)) {
                return null;
            }
            long number = dev.scion.versioning.schema.ChoiceValues.numberOf(type, text);
            return number < 0 ? null : dev.scion.versioning.schema.ChoiceValues.fromNumber(type, number);
        }
        // keys hold the text's bytes: only a collation that compares bytes may look them up (a _ci column's
        // 'abc' = 'ABC' is decided by the filter over a scan)
        if (kind.isString() && v instanceof String
                && dev.scion.sql.catalog.Collations.isBinaryOrder(type.collation())) {
            return v;
        }
        return null;
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
