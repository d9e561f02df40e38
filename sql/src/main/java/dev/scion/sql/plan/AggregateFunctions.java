package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.AggregateOp;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlAggFunction;

import java.util.List;
import java.util.Locale;

/** Maps Calcite's aggregate calls to Scion's aggregate functions (AggregateOp, WindowOp). */
final class AggregateFunctions {
    private AggregateFunctions() {
    }

    static AggregateOp.Function of(SqlAggFunction f) {
        AggregateOp.Function byName = switch (f.getName().toUpperCase(Locale.ROOT)) {
            case "STD", "STDDEV", "STDDEV_POP" -> AggregateOp.Function.STDDEV_POP;
            case "STDDEV_SAMP" -> AggregateOp.Function.STDDEV_SAMP;
            case "VARIANCE", "VAR_POP" -> AggregateOp.Function.VAR_POP;
            case "VAR_SAMP" -> AggregateOp.Function.VAR_SAMP;
            case "BIT_AND" -> AggregateOp.Function.BIT_AND;
            case "BIT_OR" -> AggregateOp.Function.BIT_OR;
            case "BIT_XOR" -> AggregateOp.Function.BIT_XOR;
            case "GROUP_CONCAT" -> AggregateOp.Function.GROUP_CONCAT;
            case "JSON_ARRAYAGG" -> AggregateOp.Function.JSON_ARRAYAGG;
            case "JSON_OBJECTAGG" -> AggregateOp.Function.JSON_OBJECTAGG;
            default -> null;
        };
        if (byName != null) {
            return byName;
        }
        return switch (f.getKind()) {
            case COUNT -> AggregateOp.Function.COUNT;
            case SUM, SUM0 -> AggregateOp.Function.SUM;
            case MIN -> AggregateOp.Function.MIN;
            case MAX -> AggregateOp.Function.MAX;
            case AVG -> AggregateOp.Function.AVG;
            case SINGLE_VALUE -> AggregateOp.Function.SINGLE_VALUE;
            case ANY_VALUE -> AggregateOp.Function.ANY_VALUE;
            case LISTAGG -> AggregateOp.Function.GROUP_CONCAT; // SqlToRel turns GROUP_CONCAT into LISTAGG
            case JSON_ARRAYAGG -> AggregateOp.Function.JSON_ARRAYAGG;
            case JSON_OBJECTAGG -> AggregateOp.Function.JSON_OBJECTAGG;
            default -> throw new SqlError(ErrorCode.NOT_SUPPORTED_YET, "This version of Scion doesn't yet support "
                    + f.getName());
        };
    }

    /** The operator's call, with GROUP_CONCAT's ORDER BY (the call's collation) when it has one. */
    static AggregateOp.Call call(AggregateCall c) {
        int[] args = c.getArgList().stream().mapToInt(Integer::intValue).toArray();
        List<RelFieldCollation> order = c.getCollation().getFieldCollations();
        int[] keys = new int[order.size()];
        boolean[] desc = new boolean[order.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = order.get(i).getFieldIndex();
            desc[i] = order.get(i).getDirection().isDescending();
        }
        return new AggregateOp.Call(of(c.getAggregation()), args, c.isDistinct(), c.filterArg, keys, desc);
    }
}
