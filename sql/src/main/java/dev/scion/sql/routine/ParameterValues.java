package dev.scion.sql.routine;

import dev.scion.sql.dml.ColumnValues;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TypeKind;

import java.util.Locale;

/**
 * An argument bound to a routine parameter, converted to the parameter's declared type. MySQL stores the argument
 * into the parameter as into a column of that type: a temporal parameter given text that is no date or time fails
 * with 1292 ("Incorrect datetime value: 'hi' for column 'x' at row 1") under a strict sql_mode and becomes NULL
 * with that warning otherwise. Other types keep the interpreter's conversion ({@link RoutineInterpreter#coerce}).
 */
final class ParameterValues {
    private ParameterValues() {
    }

    static Object bind(Session session, ProcedureDefinition.Parameter p, Object value) {
        TypeKind temporal = temporalKind(p.type());
        if (value == null || temporal == null) {
            return RoutineInterpreter.coerce(value, p.type());
        }
        Column column = new Column(p.name(), ColumnType.of(temporal), true, null, false, null, 0);
        try {
            return ColumnValues.coerce(value, column, 1);
        } catch (SqlError e) {
            if (ColumnValues.strict(session)) {
                throw e;
            }
            session.addWarning(e.code(), e.getMessage());
            // MySQL's zero value of the type: the zero date (TIME has none here)
            return temporal == TypeKind.TIME ? null : dev.scion.sql.expr.ZeroDates.of(temporal == TypeKind.DATE);
        }
    }

    /** DATE, DATETIME, TIMESTAMP or TIME for a declared type of that kind; null for any other. */
    private static TypeKind temporalKind(String declared) {
        if (declared == null) {
            return null;
        }
        String base = declared.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s(].*", "");
        return switch (base) {
            case "DATE" -> TypeKind.DATE;
            case "DATETIME" -> TypeKind.DATETIME;
            case "TIMESTAMP" -> TypeKind.TIMESTAMP;
            case "TIME" -> TypeKind.TIME;
            default -> null;
        };
    }
}
