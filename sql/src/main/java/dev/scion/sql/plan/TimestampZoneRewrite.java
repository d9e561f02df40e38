package dev.scion.sql.plan;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.scion.sql.expr.StoredTimestamps;
import dev.scion.sql.expr.TimestampZoneOperator;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TypeKind;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;

/**
 * Makes a query see TIMESTAMP columns in the session's time zone when it is not UTC. Stored TIMESTAMP values are UTC
 * (docs/storage-format.md); scans return them so, since the rows they read may be written back. The conversion is
 * put where a column's value is used instead: an expression over it reads {@code SCION_FROM_UTC(col, zone)}, and a
 * value that only passes through projections, filters, sorts and joins is converted where the query returns it (or
 * before an operator this class does not follow, such as an aggregate; a correlated sub-query reads the outer row's
 * stored fields through the conversion too). Two uses keep the stored value, so that keys
 * stay usable: a comparison of the column with a constant, whose constant is converted to UTC instead (how MySQL
 * compares a TIMESTAMP column too), and a comparison of two stored TIMESTAMP columns. The first
 * {@link StoredRowReads} columns of a write's row query are returned as stored.
 */
final class TimestampZoneRewrite {
    private final RexBuilder rex;
    private final ZoneId zone;
    /** The stored fields of each correlate's left input, which its right side reads as {@code $corN.field}. */
    private final Map<CorrelationId, BitSet> correlated = new HashMap<>();

    /** A rewritten node and which of its output fields carry stored (UTC) TIMESTAMP values. */
    private record Rewritten(RelNode rel, BitSet stored) {
    }

    private TimestampZoneRewrite(RexBuilder rex, ZoneId zone) {
        this.rex = rex;
        this.zone = zone;
    }

    /** The plan reading TIMESTAMP columns in {@code zone}; the first {@code storedColumns} outputs left as stored. */
    static RelNode rewrite(RelNode rel, ZoneId zone, int storedColumns) {
        TimestampZoneRewrite r = new TimestampZoneRewrite(rel.getCluster().getRexBuilder(), zone);
        Rewritten top = r.visit(rel);
        BitSet convert = (BitSet) top.stored().clone();
        convert.clear(0, Math.max(0, storedColumns));
        return r.convertFields(top.rel(), convert);
    }

    private Rewritten visit(RelNode node) {
        if (node instanceof TableScan scan) {
            return new Rewritten(scan, timestampColumns(scan));
        }
        if (node instanceof Correlate c) {
            // the left rows pass through as they are (an UPDATE may write them back); the right side reads the
            // correlated fields in the zone
            Rewritten left = visit(c.getLeft());
            correlated.put(c.getCorrelationId(), left.stored());
            Rewritten right = visit(c.getRight());
            int leftCount = left.rel().getRowType().getFieldCount();
            BitSet both = (BitSet) left.stored().clone();
            right.stored().stream().forEach(i -> both.set(leftCount + i));
            boolean leftOnly = c.getJoinType() == JoinRelType.SEMI || c.getJoinType() == JoinRelType.ANTI;
            return new Rewritten(c.copy(c.getTraitSet(), left.rel(), right.rel(), c.getCorrelationId(),
                    c.getRequiredColumns(), c.getJoinType()), leftOnly ? left.stored() : both);
        }
        List<Rewritten> inputs = new ArrayList<>();
        for (RelNode input : node.getInputs()) {
            inputs.add(visit(input));
        }
        if (node instanceof LogicalFilter f) {
            Rewritten in = inputs.get(0);
            return new Rewritten(f.copy(f.getTraitSet(), in.rel(), use(f.getCondition(), in.stored())), in.stored());
        }
        if (node instanceof LogicalProject p) {
            Rewritten in = inputs.get(0);
            BitSet stored = new BitSet();
            List<RexNode> exprs = new ArrayList<>();
            for (int i = 0; i < p.getProjects().size(); i++) {
                RexNode e = p.getProjects().get(i);
                if (e instanceof RexInputRef ref && in.stored().get(ref.getIndex())) {
                    stored.set(i); // passed on unchanged, converted where it is used or returned
                    exprs.add(e);
                } else {
                    exprs.add(use(e, in.stored()));
                }
            }
            return new Rewritten(p.copy(p.getTraitSet(), in.rel(), exprs, p.getRowType()), stored);
        }
        if (node instanceof LogicalSort s) {
            // UTC order is the local order (but for the hour a DST change repeats)
            Rewritten in = inputs.get(0);
            return new Rewritten(s.copy(s.getTraitSet(), List.of(in.rel())), in.stored());
        }
        if (node instanceof Join j) {
            Rewritten left = inputs.get(0);
            Rewritten right = inputs.get(1);
            int leftCount = left.rel().getRowType().getFieldCount();
            BitSet both = (BitSet) left.stored().clone();
            right.stored().stream().forEach(i -> both.set(leftCount + i));
            RexNode condition = use(j.getCondition(), both);
            boolean leftOnly = j.getJoinType() == JoinRelType.SEMI || j.getJoinType() == JoinRelType.ANTI;
            return new Rewritten(j.copy(j.getTraitSet(), condition, left.rel(), right.rel(), j.getJoinType(),
                    j.isSemiJoinDone()), leftOnly ? left.stored() : both);
        }
        // any other operator (aggregates, set operations, windows, table functions) gets local values
        List<RelNode> converted = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            RelNode c = convertFields(inputs.get(i).rel(), inputs.get(i).stored());
            converted.add(c);
            changed |= c != node.getInputs().get(i);
        }
        return new Rewritten(changed ? node.copy(node.getTraitSet(), converted) : node, new BitSet());
    }

    private static BitSet timestampColumns(TableScan scan) {
        BitSet stored = new BitSet();
        ScionTable table = scan.getTable().unwrap(ScionTable.class);
        if (table != null) {
            List<Column> columns = table.value().schema().columns();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).type().kind() == TypeKind.TIMESTAMP) {
                    stored.set(i);
                }
            }
        }
        return stored;
    }

    /** {@code rel} with the {@code fields} converted to local values by a projection above it. */
    private RelNode convertFields(RelNode rel, BitSet fields) {
        if (fields.isEmpty()) {
            return rel;
        }
        List<RexNode> exprs = new ArrayList<>();
        for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
            RexNode ref = rex.makeInputRef(rel, i);
            exprs.add(fields.get(i) ? local(ref) : ref);
        }
        return LogicalProject.create(rel, List.of(), exprs, rel.getRowType());
    }

    private RexNode local(RexNode stored) {
        return rex.makeCall(stored.getType(), TimestampZoneOperator.FROM_UTC,
                List.of(stored, rex.makeLiteral(zone.getId())));
    }

    /** An expression over fields some of which are stored TIMESTAMP values, reading them as local ones. */
    private RexNode use(RexNode e, BitSet stored) {
        if (stored.isEmpty() && correlated.isEmpty()) {
            return e;
        }
        return e.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return stored.get(ref.getIndex()) ? local(ref) : ref;
            }

            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexCorrelVariable v) {
                    BitSet outer = correlated.get(v.id);
                    if (outer != null && outer.get(access.getField().getIndex())) {
                        return local(access);
                    }
                }
                return super.visitFieldAccess(access);
            }

            @Override
            public RexNode visitCall(RexCall call) {
                RexNode kept = comparisonKeepingStored(call, stored);
                return kept != null ? kept : super.visitCall(call);
            }
        });
    }

    /**
     * A comparison of a stored column with a constant (the constant converted to UTC) or with another stored column
     * (nothing converted), or null when {@code call} is no such comparison.
     */
    private RexNode comparisonKeepingStored(RexCall call, BitSet stored) {
        if (!call.isA(SqlKind.COMPARISON) || call.getOperands().size() != 2) {
            return null;
        }
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        boolean aStored = a instanceof RexInputRef r && stored.get(r.getIndex());
        boolean bStored = b instanceof RexInputRef r && stored.get(r.getIndex());
        if (aStored && bStored) {
            return call;
        }
        if (aStored || bStored) {
            RexNode constant = storedConstant(aStored ? b : a, aStored ? a : b);
            if (constant != null) {
                return call.clone(call.getType(), aStored ? List.of(a, constant) : List.of(constant, b));
            }
        }
        return null;
    }

    /** A literal datetime read in the session's zone, as the UTC literal a stored column compares with. */
    private RexNode storedConstant(RexNode e, RexNode column) {
        if (!(e instanceof RexLiteral literal) || literal.isNull()) {
            return null;
        }
        Object value = switch (literal.getType().getSqlTypeName()) {
            case TIMESTAMP -> literal.getValueAs(TimestampString.class).toString();
            case CHAR, VARCHAR -> literal.getValueAs(String.class);
            default -> null;
        };
        LocalDateTime local = value == null ? null : StoredTimestamps.readDateTime(value);
        if (local == null) {
            return null;
        }
        LocalDateTime utc = (LocalDateTime) StoredTimestamps.toStored(local, zone);
        TimestampString ts = new TimestampString(utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(),
                utc.getHour(), utc.getMinute(), utc.getSecond()).withNanos(utc.getNano());
        int precision = Math.max(column.getType().getPrecision(), utc.getNano() == 0 ? 0 : 6);
        return rex.makeTimestampLiteral(ts, Math.min(precision, 6));
    }
}
