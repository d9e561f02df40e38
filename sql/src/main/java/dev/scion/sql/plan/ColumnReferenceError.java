package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/**
 * MySQL 8's 1054 (unknown column) and 1052 (ambiguous column) for a reference the validator could not resolve: the
 * column as written, qualifier kept ({@code 'a.zz'}), and the clause it sits in ({@link ColumnClause}). When the
 * error's position finds no identifier, the validator's name and 'field list' stand in.
 */
final class ColumnReferenceError {
    private ColumnReferenceError() {
    }

    static SqlError unknown(SqlNode statement, int line, int column, String validatorName) {
        Optional<ColumnClause> at = ColumnClause.at(statement, line, column);
        String name = at.map(ColumnClause::written).orElse(validatorName);
        String clause = at.map(ColumnClause::clause).orElse(ColumnClause.FIELD_LIST);
        return new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + name + "' in '" + clause + "'");
    }

    /** A qualified reference whose qualifier names no table in scope ({@code q.zz}), or empty for any other. */
    static Optional<SqlError> unknownQualifier(SqlNode statement, int line, int column) {
        return ColumnClause.at(statement, line, column)
                .filter(at -> at.column().names.size() > 1)
                .map(at -> new SqlError(ErrorCode.BAD_FIELD,
                        "Unknown column '" + at.written() + "' in '" + at.clause() + "'"));
    }

    static SqlError ambiguous(SqlNode statement, int line, int column, String validatorName) {
        Optional<ColumnClause> at = ColumnClause.at(statement, line, column);
        String name = at.map(ColumnClause::written).orElse(validatorName);
        String clause = at.map(ColumnClause::clause).orElse(ColumnClause.FIELD_LIST);
        return new SqlError(ErrorCode.NON_UNIQ, "Column '" + name + "' in " + clause + " is ambiguous");
    }
}
