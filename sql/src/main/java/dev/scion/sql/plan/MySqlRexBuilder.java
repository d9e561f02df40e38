package dev.scion.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.NlsString;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Builds row expressions as Calcite's RexBuilder does, except that a cast of an exact literal with a fraction to an
 * integer type rounds half away from zero as MySQL does ({@code CAST(-2.5 AS SIGNED)} is -3). Calcite folds such a
 * cast while it converts the query and would truncate; a cast left to run time already rounds (Casts). A cast of
 * a string literal holding a control character to a number is not folded either (see {@link #makeCast}).
 */
final class MySqlRexBuilder extends RexBuilder {
    MySqlRexBuilder(RelDataTypeFactory typeFactory) {
        super(typeFactory);
    }

    @Override
    public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe,
                            RexLiteral format) {
        if (exp instanceof RexLiteral literal && SqlTypeUtil.isIntType(type)
                && SqlTypeUtil.isExactNumeric(literal.getType())
                && literal.getValue() instanceof BigDecimal value && value.stripTrailingZeros().scale() > 0) {
            BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
            if (fits(rounded, type.getSqlTypeName())) {
                return super.makeCast(pos, type, makeExactLiteral(rounded), matchNullability, safe,
                        format);
            }
        }
        if (exp instanceof RexLiteral literal && SqlTypeUtil.isNumeric(type) && SqlTypeUtil.isCharacter(literal.getType())
                && literal.getValue() instanceof NlsString text && MySqlRexExecutor.hasControlCharacter(text.getValue())) {
            // Calcite's folding trims every character up to ' ' (so '\0123' became 123); MySQL skips only blanks and
            // reads no number after a NUL: the cast is left to run time (Values)
            return makeAbstractCast(pos, matchNullability ? matchNullability(type, exp) : type, exp, safe, format);
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }

    private static boolean fits(BigDecimal v, SqlTypeName target) {
        long min = switch (target) {
            case TINYINT -> Byte.MIN_VALUE;
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        long max = switch (target) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        return v.compareTo(BigDecimal.valueOf(min)) >= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0;
    }
}
