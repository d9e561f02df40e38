package dev.scion.sql.plan;

import dev.scion.sql.expr.Expr;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The parts of a cached plan's operators that every execution of the plan shares, made by the first execution that
 * needs them: compiled expressions (which read the plan's parameters from the execution's context) and index range
 * templates (what a filter bounds of each index, evaluated with the execution's parameter values). Operators
 * themselves are still made per execution: they hold the table values of the execution's snapshot.
 *
 * <p>Parts are keyed by the identity of the plan's own expression nodes and depend on the schemas the plan was made
 * for, which every reuse of the plan checks first ({@code QueryPlanner.bind}). Only expressions made of stateless
 * parts are shared (see {@link #shareable}); others, and any node the planner makes afresh during a build, are
 * compiled per execution as before, and the number of parts is bounded so that such nodes cannot grow it.
 *
 * <p>Thread-safe: a plan cache may hand one plan to several threads; the parts are immutable once made and the
 * maps are guarded by this object's lock.
 */
public final class PlanParts {
    /** More parts than any plan needs; past it, further expressions are compiled per execution. */
    static final int MAX_PARTS = 256;

    private final Map<RexNode, Expr> expressions = new IdentityHashMap<>();
    private final Map<RexNode, IndexRanges.Template> rangeTemplates = new IdentityHashMap<>();
    private long expressionsCompiled;
    private long rangeTemplatesMade;

    /** The compiled form of {@code e}, compiled by {@code compile} the first time; {@code e} must be shareable. */
    Expr expression(RexNode e, Supplier<Expr> compile) {
        synchronized (this) {
            Expr known = expressions.get(e);
            if (known != null) {
                return known;
            }
        }
        Expr compiled = compile.get();
        synchronized (this) {
            expressionsCompiled++;
            if (expressions.size() < MAX_PARTS) {
                expressions.putIfAbsent(e, compiled);
            }
        }
        return compiled;
    }

    /** The range template of {@code condition} over a table of {@code schema}, made the first time. */
    IndexRanges.Template rangeTemplate(TableSchema schema, RexNode condition) {
        synchronized (this) {
            IndexRanges.Template known = rangeTemplates.get(condition);
            if (known != null) {
                return known;
            }
        }
        IndexRanges.Template made = IndexRanges.template(schema, condition);
        synchronized (this) {
            rangeTemplatesMade++;
            if (rangeTemplates.size() < MAX_PARTS) {
                rangeTemplates.putIfAbsent(condition, made);
            }
        }
        return made;
    }

    /** Expressions compiled for this plan so far (a regression count: 0 per execution once the plan is warm). */
    public synchronized long expressionsCompiled() {
        return expressionsCompiled;
    }

    /** Index range templates made for this plan so far (a regression count, as above). */
    public synchronized long rangeTemplatesMade() {
        return rangeTemplatesMade;
    }

    /**
     * Whether {@code e} compiles to an expression that may serve every execution: only column and correlation
     * references, literals, parameters and calls the compiler evaluates itself with no state (comparisons, logic,
     * arithmetic, CASE, COALESCE, casts, range searches). Function calls are left out: some keep state per
     * execution (RAND's sequence, LIKE's last pattern) or bind to a table value (MATCH).
     */
    static boolean shareable(RexNode e) {
        if (e instanceof RexInputRef || e instanceof RexLiteral || e instanceof RexDynamicParam) {
            return true;
        }
        if (e instanceof RexFieldAccess fa) {
            return fa.getReferenceExpr() instanceof RexCorrelVariable;
        }
        if (!(e instanceof RexCall call)) {
            return false;
        }
        boolean stateless = switch (call.getKind()) {
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
                 IS_NOT_DISTINCT_FROM, IS_DISTINCT_FROM, AND, OR, NOT, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_FALSE,
                 IS_NOT_TRUE, IS_NOT_FALSE, PLUS, MINUS, TIMES, DIVIDE, MOD, MINUS_PREFIX, PLUS_PREFIX, CASE,
                 COALESCE, CAST, SEARCH -> true;
            default -> false;
        };
        if (!stateless) {
            return false;
        }
        for (RexNode operand : call.getOperands()) {
            if (!shareable(operand)) {
                return false;
            }
        }
        return true;
    }
}
