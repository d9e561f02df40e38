package dev.scion.wire.command;

import dev.scion.wire.api.ResultSink;
import dev.scion.wire.api.WireColumn;
import dev.scion.wire.api.WireException;
import dev.scion.wire.connection.ConnectionClosedException;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.connection.PacketWriter;
import dev.scion.wire.constant.ErrorCode;
import dev.scion.wire.constant.StatusFlag;
import dev.scion.wire.packet.MySqlPacket;
import dev.scion.wire.packet.generic.EofPacket;
import dev.scion.wire.packet.generic.ErrPacket;
import dev.scion.wire.packet.generic.OkPacket;
import dev.scion.wire.packet.result.BinaryResultRowPacket;
import dev.scion.wire.packet.result.ColumnCountPacket;
import dev.scion.wire.packet.result.ColumnDefinition41Packet;
import dev.scion.wire.packet.result.TextResultRowPacket;

import java.util.List;

/**
 * Streams a command's results to the client (text rows for COM_QUERY, binary rows for COM_STMT_EXECUTE).
 *
 * <p>Each result ends with an OK or EOF packet that is held back until the next result starts or the command
 * ends: only then is it known whether SERVER_MORE_RESULTS_EXISTS must be set on it.
 */
public class QueryResultSink implements ResultSink {

    protected final MySqlConnection connection;
    protected final PacketWriter writer;
    protected final boolean binary;
    private MySqlPacket pendingEnd;
    private Rows openRows;
    private boolean anyResult;
    private boolean finished;

    public QueryResultSink(MySqlConnection connection, boolean binary) {
        this.connection = connection;
        this.writer = connection.writer();
        this.binary = binary;
    }

    @Override
    public void ok(long affectedRows, long lastInsertId, int warnings, String info) {
        startResult();
        pendingEnd = new OkPacket(affectedRows, lastInsertId, connection.statusFlags(), warnings, info, false);
    }

    @Override
    public RowWriter beginRows(List<WireColumn> columns) {
        startResult();
        List<WireColumn> copy = List.copyOf(columns);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a row set needs at least one column");
        }
        Rows rows = newRows(copy);
        openRows = rows;
        return rows;
    }

    @Override
    public java.io.InputStream localFile(String fileName) throws WireException {
        if (binary) {
            return ResultSink.super.localFile(fileName);
        }
        if (!dev.scion.wire.constant.CapabilityFlag.CLIENT_LOCAL_FILES.in(connection.capabilities())) {
            throw ErrorCode.ER_CLIENT_LOCAL_FILES_DISABLED.exception();
        }
        if (finished) {
            throw new IllegalStateException("the command's results were already sent");
        }
        // earlier results of a multi-statement query are complete: their end goes out (with MORE_RESULTS) first
        endOpenRows();
        releasePending(true);
        java.io.InputStream content = connection.startLocalInfile();
        writer.write(new dev.scion.wire.packet.result.LocalInfileRequestPacket(fileName));
        writer.flush();
        return content;
    }

    /** Opens the row writer of a result: writes the metadata and streams rows. */
    protected Rows newRows(List<WireColumn> columns) {
        writeMetadata(columns, 0);
        return new Rows(columns);
    }

    protected void writeMetadata(List<WireColumn> columns, int extraStatus) {
        writer.write(new ColumnCountPacket(columns.size()));
        for (WireColumn column : columns) {
            writer.write(new ColumnDefinition41Packet(column));
        }
        if (!connection.deprecateEof()) {
            writer.write(new EofPacket(0, connection.statusFlags() | extraStatus));
        }
    }

    /** The terminator of a row set: EOF, or an OK with 0xFE header under CLIENT_DEPRECATE_EOF. */
    protected MySqlPacket rowSetEnd(int warnings, int status) {
        return connection.deprecateEof() ? new OkPacket(0, 0, status, warnings, null, true)
                : new EofPacket(warnings, status);
    }

    private void startResult() {
        if (finished) {
            throw new IllegalStateException("the command's results were already sent");
        }
        endOpenRows();
        releasePending(true);
        anyResult = true;
    }

    private void endOpenRows() {
        if (openRows != null) {
            openRows.end(0);
        }
    }

    /** Writes the held-back end of the previous result; {@code more}: another result follows. */
    private void releasePending(boolean more) {
        if (pendingEnd == null) {
            return;
        }
        MySqlPacket end = pendingEnd;
        pendingEnd = null;
        int flag = more ? StatusFlag.SERVER_MORE_RESULTS_EXISTS.bit() : 0;
        if (end instanceof OkPacket ok) {
            end = ok.withStatus(ok.statusFlags() | flag);
        } else if (end instanceof EofPacket eof) {
            end = eof.withStatus(eof.statusFlags() | flag);
        }
        writer.write(end);
    }

    /** Hook for subclasses: the row set {@code rows} has ended. */
    protected void rowSetEnded(Rows rows, int warnings) {
        pendingEnd = rowSetEnd(warnings, connection.statusFlags());
    }

    /** The command completed: send the last result's end (or a plain OK if the handler sent nothing). */
    public void finish() {
        if (finished) {
            return;
        }
        endOpenRows();
        if (!anyResult) {
            pendingEnd = new OkPacket(connection.statusFlags());
        }
        releasePending(false);
        finished = true;
    }

    /** The command failed, possibly after some results or rows: end with an ERR packet. */
    public void fail(WireException e) {
        if (finished) {
            return;
        }
        openRows = null;
        releasePending(true);
        writer.write(ErrPacket.of(e));
        finished = true;
    }

    /** Streams the rows of one result. */
    protected class Rows implements RowWriter {
        protected final List<WireColumn> columns;

        protected Rows(List<WireColumn> columns) {
            this.columns = columns;
        }

        @Override
        public void row(Object[] values) throws WireException {
            if (openRows != this) {
                throw new IllegalStateException("row() after the row set ended");
            }
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(
                        "row has " + values.length + " values for " + columns.size() + " columns");
            }
            try {
                writeRow(binary ? new BinaryResultRowPacket(columns, values)
                        : new TextResultRowPacket(columns, values));
            } catch (ConnectionClosedException e) {
                throw ErrorCode.ER_NET_ERROR_ON_WRITE.exception();
            }
        }

        protected void writeRow(MySqlPacket row) {
            writer.write(row);
        }

        @Override
        public void end(int warnings) {
            if (openRows != this) {
                return;
            }
            openRows = null;
            rowSetEnded(this, warnings);
        }
    }
}
