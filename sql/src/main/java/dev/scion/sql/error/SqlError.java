package dev.scion.sql.error;

/** An error for the client: carries the MySQL error number and SQLSTATE so no layer above has to guess. */
public class SqlError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public SqlError(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public SqlError(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode errorCode() {
        return code;
    }

    public int code() {
        return code.code();
    }

    public String sqlState() {
        return code.sqlState();
    }

    public static SqlError noSuchTable(String db, String table) {
        return new SqlError(ErrorCode.NO_SUCH_TABLE, "Table '" + db + "." + table + "' doesn't exist");
    }

    public static SqlError unknownDatabase(String db) {
        return new SqlError(ErrorCode.BAD_DB, "Unknown database '" + db + "'");
    }

    public static SqlError noDatabaseSelected() {
        return new SqlError(ErrorCode.NO_DB_SELECTED, "No database selected");
    }

    public static SqlError parse(String near, int line) {
        return new SqlError(ErrorCode.PARSE_ERROR, "You have an error in your SQL syntax; check the manual that "
                + "corresponds to your MySQL server version for the right syntax to use near '" + near
                + "' at line " + line);
    }
}
