package dev.scion.sql.routine;

import dev.scion.sql.expr.CompiledOperator;
import dev.scion.sql.expr.Expr;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A call of a stored function in a planned statement. The validator types it by the declared RETURNS type (and a
 * {@code ?} argument by its parameter's type); at run time each evaluation calls the function with the operand
 * values. It is never constant-folded: a body may read tables or have effects.
 */
final class StoredFunctionOperator extends SqlFunction implements CompiledOperator {
    private final String database;
    private final String functionName;

    StoredFunctionOperator(ProcedureDefinition f) {
        // named by database too: the validator looks the operator up again by this name when it types the call,
        // and a call of another database's function (SELECT otherdb.f()) must find the same function there
        super(f.name(), new SqlIdentifier(java.util.List.of(f.database(), f.name()), SqlParserPos.ZERO),
                SqlKind.OTHER_FUNCTION,
                binding -> sqlType(binding.getTypeFactory(), f.returns()),
                (binding, returnType, operandTypes) -> {
                    for (int i = 0; i < operandTypes.length; i++) {
                        operandTypes[i] = i < f.parameters().size()
                                ? sqlType(binding.getTypeFactory(), f.parameters().get(i).type())
                                : binding.getTypeFactory().createTypeWithNullability(
                                        binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);
                    }
                },
                OperandTypes.VARIADIC, null, SqlFunctionCategory.USER_DEFINED_FUNCTION);
        this.database = f.database();
        this.functionName = f.name();
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }

    @Override
    public boolean isDynamicFunction() {
        return true;
    }

    @Override
    public Expr compile(Expr[] operands) {
        return (row, ctx) -> {
            Object[] args = new Object[operands.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = operands[i].eval(row, ctx);
                if (args[i] instanceof Boolean b) {
                    args[i] = b ? 1L : 0L; // a condition passed as an argument is MySQL's 1 or 0
                }
            }
            return StoredFunctions.call(ctx.session(), database, functionName, args);
        };
    }

    /**
     * The planner's type for a declared MySQL type. Integers are BIGINT and fractional numbers DOUBLE or DECIMAL as
     * elsewhere in Scion; temporal and other types are carried as text, the value the body returns.
     */
    static RelDataType sqlType(RelDataTypeFactory f, String declared) {
        ParameterType t = ParameterType.of(declared);
        RelDataType type = switch (t.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "bigint", "year", "bit" -> f.createSqlType(SqlTypeName.BIGINT);
            case "decimal" -> f.createSqlType(SqlTypeName.DECIMAL, t.precision().intValue(), t.scale().intValue());
            case "float", "double" -> f.createSqlType(SqlTypeName.DOUBLE);
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" ->
                    f.createSqlType(SqlTypeName.VARBINARY);
            default -> f.createSqlType(SqlTypeName.VARCHAR);
        };
        return f.createTypeWithNullability(type, true);
    }
}
