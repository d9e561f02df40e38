package dev.scion.sql.plan;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexCall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets a filter use a functional key part's index: in a WHERE directly over a table that has hidden columns
 * ({@link Column#hidden}), an expression that is exactly a hidden column's expression ({@code lower(name)} for
 * {@code INDEX ((lower(name)))}) is replaced by a reference to that column, whose stored value is the same. The
 * index range builder then sees an ordinary column comparison. Expressions are matched by their RexNode text
 * over the table's row ({@code LOWER($1)}), the hidden expression compiled over the same row by
 * {@link RowExpressions}.
 */
final class FunctionalKeyMatches extends RelShuttleImpl {
    private FunctionalKeyMatches() {
    }

    static RelNode rewrite(RelNode rel) {
        return rel.accept(new FunctionalKeyMatches());
    }

    @Override
    public RelNode visit(LogicalFilter filter) {
        RelNode input = filter.getInput();
        if (input instanceof TableScan scan) {
            ScionTable table = scan.getTable().unwrap(ScionTable.class);
            Map<String, Integer> hidden = table == null ? Map.of() : hiddenExpressions(table.value().schema());
            if (!hidden.isEmpty()) {
                RexNode condition = filter.getCondition().accept(new RexShuttle() {
                    @Override
                    public RexNode visitCall(RexCall call) {
                        Integer column = hidden.get(call.toString());
                        if (column != null) {
                            return new RexInputRef(column, scan.getRowType().getFieldList().get(column).getType());
                        }
                        return super.visitCall(call);
                    }
                });
                if (condition != filter.getCondition()) {
                    return filter.copy(filter.getTraitSet(), input, condition);
                }
            }
            return filter;
        }
        return super.visit(filter);
    }

    private static final Map<TableSchema, Map<String, Integer>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each hidden column's expression as RexNode text over the table's row, to the column's position. */
    private static Map<String, Integer> hiddenExpressions(TableSchema schema) {
        Map<String, Integer> known = CACHE.get(schema);
        if (known != null) {
            return known;
        }
        Map<String, Integer> out = new HashMap<>();
        List<RowExpressions.Field> fields = new ArrayList<>();
        for (Column c : schema.columns()) {
            fields.add(new RowExpressions.Field(c.name(), (f, name) -> TypeMapping.toCalcite(f, c)));
        }
        for (int i = 0; i < schema.columns().size(); i++) {
            Column c = schema.columns().get(i);
            int position = i;
            if (c.hidden()) {
                RowExpressions.rex(c.generatedSql(), fields).ifPresent(rex -> out.put(rex.toString(), position));
            }
        }
        if (CACHE.size() > 256) {
            CACHE.clear();
        }
        CACHE.put(schema, out);
        return out;
    }
}
