package dev.scion.sql.session;

import java.io.InputStream;

/**
 * Where LOAD DATA LOCAL INFILE gets the client's file: the server installs one per statement that asks the
 * client over the protocol. Without a client (embedded use) there is none.
 */
public interface LocalFileSource {

    /** No client to ask. */
    LocalFileSource NONE = fileName -> {
        throw new dev.scion.sql.error.SqlError(dev.scion.sql.error.ErrorCode.LOCAL_FILES_DISABLED,
                "Loading local data is disabled; this must be enabled on both the client and server sides");
    };

    /** Asks the client for {@code fileName}; the stream ends where the file does. */
    InputStream open(String fileName);
}
