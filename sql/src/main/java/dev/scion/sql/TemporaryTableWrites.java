package dev.scion.sql;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.parser.ddl.SqlCreateMySqlTable;
import dev.scion.sql.parser.ddl.SqlDropMySqlTable;
import dev.scion.sql.parser.ddl.SqlMySqlAlterTable;
import dev.scion.sql.parser.ddl.SqlTruncateMySqlTable;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

import java.util.Optional;

/**
 * Whether a statement writes only the session's temporary tables: MySQL lets such a statement run in a READ ONLY
 * transaction and under {@code read_only}, since nothing it changes outlives the session or is seen by another.
 */
final class TemporaryTableWrites {
    private TemporaryTableWrites() {
    }

    static boolean only(Session session, SqlNode node) {
        if (node instanceof SqlCreateMySqlTable create) {
            return create.isTemporary();
        }
        if (node instanceof SqlDropMySqlTable drop) {
            return drop.isTemporary();
        }
        if (session.temporaryTables().isEmpty()) {
            return false;
        }
        SqlNode target = node instanceof SqlInsert insert ? insert.getTargetTable()
                : node instanceof SqlUpdate update ? update.getTargetTable()
                : node instanceof SqlDelete delete ? delete.getTargetTable()
                : node instanceof SqlMySqlAlterTable alter ? alter.getName()
                : node instanceof SqlTruncateMySqlTable truncate ? truncate.getName() : null;
        return target instanceof SqlIdentifier id && isTemporary(session, id);
    }

    private static boolean isTemporary(Session session, SqlIdentifier id) {
        String table = id.names.get(id.names.size() - 1);
        Optional<DatabaseState> db = id.names.size() > 1 ? session.findDatabase(id.names.get(id.names.size() - 2))
                : session.currentDatabase() == null ? Optional.empty() : session.findDatabase(session.currentDatabase());
        return db.flatMap(d -> session.temporaryTables().shadowing(d, table)).isPresent();
    }
}
