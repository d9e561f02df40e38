package dev.scion.sql.trigger;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

/**
 * The error a SIGNAL raises: code 1644 (1643 for a 02xxx "not found" state) or the MYSQL_ERRNO it sets, with the
 * SQLSTATE the SIGNAL names.
 */
public final class SignalError extends SqlError {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int errno;

    public SignalError(String sqlState, String message) {
        this(sqlState, message, ErrorCode.SIGNAL_EXCEPTION.code());
    }

    public SignalError(String sqlState, String message, int errno) {
        super(ErrorCode.SIGNAL_EXCEPTION, message);
        this.sqlState = sqlState;
        this.errno = errno;
    }

    @Override
    public String sqlState() {
        return sqlState;
    }

    @Override
    public int code() {
        return errno;
    }
}
