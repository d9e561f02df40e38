package dev.scion.sql.dolt;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.List;

/**
 * A Dolt table function call whose arguments are not all literals: a column of an earlier table (a LATERAL join
 * or a correlated sub-query) or a prepared statement's parameter. Its arguments are evaluated when the scan runs,
 * once per outer row ({@link DeferredTableFunctionScan}); the columns are known at planning from {@code template},
 * the function built with each deferred argument replaced by a stand-in (HEAD for a revision). Each call gets
 * its own operator instance, as the template belongs to it.
 */
public final class DeferredTableFunction extends SqlFunction implements SqlTableFunction {
    /**
     * A parameter among the arguments is text, as every argument's value is read as text: this types the {@code ?}
     * a prepared statement's columns are planned with at COM_STMT_PREPARE.
     */
    private static final SqlOperandTypeInference TEXT_ARGUMENTS = (binding, returnType, operandTypes) ->
            java.util.Arrays.fill(operandTypes, binding.getTypeFactory().createTypeWithNullability(
                    binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true));
    private final String function;
    private final String database;
    private final SystemTable template;

    DeferredTableFunction(String function, String database, SystemTable template) {
        super(function.toUpperCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION, null, TEXT_ARGUMENTS,
                OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
        this.function = function;
        this.database = database;
        this.template = template;
    }

    /** The FROM item: a lateral call, so its arguments may name the tables before it. */
    static SqlNode tableRef(SqlParserPos pos, DeferredTableFunction f, List<SqlNode> args) {
        SqlCall call = f.createCall(null, pos, args.toArray(new SqlNode[0]));
        return SqlStdOperatorTable.LATERAL.createCall(pos, SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call));
    }

    public String function() {
        return function;
    }

    public String database() {
        return database;
    }

    /** Every copy of the call (the rewriting shuttles make them) stays a {@link Call}. */
    @Override
    public SqlCall createCall(SqlLiteral functionQualifier, SqlParserPos pos, SqlNode... operands) {
        return new Call(this, operands, pos);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return binding -> template.rowType(binding.getTypeFactory());
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        for (SqlNode operand : call.getOperandList()) {
            validator.deriveType(scope, operand);
        }
        return validator.getTypeFactory().createSqlType(SqlTypeName.CURSOR);
    }

    @Override
    public RelDataType inferReturnType(org.apache.calcite.sql.SqlOperatorBinding binding) {
        return binding.getTypeFactory().createSqlType(SqlTypeName.CURSOR);
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        writer.identifier(function, false);
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode operand : call.getOperandList()) {
            writer.sep(",");
            operand.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }

    /** A NULL argument is refused as Dolt refuses a NULL literal. */
    static SqlError nullArgument(String function) {
        return new SqlError(ErrorCode.WRONG_ARGUMENTS, "invalid argument to " + function + ": NULL");
    }

    /**
     * The call node. Its class lies outside Calcite's packages, which keeps a query holding it out of the plan
     * cache: the planned columns came from stand-in arguments and a table's schema the cache does not watch.
     */
    private static final class Call extends SqlBasicCall {
        Call(DeferredTableFunction f, SqlNode[] operands, SqlParserPos pos) {
            super(f, new java.util.ArrayList<>(java.util.Arrays.asList(operands)), pos);
        }
    }

}
