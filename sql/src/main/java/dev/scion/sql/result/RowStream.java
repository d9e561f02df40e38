package dev.scion.sql.result;

/** Rows pulled one at a time; never materialised as a whole. */
public interface RowStream extends AutoCloseable {
    /** The next row, or null at the end. */
    Object[] next();

    @Override
    default void close() {
    }

    static RowStream of(java.util.List<Object[]> rows) {
        java.util.Iterator<Object[]> it = rows.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }
}
