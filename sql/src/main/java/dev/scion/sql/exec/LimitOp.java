package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

/** Skips {@code offset} rows and stops after {@code fetch} (negative = no limit). */
public final class LimitOp implements Operator {
    private final Operator input;
    private final long offset;
    private final long fetch;

    public LimitOp(Operator input, long offset, long fetch) {
        this.input = input;
        this.offset = offset;
        this.fetch = fetch;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        RowStream in = input.open(ctx);
        return new RowStream() {
            long skipped;
            long emitted;

            @Override
            public Object[] next() {
                while (skipped < offset) {
                    if (in.next() == null) {
                        return null;
                    }
                    skipped++;
                }
                if (fetch >= 0 && emitted >= fetch) {
                    return null;
                }
                Object[] r = in.next();
                if (r != null) {
                    emitted++;
                }
                return r;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public String explain() {
        return "Limit offset=" + offset + " fetch=" + (fetch < 0 ? "all" : Long.toString(fetch));
    }

    @Override
    public java.util.List<Operator> inputs() {
        return java.util.List.of(input);
    }
}
