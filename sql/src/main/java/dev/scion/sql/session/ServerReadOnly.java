package dev.scion.sql.session;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

/**
 * The server-wide read_only setting (config {@code read_only}, {@code @@GLOBAL.read_only}): every statement that
 * would change a database, create or drop one, or move a ref fails with error 1290 as in MySQL. Checked where
 * statements are dispatched and, as a safety net, where a transaction publishes its changes.
 */
public final class ServerReadOnly {
    private ServerReadOnly() {
    }

    /** The global value only: a session cannot lift the server's setting for itself. */
    public static boolean isOn(Session session) {
        Object v = session.engine().globalVariable("read_only");
        if (v instanceof Long n) {
            return n == 1; // the usual form, checked before every fast-path write: no string made
        }
        String t = v == null ? "" : v.toString().trim();
        return t.equals("1") || t.equalsIgnoreCase("ON") || t.equalsIgnoreCase("true");
    }

    /** Throws 1290 when the server is read-only. */
    public static void refuseWrite(Session session) {
        if (isOn(session)) {
            throw new SqlError(ErrorCode.OPTION_PREVENTS_STATEMENT,
                    "The MySQL server is running with the --read-only option so it cannot execute this statement");
        }
    }
}
