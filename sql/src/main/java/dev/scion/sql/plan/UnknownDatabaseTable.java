package dev.scion.sql.plan;

import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.Optional;

/**
 * The validator's "Object 'db' not found" for {@code FROM db.t} where no database db exists, as MySQL reports it:
 * 1146 naming {@code db.t} (the validator names only the first part, which read as a table of the current database).
 * The error's position finds the two-part name in the statement.
 */
final class UnknownDatabaseTable {
    private UnknownDatabaseTable() {
    }

    static Optional<SqlError> of(Session session, SqlNode statement, String first, int line, int column) {
        SqlIdentifier[] found = {null};
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                if (found[0] == null && id.names.size() == 2 && id.names.get(0).equals(first)
                        && id.getParserPosition().getLineNum() == line
                        && id.getParserPosition().getColumnNum() == column) {
                    found[0] = id;
                }
                return null;
            }
        });
        if (found[0] == null || session.findDatabase(first).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(SqlError.noSuchTable(first, found[0].names.get(1)));
    }
}
