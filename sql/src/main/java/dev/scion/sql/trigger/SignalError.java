package dev.scion.sql.trigger;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

/** The error a trigger's SIGNAL raises: code 1644 with the SQLSTATE the SIGNAL names. */
public final class SignalError extends SqlError {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public SignalError(String sqlState, String message) {
        super(ErrorCode.SIGNAL_EXCEPTION, message);
        this.sqlState = sqlState;
    }

    @Override
    public String sqlState() {
        return sqlState;
    }
}
