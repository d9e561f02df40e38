package dev.scion.sql.exec;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;
import dev.scion.storage.tuple.TupleDescriptor;
import dev.scion.versioning.schema.ColumnType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merge join of two inputs that both arrive in ascending order of their join keys (table reads in primary-key
 * order): the two streams advance together, and only the right rows sharing one key value are held at a time, so
 * nothing else is materialised and rows stream out in the left input's order. Keys are compared as their key
 * encodings ({@link KeyValues}), which is the order the inputs come in, so text is compared by bytes exactly as the
 * trees order it. A NULL key matches nothing and sorts first. INNER and LEFT joins.
 */
public final class MergeJoinOp implements Operator {
    private final Operator left;
    private final Operator right;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final ColumnType[] leftTypes;
    private final ColumnType[] rightTypes;
    private final Expr residual;
    private final JoinKind kind;
    private final int rightWidth;

    /**
     * @param leftTypes  the column type each left key is stored as (its table column's), so its value is encoded as
     *                   the input is ordered
     * @param rightTypes the same for the right keys; each pair must share a storage type
     * @param residual   the rest of the condition, tested on each joined row (null: none)
     */
    public MergeJoinOp(Operator left, Operator right, int[] leftKeys, int[] rightKeys, ColumnType[] leftTypes,
                       ColumnType[] rightTypes, Expr residual, JoinKind kind, int rightWidth) {
        if (kind != JoinKind.INNER && kind != JoinKind.LEFT) {
            throw new IllegalArgumentException("a merge join cannot run a " + kind + " join");
        }
        for (int i = 0; i < leftTypes.length; i++) {
            if (leftTypes[i].fieldType() != rightTypes[i].fieldType()) {
                throw new IllegalArgumentException("merge keys of different storage types");
            }
        }
        this.left = left;
        this.right = right;
        this.leftKeys = leftKeys.clone();
        this.rightKeys = rightKeys.clone();
        this.leftTypes = leftTypes.clone();
        this.rightTypes = rightTypes.clone();
        this.residual = residual;
        this.kind = kind;
        this.rightWidth = rightWidth;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        TupleDescriptor keys = new TupleDescriptor(Arrays.stream(leftTypes).map(ColumnType::fieldType)
                .toArray(dev.scion.storage.tuple.FieldType[]::new));
        RowStream l = left.open(ctx);
        RowStream r = right.open(ctx);
        return new RowStream() {
            /** The right row after the current group, and its key; null at the end. */
            Object[] nextRight = r.next();
            byte[] nextRightKey = nextRight == null ? null : key(nextRight, rightKeys, rightTypes, keys);
            /** The right rows whose key is groupKey. */
            final List<Object[]> group = new ArrayList<>();
            byte[] groupKey;
            Object[] current;
            int position;
            boolean matched;

            @Override
            public Object[] next() {
                while (true) {
                    if (current != null) {
                        while (position < group.size()) {
                            Object[] joined = JoinKind.concat(current, group.get(position++));
                            if (residual == null || Boolean.TRUE.equals(Values.truth(residual.eval(joined, ctx)))) {
                                matched = true;
                                return joined;
                            }
                        }
                        Object[] done = current;
                        current = null;
                        if (kind == JoinKind.LEFT && !matched) {
                            return JoinKind.concat(done, new Object[rightWidth]);
                        }
                    }
                    current = l.next();
                    if (current == null) {
                        return null;
                    }
                    ctx.checkCancelled();
                    position = 0;
                    matched = false;
                    byte[] k = key(current, leftKeys, leftTypes, keys);
                    if (k == null) {
                        group.clear();
                        groupKey = null;
                    } else if (groupKey == null || !Arrays.equals(k, groupKey)) {
                        fill(k);
                    }
                }
            }

            /** Moves the right input up to {@code k} and holds the rows with that key (none when it has none). */
            private void fill(byte[] k) {
                group.clear();
                groupKey = k;
                while (nextRight != null && (nextRightKey == null || Arrays.compareUnsigned(nextRightKey, k) < 0)) {
                    advance();
                }
                while (nextRight != null && Arrays.equals(nextRightKey, k)) {
                    group.add(nextRight);
                    advance();
                }
            }

            private void advance() {
                nextRight = r.next();
                nextRightKey = nextRight == null ? null : key(nextRight, rightKeys, rightTypes, keys);
            }

            @Override
            public void close() {
                l.close();
                r.close();
            }
        };
    }

    /** The row's key values encoded as the trees order them, or null when one is NULL (it matches nothing). */
    private static byte[] key(Object[] row, int[] columns, ColumnType[] types, TupleDescriptor keys) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = KeyValues.exact(types[i], row[columns[i]]);
            if (values[i] == null) {
                return null;
            }
        }
        return keys.encodeKey(values);
    }

    @Override
    public String explain() {
        return "MergeJoin " + kind + " left" + Arrays.toString(leftKeys) + " = right" + Arrays.toString(rightKeys)
                + (residual == null ? "" : " +residual");
    }

    @Override
    public List<Operator> inputs() {
        return List.of(left, right);
    }
}
