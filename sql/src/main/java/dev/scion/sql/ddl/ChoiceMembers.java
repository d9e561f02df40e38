package dev.scion.sql.ddl;

import dev.scion.sql.dml.ColumnValues;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.ChoiceValues;
import dev.scion.versioning.schema.Column;

/**
 * An ENUM or SET column must declare each member once, equality taken under the column's collation
 * ({@code SET('a', 'A') COLLATE utf8mb4_0900_ai_ci} repeats 'a'; under a binary collation it does not): a repeat is
 * MySQL's 1291 in strict mode and a note otherwise.
 */
final class ChoiceMembers {
    private ChoiceMembers() {
    }

    static void check(Session session, Column column) {
        if (!ChoiceValues.isChoice(column.type())) {
            return;
        }
        String repeated = ChoiceValues.firstDuplicate(column.type().values(), column.type().collation());
        if (repeated == null) {
            return;
        }
        String message = "Column '" + column.name() + "' has duplicated value '" + repeated + "' in "
                + column.type().kind().name();
        if (ColumnValues.strict(session)) {
            throw new SqlError(ErrorCode.DUPLICATED_VALUE_IN_TYPE, message);
        }
        session.addNote(ErrorCode.DUPLICATED_VALUE_IN_TYPE.code(), message);
    }
}
