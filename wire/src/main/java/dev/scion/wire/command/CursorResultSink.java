package dev.scion.wire.command;

import dev.scion.wire.api.WireColumn;
import dev.scion.wire.api.WireException;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.connection.Cursor;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.connection.PreparedStatementState;
import dev.scion.wire.constant.StatusFlag;
import dev.scion.wire.packet.MySqlPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.util.ArrayDeque;
import java.util.List;

/**
 * COM_STMT_EXECUTE with CURSOR_TYPE_READ_ONLY. A row set is materialised (as MySQL does) instead of being
 * sent; when the statement completes the client gets the metadata followed by an EOF (an OK with 0xFE header
 * under CLIENT_DEPRECATE_EOF) carrying SERVER_STATUS_CURSOR_EXISTS, and fetches rows with COM_STMT_FETCH.
 * A statement that returns no rows answers as without a cursor.
 */
public final class CursorResultSink extends QueryResultSink {

    private final PreparedStatementState statement;
    private CursorRows cursorRows;

    public CursorResultSink(MySqlConnection connection, PreparedStatementState statement) {
        super(connection, true);
        this.statement = statement;
    }

    @Override
    protected Rows newRows(List<WireColumn> columns) {
        if (cursorRows != null) {
            throw new IllegalStateException("a cursor statement returned more than one row set");
        }
        cursorRows = new CursorRows(columns);
        return cursorRows;
    }

    @Override
    protected void rowSetEnded(Rows rows, int warnings) {
        // the cursor's metadata is sent when the statement completes
    }

    @Override
    public void ok(long affectedRows, long lastInsertId, int warnings, String info) {
        if (cursorRows != null) {
            throw new IllegalStateException("a cursor statement returned more than one result");
        }
        super.ok(affectedRows, lastInsertId, warnings, info);
    }

    @Override
    public void finish() {
        if (cursorRows == null) {
            super.finish();
            return;
        }
        cursorRows.end(0);
        statement.cursor(new Cursor(cursorRows.columns, cursorRows.rows));
        writeMetadataWithCursor(cursorRows.columns);
    }

    private void writeMetadataWithCursor(List<WireColumn> columns) {
        int status = connection.statusFlags() | StatusFlag.SERVER_STATUS_CURSOR_EXISTS.bit();
        if (connection.deprecateEof()) {
            // metadata without its EOF, then the status-carrying OK
            super.writeMetadata(columns, 0);
            writer.write(rowSetEnd(0, status));
        } else {
            super.writeMetadata(columns, StatusFlag.SERVER_STATUS_CURSOR_EXISTS.bit());
        }
    }

    @Override
    public void fail(WireException e) {
        cursorRows = null;
        super.fail(e);
    }

    private final class CursorRows extends Rows {
        private final ArrayDeque<byte[]> rows = new ArrayDeque<>();

        CursorRows(List<WireColumn> columns) {
            super(columns);
        }

        @Override
        protected void writeRow(MySqlPacket row) {
            ByteBuf buf = Unpooled.buffer(64);
            try {
                row.write(new PacketPayload(buf));
                rows.add(ByteBufUtil.getBytes(buf));
            } finally {
                buf.release();
            }
        }
    }
}
