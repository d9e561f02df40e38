package dev.scion.versioning.merge;

import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;

import java.util.List;

/**
 * The SQL evaluation a merge needs: which of a table's CHECK constraints a row fails, and the values of its
 * generated columns and defaults. Both are SQL expressions and versioning has no SQL evaluator, so whoever starts a merge or a
 * constraint check passes one in (the SQL layer evaluates them as an INSERT would). {@link #NONE} checks nothing
 * and computes nothing; it is what callers without an evaluator get.
 */
@FunctionalInterface
public interface RowConstraintChecker {
    RowConstraintChecker NONE = (schema, row) -> List.of();

    /** The checks of {@code schema} that {@code row} (decoded in that schema) fails: false fails, NULL passes. */
    List<CheckDef> failedChecks(TableSchema schema, Object[] row);

    /**
     * {@code row} (decoded in {@code schema}) with its generated columns computed from its other columns; the
     * default leaves the row as it is.
     */
    default Object[] computeGenerated(TableSchema schema, Object[] row) {
        return row;
    }

    /**
     * The default of column {@code c} for {@code row} (decoded in {@code schema}; a default may read the row's other
     * columns); the default gives NULL.
     */
    default Object defaultValue(TableSchema schema, Column c, Object[] row) {
        return null;
    }

    /**
     * The three-way merge of a JSON cell both sides changed differently (JSON texts, base null when the row is new
     * on both sides), or null when the documents conflict; the default always conflicts. Parsing and printing
     * JSON belong to the SQL layer, which stores documents in MySQL's normal form.
     */
    default String mergeJson(String base, String ours, String theirs) {
        return null;
    }

    /** The text recorded in the violation map for a failed check; starts with "check constraint". */
    static String describe(CheckDef check) {
        return "check constraint {\"Name\": \"" + check.name().replace("\"", "\\\"") + "\", \"Expression\": \""
                + check.expressionSql().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
