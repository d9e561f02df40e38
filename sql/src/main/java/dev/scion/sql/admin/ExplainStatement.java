package dev.scion.sql.admin;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.Operator;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.parser.dml.SqlMySqlLockedQuery;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.plan.VariableRewriter;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * EXPLAIN [FORMAT=TREE] query: plans the query (so it fails as the query would) and prints the physical operator
 * tree, one operator per line in MySQL's "-> " tree style. The tree is read from the operators' fields, so it
 * follows whatever operators the planner builds without each one having to describe itself.
 */
final class ExplainStatement implements AdminStatement {
    private final String query;

    ExplainStatement(String query) {
        this.query = query;
    }

    @Override
    public StatementResult execute(Session session) {
        String rewritten = VariableRewriter.rewrite(query);
        SqlNode node = StatementReader.statement(rewritten);
        if (node instanceof SqlMySqlLockedQuery locked) {
            node = locked.getQuery();
        }
        if (!node.getKind().belongsTo(SqlKind.QUERY)) {
            throw new SqlError(ErrorCode.NOT_SUPPORTED_YET,
                    "This version of Scion doesn't yet support EXPLAIN of this statement");
        }
        dev.scion.sql.frontend.ViewExpander.expand(session, node);
        QueryPlanner.Plan plan = QueryPlanner.plan(session, node, rewritten);
        StringBuilder sb = new StringBuilder();
        describe(plan.root(), 0, sb, new IdentityHashMap<>());
        return ShowFilter.NONE.result(session, List.of("EXPLAIN"),
                List.<Object[]>of(new Object[] {sb.toString().stripTrailing()}));
    }

    private static void describe(Operator op, int depth, StringBuilder sb, Map<Object, Boolean> seen) {
        if (seen.put(op, Boolean.TRUE) != null) {
            return;
        }
        sb.append("    ".repeat(depth)).append("-> ").append(name(op)).append('\n');
        for (Class<?> c = op.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Object value = read(f, op);
                if (value instanceof Operator child) {
                    describe(child, depth + 1, sb, seen);
                } else if (value instanceof Collection<?> list) {
                    for (Object o : list) {
                        if (o instanceof Operator child) {
                            describe(child, depth + 1, sb, seen);
                        }
                    }
                } else if (value instanceof Operator[] array) {
                    for (Operator child : array) {
                        describe(child, depth + 1, sb, seen);
                    }
                }
            }
        }
    }

    private static String name(Operator op) {
        String n = op.getClass().getSimpleName();
        if (n.isEmpty()) {
            n = op.getClass().getName();
        }
        return n.endsWith("Op") ? n.substring(0, n.length() - 2) : n;
    }

    private static Object read(Field f, Object owner) {
        try {
            f.setAccessible(true);
            return f.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
