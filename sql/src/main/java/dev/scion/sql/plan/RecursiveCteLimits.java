package dev.scion.sql.plan;

import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.logical.LogicalRepeatUnion;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * LIMIT on a recursive common table expression ({@code WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM
 * t LIMIT 3)}), which MySQL 8.0.19+ reads as "stop the recursion once this many rows exist". The parser wraps such
 * a union in an ORDER BY node, and Calcite's validator then no longer sees a recursive union, so the name inside
 * the recursive part is unknown (1146). The limit is taken off the union before validation and put back after
 * conversion as a Sort without keys over the RepeatUnion; the physical planner turns that pair into a
 * {@link dev.scion.sql.exec.RecursiveUnionOp} that stops producing rows at the limit.
 */
final class RecursiveCteLimits {
    private record Limit(long offset, long fetch) {
    }

    private final Map<String, Limit> limits;
    private final Map<SqlWithItem, SqlNode> limitedQueries;

    private RecursiveCteLimits(Map<String, Limit> limits, Map<SqlWithItem, SqlNode> limitedQueries) {
        this.limits = limits;
        this.limitedQueries = limitedQueries;
    }

    /**
     * Takes the limits of {@code query}'s recursive WITH items off, in place (nodes keep their identity, which the
     * select labels depend on); {@link #restore} puts them back, since the caller may plan the query again.
     */
    static RecursiveCteLimits takeOff(SqlNode query) {
        Map<String, Limit> limits = new HashMap<>();
        Map<SqlWithItem, SqlNode> limitedQueries = new IdentityHashMap<>();
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                SqlOrderBy orderBy = call instanceof SqlWithItem item ? limitedUnion(item) : null;
                if (orderBy != null) {
                    SqlWithItem item = (SqlWithItem) call;
                    limits.put(key(item.name.getSimple()),
                            new Limit(literal(orderBy.offset, 0), literal(orderBy.fetch, -1)));
                    limitedQueries.put(item, orderBy);
                    item.query = orderBy.query;
                }
                return super.visit(call);
            }
        });
        return new RecursiveCteLimits(limits, limitedQueries);
    }

    /** Puts the taken-off limits back into the query's WITH items. */
    void restore() {
        limitedQueries.forEach((item, query) -> item.query = query);
    }

    /** {@code rel} with each limited recursive union under a Sort carrying its limit. */
    RelNode putBack(RelNode rel, RexBuilder rex) {
        if (limits.isEmpty()) {
            return rel;
        }
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalRepeatUnion other) {
                RelNode visited = super.visit(other);
                if (visited instanceof RepeatUnion union && union.getTransientTable() != null) {
                    var names = union.getTransientTable().getQualifiedName();
                    Limit limit = limits.get(key(names.get(names.size() - 1)));
                    if (limit != null) {
                        RexNode offset = limit.offset() > 0 ? rex.makeExactLiteral(BigDecimal.valueOf(limit.offset()))
                                : null;
                        RexNode fetch = limit.fetch() >= 0 ? rex.makeExactLiteral(BigDecimal.valueOf(limit.fetch()))
                                : null;
                        return LogicalSort.create(visited, RelCollations.EMPTY, offset, fetch);
                    }
                }
                return visited;
            }
        });
    }

    /** The item's query when it is a recursive union with a literal LIMIT and no ORDER BY, else null. */
    private static SqlOrderBy limitedUnion(SqlWithItem item) {
        if (item.recursive == null || !item.recursive.booleanValue()
                || !(item.query instanceof SqlOrderBy orderBy) || !orderBy.orderList.isEmpty()
                || orderBy.query.getKind() != SqlKind.UNION
                || !isCount(orderBy.offset) || !isCount(orderBy.fetch)) {
            return null;
        }
        return orderBy;
    }

    private static boolean isCount(SqlNode n) {
        return n == null || n instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.DECIMAL
                && l.getValueAs(BigDecimal.class).signum() >= 0;
    }

    private static long literal(SqlNode n, long absent) {
        return n == null ? absent : ((SqlLiteral) n).getValueAs(BigDecimal.class).longValueExact();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
