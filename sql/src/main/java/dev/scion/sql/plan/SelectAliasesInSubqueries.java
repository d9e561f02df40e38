package dev.scion.sql.plan;

import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL lets a sub-query in the select list name an alias given earlier in that list
 * ({@code SELECT pk AS a, (SELECT MAX(pk) FROM t WHERE pk <= a) FROM t opk}); Calcite's validator knows no such
 * scope. Before validation such a name is replaced by the aliased expression, its columns qualified with the outer
 * table so that they still name the outer row.
 *
 * <p>MySQL looks a name up in the sub-query's own FROM first, then in the outer FROM, and only then among the
 * aliases, so a name either FROM has is left alone. The rewrite works only where it can see every name: each FROM
 * involved must be plain tables of the session's databases, the aliased expression must hold no aggregate, window
 * or sub-query, its unqualified columns must come from a single outer table, and the sub-query must not itself
 * declare that table's name (an unaliased {@code FROM t} inside and outside). Anything else is left for the
 * validator, which reports the name as unknown as before.
 */
public final class SelectAliasesInSubqueries {
    private final Session session;

    private SelectAliasesInSubqueries(Session session) {
        this.session = session;
    }

    /** Rewrites {@code query} in place; returns it. */
    public static SqlNode rewrite(Session session, SqlNode query) {
        new SelectAliasesInSubqueries(session).walk(query);
        return query;
    }

    /** Finds every SELECT of the statement. */
    private void walk(SqlNode node) {
        if (node instanceof SqlSelect select) {
            for (SqlNode operand : select.getOperandList()) {
                walk(operand);
            }
            if (SubQueries.holds(select.getSelectList())) {
                rewriteSelect(select);
            }
        } else if (node instanceof SqlOrderBy orderBy) {
            walk(orderBy.query);
        } else if (node instanceof SqlWith with) {
            walk(with.withList);
            walk(with.body);
        } else if (node instanceof SqlWithItem item) {
            walk(item.query);
        } else if (node instanceof SqlNodeList list) {
            for (SqlNode n : list) {
                walk(n);
            }
        } else if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                walk(operand);
            }
        }
    }

    private void rewriteSelect(SqlSelect select) {
        Set<String> outerColumns = FromColumns.of(session, select);
        if (outerColumns == null) {
            return;
        }
        String outerTable = singleTable(select.getFrom());
        Map<String, SqlNode> visible = new LinkedHashMap<>();
        for (SqlNode item : select.getSelectList()) {
            SqlNode expr = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
            if (SubQueries.holds(expr) && !visible.isEmpty()) {
                replaceIn(expr, new Names(visible, outerColumns));
            }
            if (item.getKind() == SqlKind.AS && !SubQueries.holds(expr)
                    && !AggregateCalls.containsAggregateOrWindow(expr)) {
                SqlNode qualified = qualified(SqlDeepCopy.of(expr), outerTable, select.getFrom() != null);
                if (qualified != null) {
                    String alias = ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
                    visible.putIfAbsent(alias.toLowerCase(Locale.ROOT), qualified);
                }
            }
        }
    }

    /** The aliases a sub-query may use, and the names (lower case) that hide them. */
    private record Names(Map<String, SqlNode> aliases, Set<String> hidden) {
        Names hiding(Set<String> more) {
            Set<String> all = new HashSet<>(hidden);
            all.addAll(more);
            return new Names(aliases, all);
        }
    }

    /** Replaces alias names inside the sub-queries of {@code node} (an expression of the outer select list). */
    private SqlNode replaceIn(SqlNode node, Names names) {
        if (SubQueries.isQuery(node)) {
            inQuery(node, names);
            return node;
        }
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                list.set(i, replaceIn(list.get(i), names));
            }
        } else if (node instanceof SqlCall call) {
            SqlOperands.replace(call, operand -> replaceIn(operand, names));
        }
        return node;
    }

    private void inQuery(SqlNode query, Names names) {
        if (query instanceof SqlOrderBy orderBy) {
            inQuery(orderBy.query, names);
        } else if (query instanceof SqlSelect select) {
            Set<String> columns = FromColumns.of(session, select);
            if (columns == null || clashes(names, qualifiers(select.getFrom()))) {
                return;
            }
            Set<String> hidden = new HashSet<>(columns);
            for (SqlNode item : select.getSelectList()) {
                if (item.getKind() == SqlKind.AS) {
                    hidden.add(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple().toLowerCase(Locale.ROOT));
                }
            }
            Names inner = names.hiding(hidden);
            select.setSelectList((SqlNodeList) replaceNames(select.getSelectList(), inner));
            select.setWhere(replaceNames(select.getWhere(), inner));
            select.setHaving(replaceNames(select.getHaving(), inner));
        } else if (query instanceof SqlCall setOperation && query.getKind().belongsTo(SqlKind.SET_QUERY)) {
            for (SqlNode operand : setOperation.getOperandList()) {
                inQuery(operand, names);
            }
        }
    }

    /** An alias expression used inside a sub-query must not name a table the sub-query itself declares. */
    private static boolean clashes(Names names, Set<String> innerQualifiers) {
        for (SqlNode expr : names.aliases().values()) {
            for (String q : qualifiers(expr, new HashSet<>())) {
                if (innerQualifiers.contains(q)) {
                    return true;
                }
            }
        }
        return false;
    }

    private SqlNode replaceNames(SqlNode node, Names names) {
        if (node == null) {
            return null;
        }
        if (node instanceof SqlIdentifier id) {
            if (id.isSimple()) {
                String name = id.getSimple().toLowerCase(Locale.ROOT);
                SqlNode expr = names.aliases().get(name);
                if (expr != null && !names.hidden().contains(name)) {
                    return SqlDeepCopy.of(expr);
                }
            }
            return node;
        }
        if (SubQueries.isQuery(node)) {
            inQuery(node, names);
            return node;
        }
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                list.set(i, replaceNames(list.get(i), names));
            }
        } else if (node instanceof SqlCall call && call.getKind() != SqlKind.OVER) {
            SqlOperands.replace(call, operand -> replaceNames(operand, names));
        }
        return node;
    }

    /**
     * {@code expr} with each unqualified column qualified with the outer table, or null when it has such a column
     * and the outer FROM is not one table.
     */
    private static SqlNode qualified(SqlNode expr, String outerTable, boolean hasFrom) {
        if (expr instanceof SqlIdentifier id) {
            if (!id.isSimple() || id.getSimple().startsWith("@")) {
                return id;
            }
            if (!hasFrom || outerTable == null) {
                return null;
            }
            return new SqlIdentifier(List.of(outerTable, id.getSimple()), id.getParserPosition());
        }
        if (expr instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                if (operand == null || call.getKind() == SqlKind.AS && i == 1) {
                    continue;
                }
                SqlNode q = qualified(operand, outerTable, hasFrom);
                if (q == null) {
                    return null;
                }
                if (q != operand) {
                    try {
                        call.setOperand(i, q);
                    } catch (UnsupportedOperationException e) {
                        return null;
                    }
                }
            }
        }
        return expr;
    }

    /** The alias or name of the one table in {@code from}, or null when it is a join or not a plain table. */
    private static String singleTable(SqlNode from) {
        if (from == null || from instanceof SqlJoin) {
            return null;
        }
        if (from.getKind() == SqlKind.AS) {
            return ((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple();
        }
        return from instanceof SqlIdentifier id ? id.names.get(id.names.size() - 1) : null;
    }

    /** The names (lower case) by which the tables of {@code from} are qualified. */
    private static Set<String> qualifiers(SqlNode from) {
        Set<String> out = new HashSet<>();
        addQualifiers(from, out);
        return out;
    }

    private static void addQualifiers(SqlNode from, Set<String> out) {
        if (from instanceof SqlJoin join) {
            addQualifiers(join.getLeft(), out);
            addQualifiers(join.getRight(), out);
        } else if (from != null && from.getKind() == SqlKind.AS) {
            out.add(((SqlIdentifier) ((SqlCall) from).operand(1)).getSimple().toLowerCase(Locale.ROOT));
        } else if (from instanceof SqlIdentifier id) {
            out.add(id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT));
        }
    }

    /** The qualifiers (lower case) of the columns {@code expr} names. */
    private static Set<String> qualifiers(SqlNode expr, Set<String> out) {
        if (expr instanceof SqlIdentifier id && id.names.size() >= 2) {
            out.add(id.names.get(id.names.size() - 2).toLowerCase(Locale.ROOT));
        } else if (expr instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                qualifiers(operand, out);
            }
        }
        return out;
    }
}
