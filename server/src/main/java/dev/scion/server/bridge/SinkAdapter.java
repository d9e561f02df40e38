package dev.scion.server.bridge;

import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.wire.api.ResultSink;
import dev.scion.wire.api.WireException;

import java.util.function.Consumer;

/** Streams each statement result to the client as it is produced. */
final class SinkAdapter implements Consumer<StatementResult> {
    private final ResultSink sink;
    private final dev.scion.sql.session.Session session;

    SinkAdapter(ResultSink sink, dev.scion.sql.session.Session session) {
        this.sink = sink;
        this.session = session;
    }

    @Override
    public void accept(StatementResult result) {
        if (result instanceof StatementResult.Update u) {
            sink.ok(u.affectedRows(), u.lastInsertId(), session.warnings().size(), u.info());
            return;
        }
        StatementResult.Rows rows = (StatementResult.Rows) result;
        ResultSink.RowWriter writer = sink.beginRows(ColumnTranslator.translate(rows.columns()));
        try (RowStream stream = rows.rows()) {
            Object[] r;
            while ((r = stream.next()) != null) {
                writer.row(r);
            }
        } catch (WireException e) {
            throw new ClientGoneException(e);
        }
        writer.end(session.warnings().size());
    }

    /** The client stopped reading; abandons the statement. */
    static final class ClientGoneException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClientGoneException(WireException cause) {
            super(cause.getMessage(), cause);
        }

        WireException wire() {
            return (WireException) getCause();
        }
    }
}
