package dev.scion.sql.plan;

import dev.scion.sql.expr.UnsignedArithmetic;
import dev.scion.sql.session.Session;
import dev.scion.sql.session.SqlModes;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * sql_mode NO_UNSIGNED_SUBTRACTION makes the difference of integers with an UNSIGNED operand a signed BIGINT
 * ({@code u1 - u2} may be negative), where by default it is a BIGINT UNSIGNED (the type system's rule for + and -,
 * {@link MySqlTypeSystem#deriveDecimalPlusType}, which cannot tell the two apart). Under the mode each {@code -} of a
 * statement becomes {@link #MINUS}, typed so; any other difference is typed as Calcite's. The evaluator reads the
 * mode itself for the value ({@code ExprCompiler.minus}); the plan cache keeps the mode apart
 * ({@link PlanCacheScope}).
 */
final class SignedSubtraction {
    /** {@code -} under NO_UNSIGNED_SUBTRACTION. */
    static final SqlMonotonicBinaryOperator MINUS = new SqlMonotonicBinaryOperator("-", SqlKind.MINUS, 40, true,
            SignedSubtraction::differenceType, InferTypes.FIRST_KNOWN, OperandTypes.MINUS_OPERATOR) {
        /** Without SqlOperator's look-up of the operator table, which would put Calcite's {@code -} back. */
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                validator.deriveType(scope, operand);
            }
            return validateOperands(validator, scope, call);
        }
    };

    private SignedSubtraction() {
    }

    /**
     * Types each {@code -} of {@code statement} (in place) for the session's sql_mode: back to Calcite's operator
     * when the mode is off, so a statement tree planned again after the mode changed is typed afresh.
     */
    static SqlNode rewrite(Session session, SqlNode statement) {
        boolean signed = SqlModes.noUnsignedSubtraction(session);
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlBasicCall basic) {
                    if (signed && basic.getOperator() == SqlStdOperatorTable.MINUS) {
                        basic.setOperator(MINUS);
                    } else if (!signed && basic.getOperator() == MINUS) {
                        basic.setOperator(SqlStdOperatorTable.MINUS);
                    }
                }
                return super.visit(call);
            }
        });
        return statement;
    }

    private static RelDataType differenceType(SqlOperatorBinding binding) {
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        boolean integers = MySqlTypeFactory.integerWidth(left.getSqlTypeName()) >= 0
                && MySqlTypeFactory.integerWidth(right.getSqlTypeName()) >= 0;
        if (integers && (UnsignedArithmetic.isUnsigned(left) || UnsignedArithmetic.isUnsigned(right))) {
            var factory = binding.getTypeFactory();
            return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.BIGINT),
                    left.isNullable() || right.isNullable());
        }
        return SqlStdOperatorTable.MINUS.getReturnTypeInference().inferReturnType(binding);
    }
}
