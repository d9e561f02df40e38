package dev.scion.wire.connection;

import dev.scion.wire.api.WireColumn;

import java.util.ArrayDeque;
import java.util.List;

/**
 * A read-only cursor opened by COM_STMT_EXECUTE: like MySQL, the rows are materialised when the statement
 * runs (here as encoded binary-protocol row payloads) and handed out by COM_STMT_FETCH.
 */
public final class Cursor {

    private final List<WireColumn> columns;
    private final ArrayDeque<byte[]> rows;

    public Cursor(List<WireColumn> columns, ArrayDeque<byte[]> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    public List<WireColumn> columns() {
        return columns;
    }

    /** The next row payload, or null when all rows have been fetched. */
    public byte[] next() {
        return rows.poll();
    }

    public boolean exhausted() {
        return rows.isEmpty();
    }
}
