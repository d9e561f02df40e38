package dev.scion.sql.ddl;

import dev.scion.sql.dml.ColumnValues;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TypeKind;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MySQL's sql_mode rule for a DATE, DATETIME or TIMESTAMP column's zero default ({@code DEFAULT 0}, {@code DEFAULT
 * '0000-00-00 00:00:00'}): with NO_ZERO_DATE in a strict mode (MySQL 8's default mode has both) it is 1067 "Invalid
 * default value", as MySQL refuses it in CREATE TABLE and in ALTER TABLE adding or changing the column. Otherwise
 * the definition is kept as written, and a row taking that default stores the zero date (dml.ZeroDateWrites).
 */
final class ZeroDateDefaults {
    /** The default's SQL text: the number 0 (any spelling) or a string of a zero date, time part optional. */
    private static final Pattern ZERO = Pattern.compile("0+(\\.0*)?|'0000-00-00( 00:00:00(\\.0*)?)?'");

    private ZeroDateDefaults() {
    }

    static void check(Session session, Column column) {
        TypeKind kind = column.type().kind();
        if (kind != TypeKind.DATE && kind != TypeKind.DATETIME && kind != TypeKind.TIMESTAMP
                || column.defaultSql() == null || !ZERO.matcher(column.defaultSql().strip()).matches()) {
            return;
        }
        Object mode = session.variable("sql_mode");
        if (mode != null && mode.toString().toUpperCase(Locale.ROOT).contains("NO_ZERO_DATE")
                && ColumnValues.strict(session)) {
            throw new SqlError(ErrorCode.INVALID_DEFAULT, "Invalid default value for '" + column.name() + "'");
        }
    }
}
