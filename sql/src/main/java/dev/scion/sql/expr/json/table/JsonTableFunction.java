package dev.scion.sql.expr.json.table;

import dev.scion.sql.ddl.ColumnDefinitions;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.json.JsonPath;
import dev.scion.sql.parser.MySqlUnparse;
import dev.scion.sql.plan.TypeMapping;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JSON_TABLE(doc, 'row path' COLUMNS (...)) as a Calcite table function. Each JSON_TABLE in a query gets its own
 * operator instance holding its column definitions (they are syntax, not operands); the operands are the document
 * expression and the row path. The validator types the call by those definitions, SqlToRel turns it into a
 * TableFunctionScan (under a Correlate when the document names earlier tables), and {@link JsonTableOp} produces
 * the rows.
 */
public final class JsonTableFunction extends SqlFunction implements SqlTableFunction {
    private final List<JsonTableColumn> columns;

    private JsonTableFunction(List<JsonTableColumn> columns) {
        super("JSON_TABLE", SqlKind.OTHER_FUNCTION, null, null, OperandTypes.ANY_ANY,
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
        this.columns = List.copyOf(columns);
    }

    /** The FROM item for a parsed JSON_TABLE: a lateral table function call. */
    public static SqlNode tableRef(SqlParserPos pos, SqlNode doc, SqlNode path, List<JsonTableColumn> columns) {
        SqlCall call = new JsonTableFunction(columns).createCall(pos, doc, path);
        return SqlStdOperatorTable.LATERAL.createCall(pos, SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call));
    }

    public List<JsonTableColumn> columns() {
        return columns;
    }

    /** The value columns in output order: NESTED PATH columns are flattened where they stand. */
    static List<JsonTableColumn> flatten(List<JsonTableColumn> columns) {
        List<JsonTableColumn> out = new ArrayList<>();
        for (JsonTableColumn c : columns) {
            if (c.kind() == JsonTableColumn.Kind.NESTED) {
                out.addAll(flatten(c.nested()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** The output row type; 1060 for a repeated column name, 3143 for a malformed path. */
    RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        Set<String> seen = new HashSet<>();
        checkPaths(columns);
        for (JsonTableColumn c : flatten(columns)) {
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new SqlError(ErrorCode.DUP_FIELDNAME, "Duplicate column name '" + c.name() + "'");
            }
            RelDataType t = c.kind() == JsonTableColumn.Kind.ORDINALITY
                    ? f.createSqlType(SqlTypeName.BIGINT)
                    : TypeMapping.toCalcite(f, ColumnDefinitions.type(c.name(), c.type()));
            b.add(c.name(), f.createTypeWithNullability(t, true));
        }
        return b.build();
    }

    private static void checkPaths(List<JsonTableColumn> columns) {
        for (JsonTableColumn c : columns) {
            if (c.path() != null) {
                JsonTableRows.path(c.path());
            }
            checkPaths(c.nested());
        }
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return binding -> rowType(binding.getTypeFactory());
    }

    /**
     * Types the operands in the lateral scope. The call itself is a CURSOR, as Calcite wants of a table function,
     * and is not looked up by name; its row type comes from {@link #getRowTypeInference}.
     */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        for (SqlNode operand : call.getOperandList()) {
            validator.deriveType(scope, operand);
        }
        rowType(validator.getTypeFactory()); // checks names and paths
        return validator.getTypeFactory().createSqlType(SqlTypeName.CURSOR);
    }

    @Override
    public RelDataType inferReturnType(org.apache.calcite.sql.SqlOperatorBinding binding) {
        return binding.getTypeFactory().createSqlType(SqlTypeName.CURSOR);
    }

    /** Unparses MySQL's syntax (views keep their text through this). */
    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        writer.keyword("JSON_TABLE");
        SqlWriter.Frame frame = writer.startList("(", ")");
        call.operand(0).unparse(writer, 0, 0);
        writer.sep(",");
        call.operand(1).unparse(writer, 0, 0);
        unparseColumns(writer, columns);
        writer.endList(frame);
    }

    private static void unparseColumns(SqlWriter writer, List<JsonTableColumn> columns) {
        writer.keyword("COLUMNS");
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (JsonTableColumn c : columns) {
            writer.sep(",");
            switch (c.kind()) {
                case NESTED -> {
                    writer.keyword("NESTED PATH");
                    writer.literal(MySqlUnparse.quote(c.path()));
                    unparseColumns(writer, c.nested());
                }
                case ORDINALITY -> {
                    writer.identifier(c.name(), true);
                    writer.keyword("FOR ORDINALITY");
                }
                case EXISTS -> {
                    writer.identifier(c.name(), true);
                    c.type().unparse(writer, 0, 0);
                    writer.keyword("EXISTS PATH");
                    writer.literal(MySqlUnparse.quote(c.path()));
                }
                case VALUE -> {
                    writer.identifier(c.name(), true);
                    c.type().unparse(writer, 0, 0);
                    writer.keyword("PATH");
                    writer.literal(MySqlUnparse.quote(c.path()));
                    unparseHandler(writer, c.onEmpty(), c.emptyDefault(), "EMPTY");
                    unparseHandler(writer, c.onError(), c.errorDefault(), "ERROR");
                }
            }
        }
        writer.endList(frame);
    }

    private static void unparseHandler(SqlWriter writer, JsonTableColumn.OnMissing h, String dflt, String event) {
        switch (h) {
            case NULL -> {
                return;
            }
            case ERROR -> writer.keyword("ERROR");
            case DEFAULT -> {
                writer.keyword("DEFAULT");
                writer.literal(MySqlUnparse.quote(dflt));
            }
        }
        writer.keyword("ON " + event);
    }
}
