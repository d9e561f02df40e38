package dev.scion.sql.result;

/**
 * A column of a result set as a MySQL client sees it.
 *
 * @param length   maximum display length in characters
 * @param decimals digits after the point (31 = not fixed, for floating point)
 * @param binary   binary data (charset "binary") rather than text
 */
public record ResultColumn(
        String schema,
        String table,
        String orgTable,
        String name,
        String orgName,
        ColumnKind kind,
        long length,
        int decimals,
        boolean nullable,
        boolean unsigned,
        boolean primaryKey,
        boolean autoIncrement,
        boolean binary) {

    public static ResultColumn text(String name) {
        return new ResultColumn("", "", "", name, name, ColumnKind.VAR_STRING, 1024, 0, true, false, false, false,
                false);
    }

    public static ResultColumn bigint(String name) {
        return new ResultColumn("", "", "", name, name, ColumnKind.LONGLONG, 20, 0, true, false, false, false, true);
    }

    public ResultColumn withName(String newName) {
        return new ResultColumn(schema, table, orgTable, newName, orgName, kind, length, decimals, nullable, unsigned,
                primaryKey, autoIncrement, binary);
    }

    public ResultColumn notNull() {
        return new ResultColumn(schema, table, orgTable, name, orgName, kind, length, decimals, false, unsigned,
                primaryKey, autoIncrement, binary);
    }
}
