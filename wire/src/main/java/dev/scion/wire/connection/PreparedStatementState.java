package dev.scion.wire.connection;

import dev.scion.wire.api.WireColumn;
import dev.scion.wire.api.WirePreparedStatement;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The wire layer's side of a prepared statement: the handler's handle plus what must survive between
 * executes: the parameter types (clients send them only when they change), long data chunks, an open cursor.
 */
public final class PreparedStatementState {

    private final long id;
    private final WirePreparedStatement handle;
    private final int parameterCount;
    private final List<WireColumn> columns;
    private int[] parameterTypes;
    private ByteArrayOutputStream[] longData;
    private Cursor cursor;

    PreparedStatementState(long id, WirePreparedStatement handle, int parameterCount, List<WireColumn> columns) {
        this.id = id;
        this.handle = handle;
        this.parameterCount = parameterCount;
        this.columns = columns;
    }

    public long id() {
        return id;
    }

    public WirePreparedStatement handle() {
        return handle;
    }

    public int parameterCount() {
        return parameterCount;
    }

    public List<WireColumn> columns() {
        return columns;
    }

    /** Types from the last execute that sent them ({@code type | flags << 8}), or null. */
    public int[] parameterTypes() {
        return parameterTypes;
    }

    public void parameterTypes(int[] types) {
        this.parameterTypes = types;
    }

    /** Appends a COM_STMT_SEND_LONG_DATA chunk; ignored for a parameter index out of range. */
    public void appendLongData(int parameter, byte[] chunk) {
        if (parameter < 0 || parameter >= parameterCount) {
            return;
        }
        if (longData == null) {
            longData = new ByteArrayOutputStream[parameterCount];
        }
        if (longData[parameter] == null) {
            longData[parameter] = new ByteArrayOutputStream();
        }
        longData[parameter].writeBytes(chunk);
    }

    /** Which parameters have long data, or null if none. */
    public boolean[] longDataFlags() {
        if (longData == null) {
            return null;
        }
        boolean[] flags = new boolean[parameterCount];
        for (int i = 0; i < parameterCount; i++) {
            flags[i] = longData[i] != null;
        }
        return flags;
    }

    public byte[] longData(int parameter) {
        return longData == null || longData[parameter] == null ? null : longData[parameter].toByteArray();
    }

    public void clearLongData() {
        longData = null;
    }

    public Cursor cursor() {
        return cursor;
    }

    public void cursor(Cursor cursor) {
        this.cursor = cursor;
    }

    public void closeCursor() {
        cursor = null;
    }
}
