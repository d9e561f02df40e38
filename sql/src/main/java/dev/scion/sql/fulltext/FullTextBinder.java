package dev.scion.sql.fulltext;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.plan.ScionTable;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.table.RowCodec;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Binds the MATCH calls of the expressions evaluated over one plan input to the FULLTEXT index they search. The
 * columns of a MATCH are traced back through the plan to the table they come from (Calcite's column-origin
 * metadata), so MATCH works over joins, projections and sorts; the index must cover exactly those columns, in any
 * order, as MySQL requires.
 */
public final class FullTextBinder {
    private final RelNode input;
    private final UnaryOperator<ScionTable> tables;

    private FullTextBinder(RelNode input, UnaryOperator<ScionTable> tables) {
        this.input = input;
        this.tables = tables;
    }

    /** For expressions over the rows of {@code input}; {@code tables} maps a planned table to the one to read. */
    public static FullTextBinder of(RelNode input, UnaryOperator<ScionTable> tables) {
        return new FullTextBinder(input, tables);
    }

    /** The evaluator of {@code call} ('mode', search, columns...) whose operands compiled to {@code operands}. */
    public Expr compile(RexCall call, Expr[] operands) {
        List<RexNode> ops = call.getOperands();
        if (!RexUtil.isConstant(ops.get(1))) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to AGAINST");
        }
        RelMetadataQuery mq = input.getCluster().getMetadataQuery();
        ScionTable table = null;
        int[] inputColumns = new int[ops.size() - 2];
        Set<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 2; i < ops.size(); i++) {
            if (!(ops.get(i) instanceof RexInputRef ref)) {
                throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to MATCH");
            }
            inputColumns[i - 2] = ref.getIndex();
            RelColumnOrigin origin = origin(mq, ref.getIndex());
            ScionTable t = origin == null ? null : origin.getOriginTable().unwrap(ScionTable.class);
            if (t == null || (table != null && t != table)) {
                throw notFound();
            }
            table = t;
            columns.add(t.value().schema().columns().get(origin.getOriginColumnOrdinal()).name());
        }
        ScionTable current = tables.apply(table);
        TableValue value = current.value();
        for (IndexDef ix : value.schema().indexes()) {
            if (!ix.fulltext() || ix.columns().size() != columns.size() || !columns.containsAll(ix.columns())
                    || !value.indexes().containsKey(ix.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            return new MatchExpr(operands[0], operands[1], inputColumns, current.database().buffer(), value,
                    new RowCodec(value.schema()).indexCodec(ix));
        }
        throw notFound();
    }

    /**
     * The one table column an input column comes from. A value passed through an aggregate (the ANY_VALUE that a
     * HAVING without GROUP BY puts around a column) still has a single origin, flagged derived; it is accepted.
     */
    private RelColumnOrigin origin(RelMetadataQuery mq, int column) {
        Set<RelColumnOrigin> all = mq.getColumnOrigins(input, column);
        return all == null || all.size() != 1 ? null : all.iterator().next();
    }

    public static SqlError notFound() {
        return new SqlError(ErrorCode.FT_MATCHING_KEY_NOT_FOUND, "Can't find FULLTEXT index matching the column list");
    }
}
