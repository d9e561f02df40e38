package dev.scion.sql.exec;

import dev.scion.sql.expr.Values;
import dev.scion.sql.result.RowStream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sorts all input rows. NULL sorts first ascending and last descending, as in MySQL. */
public final class SortOp implements Operator {
    /**
     * A sort key; {@code json} orders by MySQL's JSON comparison (a JSON-typed column or expression);
     * {@code collation} (null: binary) orders strings by a column's collation or an explicit COLLATE.
     */
    public record Key(int field, boolean descending, boolean json, String collation) {
        public Key(int field, boolean descending, boolean json) {
            this(field, descending, json, null);
        }

        public Key(int field, boolean descending) {
            this(field, descending, false, null);
        }
    }

    private final Operator input;
    private final List<Key> keys;

    public SortOp(Operator input, List<Key> keys) {
        this.input = input;
        this.keys = keys;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        List<Object[]> rows = new ArrayList<>();
        try (RowStream in = input.open(ctx)) {
            Object[] r;
            while ((r = in.next()) != null) {
                ctx.checkCancelled();
                rows.add(r);
            }
        }
        RowSorter.sort(rows, keys);
        return RowStream.of(rows);
    }

    static Comparator<Object[]> comparator(List<Key> keyList) {
        // an array, not the list: a list's iterator per comparison was a tenth of a sorted range query's allocation
        Key[] keys = keyList.toArray(new Key[0]);
        return (a, b) -> {
            for (Key k : keys) {
                Object x = a[k.field()];
                Object y = b[k.field()];
                int c;
                if (x == null || y == null) {
                    c = x == null ? (y == null ? 0 : -1) : 1;
                } else if (k.json()) {
                    c = dev.scion.sql.expr.json.JsonCompare.compare(x, true, y, true);
                } else if (k.collation() != null && x instanceof String xs && y instanceof String ys) {
                    c = dev.scion.sql.catalog.Collations.compare(k.collation(), xs, ys);
                } else {
                    c = Values.compare(x, y);
                }
                if (c != 0) {
                    return k.descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    @Override
    public String explain() {
        StringBuilder sb = new StringBuilder("Sort");
        for (Key k : keys) {
            sb.append(' ').append(k.field()).append(k.descending() ? " DESC" : " ASC");
        }
        return sb.toString();
    }

    @Override
    public java.util.List<Operator> inputs() {
        return java.util.List.of(input);
    }
}
