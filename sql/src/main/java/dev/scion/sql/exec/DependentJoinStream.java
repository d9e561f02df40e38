package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

/**
 * The output of a join whose inner rows depend on the outer row: for each outer row an inner stream is opened
 * ({@link #open}), and each inner row that {@link #join} accepts is a match. INNER and LEFT return the joined rows
 * (LEFT pads an outer row without match with NULLs); SEMI and ANTI return the outer row once when it has (or has not)
 * a match, stopping at the first. The index lookup join (inner rows found by key) and the correlated sub-query (inner
 * plan re-run with the row bound) differ only in those two steps, so both stream through this class.
 */
abstract class DependentJoinStream implements RowStream {
    private final RowStream outer;
    private final JoinKind kind;
    private final int innerWidth;
    private Object[] current;
    private RowStream inner;
    private boolean matched;

    /** @param innerWidth how many NULLs pad an outer row without match in a LEFT join */
    DependentJoinStream(RowStream outer, JoinKind kind, int innerWidth) {
        if (kind != JoinKind.INNER && kind != JoinKind.LEFT && kind != JoinKind.SEMI && kind != JoinKind.ANTI) {
            throw new IllegalArgumentException("a dependent join cannot run a " + kind + " join");
        }
        this.outer = outer;
        this.kind = kind;
        this.innerWidth = innerWidth;
    }

    /** The inner rows for {@code outerRow}. */
    abstract RowStream open(Object[] outerRow);

    /** Called before each read of the inner stream (a correlation binds its row again here). */
    void beforeRead(Object[] outerRow) {
    }

    /** The joined row when {@code innerRow} matches {@code outerRow}, else null. */
    abstract Object[] join(Object[] outerRow, Object[] innerRow);

    @Override
    public final Object[] next() {
        while (true) {
            if (current == null) {
                current = outer.next();
                if (current == null) {
                    return null;
                }
                inner = open(current);
                matched = false;
            }
            Object[] joined = null;
            while (joined == null) {
                beforeRead(current);
                Object[] row = inner.next();
                if (row == null) {
                    break;
                }
                joined = join(current, row);
            }
            if (joined != null) {
                matched = true;
                if (kind == JoinKind.INNER || kind == JoinKind.LEFT) {
                    return joined;
                }
            }
            Object[] done = current; // the inner rows are exhausted, or SEMI / ANTI know their answer
            inner.close();
            inner = null;
            current = null;
            if (kind == JoinKind.SEMI && matched || kind == JoinKind.ANTI && !matched) {
                return done;
            }
            if (kind == JoinKind.LEFT && !matched) {
                return JoinKind.concat(done, new Object[innerWidth]);
            }
        }
    }

    @Override
    public final void close() {
        if (inner != null) {
            inner.close();
        }
        outer.close();
    }
}
