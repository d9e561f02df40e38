package dev.scion.sql.dml;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.plan.RowExpressions;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table's CHECK conditions compiled over its row ({@link RowExpressions}) once per table schema, in the order of
 * {@link TableSchema#checks()}: a statement writing many rows validates each condition once instead of planning a
 * one-row SELECT per row and check. A condition that does not compile is null; its caller plans it per row.
 */
final class CompiledChecks {
    private static final int LIMIT = 512;
    private static final Map<TableSchema, Expr[]> BY_SCHEMA = new ConcurrentHashMap<>();
    /** The last schema this thread looked up, by identity: a statement's rows share one schema instance. */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    private CompiledChecks() {
    }

    static Expr[] of(TableSchema schema) {
        Object[] last = LAST.get();
        if (last != null && last[0] == schema) {
            return (Expr[]) last[1];
        }
        Expr[] exprs = BY_SCHEMA.get(schema);
        if (exprs == null) {
            exprs = compile(schema);
            if (BY_SCHEMA.size() >= LIMIT) {
                BY_SCHEMA.clear();
            }
            BY_SCHEMA.put(schema, exprs);
        }
        LAST.set(new Object[] {schema, exprs});
        return exprs;
    }

    private static Expr[] compile(TableSchema schema) {
        List<RowExpressions.Field> fields = new ArrayList<>();
        for (Column col : schema.columns()) {
            fields.add(new RowExpressions.Field(col.name(), (f, name) -> TypeMapping.toCalcite(f, col)));
        }
        List<CheckDef> checks = schema.checks();
        Expr[] exprs = new Expr[checks.size()];
        for (int i = 0; i < exprs.length; i++) {
            exprs[i] = RowExpressions.compile(checks.get(i).expressionSql(), fields).orElse(null);
        }
        return exprs;
    }
}
