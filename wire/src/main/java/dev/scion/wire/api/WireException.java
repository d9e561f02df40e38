package dev.scion.wire.api;

/** An error to send to the client as an ERR packet. */
public class WireException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String sqlState;

    public WireException(int errorCode, String sqlState, String message) {
        super(message);
        this.errorCode = errorCode;
        this.sqlState = sqlState;
    }

    public WireException(int errorCode, String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.sqlState = sqlState;
    }

    public int errorCode() {
        return errorCode;
    }

    public String sqlState() {
        return sqlState;
    }
}
