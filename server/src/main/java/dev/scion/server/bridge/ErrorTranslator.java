package dev.scion.server.bridge;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.storage.chunk.StorageFullException;
import dev.scion.wire.api.WireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns engine failures into ERR packets: typed SQL errors keep their code; anything else is 1105, logged. */
final class ErrorTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslator.class);

    private ErrorTranslator() {
    }

    static WireException translate(RuntimeException e) {
        if (e instanceof SqlError se) {
            return new WireException(se.code(), se.sqlState(), se.getMessage(), se);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageFullException full) {
                // the client learns that the write failed for want of space, not that something broke
                LOG.warn("write refused: {}", full.getMessage());
                return new WireException(ErrorCode.DISK_FULL.code(), ErrorCode.DISK_FULL.sqlState(),
                        "Disk full (" + full.getMessage() + "); free some space and retry", e);
            }
        }
        LOG.warn("unexpected failure running a statement", e);
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        return new WireException(1105, "HY000", msg, e);
    }
}
