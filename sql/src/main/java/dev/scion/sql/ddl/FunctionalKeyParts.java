package dev.scion.sql.ddl;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.MySqlParser;
import dev.scion.sql.plan.RowExpressions;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A functional key part ({@code INDEX ((lower(name)))}) as MySQL keeps it: a hidden VIRTUAL column named
 * {@code !hidden!<index>!<part>!0} computing the expression, which the index then names like any column. The
 * column's type is the expression's; MySQL's refusals (a bare column, a non-deterministic function, TEXT / BLOB
 * results, a primary or FULLTEXT key) are raised here.
 */
final class FunctionalKeyParts {
    private FunctionalKeyParts() {
    }

    /** MySQL's name for an unnamed index whose first part is an expression (then _2, _3 ...). */
    static final String DEFAULT_INDEX_NAME = "functional_index";

    /** The hidden column's name for key part {@code part} (0-based) of index {@code index}. */
    static String columnName(String index, int part) {
        return Column.HIDDEN_PREFIX + index + "!" + part + "!0";
    }

    /** Refuses a functional part where MySQL does: in a primary key (3756) or a FULLTEXT index (3759). */
    static void refuseIn(boolean primary, boolean fulltext) {
        if (primary) {
            throw new SqlError(ErrorCode.FUNCTIONAL_INDEX_PRIMARY_KEY, "The primary key cannot be a functional index");
        }
        if (fulltext) {
            throw new SqlError(ErrorCode.FULLTEXT_FUNCTIONAL_INDEX, "Fulltext functional index is not supported.");
        }
    }

    /**
     * The hidden column for {@code expression}, key part {@code part} of {@code index}, typed over the table's
     * {@code columns} as they are now.
     */
    static Column hiddenColumn(String table, String index, int part, SqlNode expression, List<Column> columns) {
        if (expression instanceof SqlIdentifier) {
            throw new SqlError(ErrorCode.FUNCTIONAL_INDEX_ON_FIELD,
                    "Functional index on a column is not supported. Consider using a regular index instead.");
        }
        if (!CheckExpressions.isDeterministic(expression)) {
            throw new SqlError(ErrorCode.FUNCTIONAL_INDEX_FUNCTION_IS_NOT_ALLOWED, "Expression of functional index '"
                    + index + "' contains a disallowed function.");
        }
        List<RowExpressions.Field> fields = new ArrayList<>();
        for (Column c : columns) {
            fields.add(new RowExpressions.Field(c.name(), (f, name) -> TypeMapping.toCalcite(f, c)));
        }
        RelDataType type = RowExpressions.typeOf(expression, fields);
        ColumnType columnType = CreateTable.typeOf(TypeMapping.fromCalcite("", type));
        if (columnType.kind() == dev.scion.versioning.schema.TypeKind.JSON) {
            throw new SqlError(ErrorCode.FUNCTIONAL_INDEX_ON_JSON_OR_GEOMETRY_FUNCTION, "Cannot create a functional "
                    + "index on a function that returns a JSON or GEOMETRY value.");
        }
        if (isLob(columnType) || type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.VARCHAR
                && type.getPrecision() == Integer.MAX_VALUE) {
            throw new SqlError(ErrorCode.FUNCTIONAL_INDEX_ON_LOB, "Cannot create a functional index on an expression "
                    + "that returns a BLOB or TEXT. Please consider using CAST.");
        }
        String name = columnName(index, part);
        String text = expression.toSqlString(c -> c.withDialect(MySqlParser.DIALECT)
                .withClauseStartsLine(false).withClauseEndsLine(false)).getSql();
        return new Column(name, columnType, type.isNullable(), null, false, null, ColumnDefinitions.tag(table, name),
                text, false);
    }

    private static boolean isLob(ColumnType t) {
        return switch (t.kind()) {
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> true;
            default -> false;
        };
    }
}
