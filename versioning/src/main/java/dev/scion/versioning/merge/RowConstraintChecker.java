package dev.scion.versioning.merge;

import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.TableSchema;

import java.util.List;

/**
 * Decides which of a table's CHECK constraints a row fails. The conditions are SQL expressions and versioning has
 * no SQL evaluator, so whoever starts a merge or a constraint check passes one in (the SQL layer evaluates them
 * as an INSERT would). {@link #NONE} checks nothing; it is what callers without an evaluator get.
 */
@FunctionalInterface
public interface RowConstraintChecker {
    RowConstraintChecker NONE = (schema, row) -> List.of();

    /** The checks of {@code schema} that {@code row} (decoded in that schema) fails: false fails, NULL passes. */
    List<CheckDef> failedChecks(TableSchema schema, Object[] row);

    /** The text recorded in the violation map for a failed check; starts with "check constraint". */
    static String describe(CheckDef check) {
        return "check constraint {\"Name\": \"" + check.name().replace("\"", "\\\"") + "\", \"Expression\": \""
                + check.expressionSql().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
