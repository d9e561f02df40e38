package dev.scion.sql.expr;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The value a function that picks one of its arguments (IF) answers in the arguments' aggregated type, which the
 * picked argument need not have: text for a mix of text, numbers and temporal values (IF(c, d, 4) is '2020-01-02'
 * or '4'), a DECIMAL's digits after the point for an integer or boolean picked where a DECIMAL is the type
 * (IF(c, 2.5, 1) is 1.0), a boolean picked where the type is a number is 1 or 0, as MySQL shows them.
 */
final class ChosenValues {
    private ChosenValues() {
    }

    static UnaryOperator<Object> shaper(RelDataType type, List<RexNode> arguments) {
        if (SqlTypeUtil.isCharacter(type)
                && !arguments.stream().allMatch(o -> SqlTypeUtil.isCharacter(o.getType()))) {
            return v -> v == null ? null : Values.toStringValue(v);
        }
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            int scale = Math.max(0, type.getScale());
            return v -> v instanceof Long || v instanceof Integer || v instanceof Boolean || v instanceof BigDecimal
                    ? Values.toDecimal(v).setScale(scale, RoundingMode.HALF_UP) : v;
        }
        if (SqlTypeUtil.isIntType(type)) {
            // IF(c, TRUE, int_col) is an integer: TRUE is 1, and groups and compares as 1
            return v -> v instanceof Boolean b ? Long.valueOf(b ? 1 : 0) : v;
        }
        if (SqlTypeUtil.isApproximateNumeric(type)) {
            return v -> v instanceof Boolean b ? Double.valueOf(b ? 1 : 0) : v;
        }
        return v -> v;
    }
}
