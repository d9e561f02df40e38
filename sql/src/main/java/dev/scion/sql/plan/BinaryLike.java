package dev.scion.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * MySQL matches a binary string against a text pattern ({@code blob_col LIKE 'a%'}) byte by byte. Calcite's LIKE
 * wants text operands and refused VARBINARY against CHAR: where a LIKE mixes the two, its binary operands are read
 * as text (their bytes as UTF-8). The match stays exact: the text has the binary default collation, under which
 * LIKE folds no case.
 */
final class BinaryLike {
    private BinaryLike() {
    }

    /** Makes the text operands of {@code call} binary where another operand is binary; LIKE calls only. */
    static void alignOperands(SqlValidator validator, SqlValidatorScope scope, SqlNode expr) {
        if (!(expr instanceof SqlCall call) || call.getKind() != SqlKind.LIKE) {
            return;
        }
        boolean binary = false;
        boolean text = false;
        RelDataType[] types = new RelDataType[call.operandCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = validator.deriveType(scope, call.operand(i));
            binary |= SqlTypeUtil.isBinary(types[i]);
            text |= SqlTypeUtil.isCharacter(types[i]);
        }
        if (!binary || !text) {
            return;
        }
        for (int i = 0; i < types.length; i++) {
            if (SqlTypeUtil.isBinary(types[i])) {
                SqlNode operand = call.operand(i);
                SqlParserPos pos = operand.getParserPosition();
                call.setOperand(i, SqlStdOperatorTable.CAST.createCall(pos, operand,
                        new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos)));
            }
        }
    }
}
