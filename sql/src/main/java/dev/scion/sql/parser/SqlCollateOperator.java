package dev.scion.sql.parser;

import dev.scion.sql.catalog.Charsets;
import dev.scion.sql.catalog.Collations;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.TextCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code expr COLLATE name}: the value of {@code expr}, compared (=, <, ORDER BY ...) under the named collation
 * with explicit coercibility. The parser passes the name as a string literal so the validator does not take it for
 * a column; the collation travels in the result type (see {@link TextCollation}). An unknown name is 1273, a
 * collation of another character set than the operand's 1253.
 */
public final class SqlCollateOperator extends SqlBinaryOperator {
    public SqlCollateOperator() {
        super("COLLATE", SqlKind.OTHER, 96, true, SqlCollateOperator::type, InferTypes.FIRST_KNOWN,
                OperandTypes.ANY_ANY);
    }

    private static RelDataType type(SqlOperatorBinding binding) {
        RelDataType operand = binding.getOperandType(0);
        String name = binding.getOperandLiteralValue(1, String.class);
        Charsets.Collation target = Collations.require(name);
        String from = SqlTypeUtil.inCharFamily(operand) ? Collations.charsetOf(TextCollation.of(operand)) : "binary";
        if (SqlTypeUtil.inCharFamily(operand) && binding.isOperandNull(0, false)) {
            from = target.charset();
        }
        if (!from.equals(target.charset())) {
            throw new SqlError(ErrorCode.COLLATION_CHARSET_MISMATCH, "COLLATION '" + target.name()
                    + "' is not valid for CHARACTER SET '" + from + "'");
        }
        return TextCollation.with(binding.getTypeFactory(), operand, target.name(),
                SqlCollation.Coercibility.EXPLICIT);
    }

    /**
     * The type is the operand's with the collation; Calcite's binary-operator adjustment would instead combine the
     * collations of the value and the name literal.
     */
    @Override
    public RelDataType deriveType(org.apache.calcite.sql.validate.SqlValidator validator,
                                  org.apache.calcite.sql.validate.SqlValidatorScope scope, SqlCall call) {
        for (org.apache.calcite.sql.SqlNode operand : call.getOperandList()) {
            validator.deriveType(scope, operand);
        }
        return validateOperands(validator, scope, call);
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        call.operand(0).unparse(writer, leftPrec, getLeftPrec());
        writer.keyword("COLLATE");
        writer.identifier(((SqlLiteral) call.operand(1)).getValueAs(String.class), false);
    }
}
