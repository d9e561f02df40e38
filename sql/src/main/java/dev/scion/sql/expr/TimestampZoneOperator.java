package dev.scion.sql.expr;

import java.time.ZoneId;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * {@code SCION_FROM_UTC(ts, zone)}: a stored TIMESTAMP value read in a session's time zone. The planner puts it
 * where TIMESTAMP columns are used under a zone other than UTC ({@code plan.TimestampZoneRewrite}); SQL text cannot
 * name it. The zone is the second operand, a literal, so that
 * EXPLAIN shows it.
 */
public final class TimestampZoneOperator extends SqlFunction implements CompiledOperator {
    public static final TimestampZoneOperator FROM_UTC = new TimestampZoneOperator();

    private TimestampZoneOperator() {
        super("SCION_FROM_UTC", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null, OperandTypes.ANY_ANY,
                SqlFunctionCategory.TIMEDATE);
    }

    @Override
    public Expr compile(Expr[] operands) {
        Expr value = operands[0];
        Expr zoneName = operands[1];
        ZoneId[] zone = {null};
        return (row, ctx) -> {
            if (zone[0] == null) {
                zone[0] = SessionTimeZone.parse(Values.toStringValue(zoneName.eval(row, ctx)));
            }
            Object v = value.eval(row, ctx);
            return StoredTimestamps.fromStored(v, zone[0]);
        };
    }

    @Override
    public boolean isDeterministic() {
        return true;
    }
}
