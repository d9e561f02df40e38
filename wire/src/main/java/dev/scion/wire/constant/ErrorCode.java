package dev.scion.wire.constant;

import dev.scion.wire.api.WireException;

/** The server errors the wire layer itself raises. */
public enum ErrorCode {
    ER_CON_COUNT_ERROR(1040, "08004", "Too many connections"),
    ER_ACCESS_DENIED_ERROR(1045, "28000", "Access denied for user '%s'@'%s' (using password: %s)"),
    ER_UNKNOWN_COM_ERROR(1047, "08S01", "Unknown command"),
    ER_HANDSHAKE_ERROR(1043, "08S01", "Bad handshake"),
    ER_UNKNOWN_ERROR(1105, "HY000", "%s"),
    ER_NET_PACKET_TOO_LARGE(1153, "08S01", "Got a packet bigger than 'max_allowed_packet' bytes"),
    ER_NET_ERROR_ON_WRITE(1160, "08S01", "Got an error writing communication packets"),
    ER_WRONG_ARGUMENTS(1210, "HY000", "Incorrect arguments to %s"),
    ER_UNKNOWN_STMT_HANDLER(1243, "HY000", "Unknown prepared statement handler (%s) given to %s"),
    ER_NOT_SUPPORTED_YET(1235, "42000", "This version of MySQL doesn't yet support '%s'"),
    ER_MALFORMED_PACKET(1835, "HY000", "Malformed communication packet.");

    private final int code;
    private final String sqlState;
    private final String template;

    ErrorCode(int code, String sqlState, String template) {
        this.code = code;
        this.sqlState = sqlState;
        this.template = template;
    }

    public int code() {
        return code;
    }

    public String sqlState() {
        return sqlState;
    }

    public String message(Object... args) {
        return args.length == 0 ? template : String.format(template, args);
    }

    public WireException exception(Object... args) {
        return new WireException(code, sqlState, message(args));
    }
}
