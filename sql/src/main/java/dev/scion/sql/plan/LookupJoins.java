package dev.scion.sql.plan;

import dev.scion.sql.exec.IndexLookupJoinOp;
import dev.scion.sql.exec.JoinKind;
import dev.scion.sql.exec.KeyLookup;
import dev.scion.sql.exec.KeyValues;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.ExprCompiler;
import dev.scion.sql.expr.TextCollation;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decides whether an equi-join runs as an index nested-loop join ({@link IndexLookupJoinOp}): one side must be a
 * table read (possibly filtered, possibly selecting columns) whose primary key or a secondary index starts with
 * columns the join's equalities give values for (columns whose keys order as their values compare, {@link KeyValues},
 * equated with outer values of a type they compare with as the key does), and the other side must be small against that table. The
 * rule is a row-count comparison: a lookup costs a few node searches, a hash join reads and hashes the whole table,
 * so the lookup wins when the outer side has well under {@link #RATIO} times fewer rows than the table. Row counts
 * are cheap: the table's comes from its tree's root, the outer side's from Calcite's estimate.
 */
final class LookupJoins {
    /** How many times more rows the table must have than the outer side for lookups to be chosen. */
    static final double RATIO = 4;

    /**
     * A join input that is one table read: the table, a filter on its rows, the projection computing its columns
     * from a table row (null: the row itself), and for each of its columns the table column whose value it is for
     * an equality (the column itself or a numeric cast of an integer column; -1 otherwise), and a condition on the
     * projected columns (null: none), which joins the residual.
     */
    record TableSide(ScionTable table, Expr filter, Expr[] project, int[] keyColumns, RexNode projectedCondition) {
        int tableColumn(int sideColumn) {
            return keyColumns == null ? sideColumn : keyColumns[sideColumn];
        }
    }

    /** Which key a lookup uses and how many of its leading columns, with the equalities (by key number) feeding it. */
    private record Access(IndexDef index, int[] keyNumbers) {
    }

    private LookupJoins() {
    }

    /**
     * The lookup join for {@code j}, or null when a hash join should run it. {@code leftKeys[i] = rightKeys[i]} are
     * the join's hashable equalities, {@code keyConjuncts[i]} the condition terms they came from.
     */
    static Operator plan(Join j, JoinKind kind, int[] leftKeys, int[] rightKeys, List<RexNode> keyConjuncts,
                         List<RexNode> residual, Function<RelNode, Operator> build,
                         Function<RelNode, TableSide> tableSide) {
        if (kind != JoinKind.INNER && kind != JoinKind.LEFT && kind != JoinKind.SEMI && kind != JoinKind.ANTI) {
            return null;
        }
        var mq = j.getCluster().getMetadataQuery();
        TableSide right = tableSide.apply(j.getRight());
        if (right != null) {
            Access a = access(right, rightKeys, types(j.getLeft(), leftKeys));
            Double outerRows = mq.getRowCount(j.getLeft());
            if (a != null && outerRows != null && cheaper(outerRows, right)) {
                return build(j, kind, a, right, leftKeys, keyConjuncts, residual, build.apply(j.getLeft()), false);
            }
        }
        if (kind != JoinKind.INNER) {
            return null;
        }
        TableSide left = tableSide.apply(j.getLeft());
        if (left != null) {
            Access a = access(left, leftKeys, types(j.getRight(), rightKeys));
            Double outerRows = mq.getRowCount(j.getRight());
            if (a != null && outerRows != null && cheaper(outerRows, left)) {
                return build(j, kind, a, left, rightKeys, keyConjuncts, residual, build.apply(j.getRight()), true);
            }
        }
        return null;
    }

    private static boolean cheaper(double outerRows, TableSide inner) {
        long tableRows = ProllyMap.load(inner.table().database().buffer(), inner.table().value().rows()).count();
        return outerRows * RATIO < tableRows;
    }

    private static Operator build(Join j, JoinKind kind, Access a, TableSide inner, int[] outerSideKeys,
                                  List<RexNode> keyConjuncts, List<RexNode> residual, Operator outer,
                                  boolean outerIsRight) {
        int[] outerKeys = new int[a.keyNumbers().length];
        List<RexNode> rest = new ArrayList<>(residual);
        boolean[] used = new boolean[keyConjuncts.size()];
        for (int i = 0; i < outerKeys.length; i++) {
            outerKeys[i] = outerSideKeys[a.keyNumbers()[i]];
            used[a.keyNumbers()[i]] = true;
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                rest.add(keyConjuncts.get(i)); // an equality on a column the key does not lead with
            }
        }
        if (inner.projectedCondition() != null) {
            // a row it rejects matches nothing, which is what the residual rejecting the pair means for every kind
            rest.add(outerIsRight ? inner.projectedCondition()
                    : RexUtil.shift(inner.projectedCondition(), j.getLeft().getRowType().getFieldCount()));
        }
        Expr residualExpr = rest.isEmpty() ? null
                : ExprCompiler.compile(RexUtil.composeConjunction(j.getCluster().getRexBuilder(), rest));
        ScionTable t = inner.table();
        KeyLookup lookup = new KeyLookup(t.database(), t.name(), t.value(), a.index(), outerKeys.length);
        return new IndexLookupJoinOp(outer, lookup, outerKeys, inner.filter(), inner.project(), residualExpr, kind,
                outerIsRight);
    }

    /**
     * The key of {@code side}'s table with the longest run of leading columns that {@code sideKeys} (side columns
     * equated with the other side, whose values have {@code outerTypes}) give, the primary key on a tie; null when none starts with one.
     */
    private static Access access(TableSide side, int[] sideKeys, RelDataType[] outerTypes) {
        TableSchema schema = side.table().value().schema();
        if (schema.isKeyless()) {
            return null;
        }
        int[] tableKeys = new int[sideKeys.length];
        for (int i = 0; i < sideKeys.length; i++) {
            tableKeys[i] = side.tableColumn(sideKeys[i]); // -1 matches no key column
        }
        Access best = null;
        int[] pk = schema.primaryKeyIndexes();
        int[] numbers = leading(schema, pk, tableKeys, outerTypes);
        if (numbers.length > 0) {
            best = new Access(null, numbers);
        }
        for (IndexDef index : schema.indexes()) {
            if (index.fulltext() || index.hasPrefix() || !side.table().value().indexes().containsKey(index.name())) {
                continue;
            }
            int[] columns = index.columns().stream().mapToInt(schema::columnIndex).toArray();
            int[] n = leading(schema, columns, tableKeys, outerTypes);
            if (n.length > 0 && (best == null || n.length > best.keyNumbers().length)) {
                best = new Access(index, n);
            }
        }
        return best;
    }

    /**
     * For each leading column of {@code key} that an equality gives with an outer value of a type the column's key
     * can be searched by, the equality's number, in key order.
     */
    private static int[] leading(TableSchema schema, int[] key, int[] tableKeys, RelDataType[] outerTypes) {
        List<Integer> out = new ArrayList<>();
        for (int column : key) {
            if (column < 0 || !KeyValues.ordersAsCompared(schema.columns().get(column).type())) {
                break;
            }
            int found = -1;
            for (int i = 0; i < tableKeys.length && found < 0; i++) {
                if (tableKeys[i] == column && searchable(schema.columns().get(column).type(), outerTypes[i])) {
                    found = i;
                }
            }
            if (found < 0) {
                break;
            }
            out.add(found);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Whether equality of a column of {@code inner} with an outer value of {@code outer} compares the way the
     * column's keys do, so the value's stored form ({@link KeyValues#exact}) finds exactly the equal rows: numbers
     * with numbers (a DECIMAL key not with a double, which compares as a double), dates with dates, text of a
     * byte-order collation with such text.
     */
    private static boolean searchable(ColumnType inner, RelDataType outer) {
        if (inner.kind().isInteger() || inner.kind() == TypeKind.DOUBLE) {
            return SqlTypeUtil.isNumeric(outer);
        }
        return switch (inner.kind()) {
            case DECIMAL -> SqlTypeUtil.isNumeric(outer) && !SqlTypeUtil.isApproximateNumeric(outer);
            case DATE -> outer.getSqlTypeName() == SqlTypeName.DATE;
            case DATETIME, TIMESTAMP -> outer.getSqlTypeName() == SqlTypeName.TIMESTAMP
                    || outer.getSqlTypeName() == SqlTypeName.DATE;
            default -> SqlTypeUtil.isCharacter(outer) && TextCollation.binary(TextCollation.of(outer));
        };
    }

    private static RelDataType[] types(RelNode rel, int[] columns) {
        RelDataType[] out = new RelDataType[columns.length];
        for (int i = 0; i < columns.length; i++) {
            out[i] = rel.getRowType().getFieldList().get(columns[i]).getType();
        }
        return out;
    }
}
