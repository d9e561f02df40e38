package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

import java.util.List;

/**
 * A system table that accepts some writes (dolt_branches, dolt_conflicts_<t>). The DML executors select the
 * affected rows with the table's own scan and hand them here; each write says what it means in version-control
 * terms, so the default is to refuse.
 */
public interface WritableSystemTable extends SystemTable {

    /** INSERT: rows hold the values of {@code columns} (lower case), in that order. */
    default long insert(Session session, DatabaseState db, List<String> columns, List<Object[]> rows) {
        throw readOnly("INSERT");
    }

    /** DELETE: the full rows the WHERE clause matched. */
    default long delete(Session session, DatabaseState db, List<Object[]> rows) {
        throw readOnly("DELETE");
    }

    /** UPDATE: each matched full row and its new version. */
    default long update(Session session, DatabaseState db, List<Object[]> before, List<Object[]> after) {
        throw readOnly("UPDATE");
    }

    private SqlError readOnly(String what) {
        return new SqlError(ErrorCode.UNKNOWN_ERROR, "table '" + name() + "' does not support " + what);
    }
}
