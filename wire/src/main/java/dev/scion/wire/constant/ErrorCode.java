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
    ER_MALFORMED_PACKET(1835, "HY000", "Malformed communication packet."),
    ER_SECURE_TRANSPORT_REQUIRED(3159, "HY000",
            "Connections using insecure transport are prohibited while --require_secure_transport=ON."),
    ER_NET_READ_INTERRUPTED(1159, "08S01", "Got timeout reading communication packets"),
    ER_CLIENT_INTERACTION_TIMEOUT(4031, "HY000",
            "The client was disconnected by the server because of inactivity. See wait_timeout and "
                    + "interactive_timeout for configuring this behavior."),
    ER_QUERY_INTERRUPTED(1317, "70100", "Query execution was interrupted"),
    ER_NO_SUCH_THREAD(1094, "HY000", "Unknown thread id: %s"),
    ER_CLIENT_LOCAL_FILES_DISABLED(3948, "42000",
            "Loading local data is disabled; this must be enabled on both the client and server sides");

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
