package dev.scion.sql.plan;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MySQL 8 carries a derived table's ORDER BY to the query reading it when that query is neither grouped nor
 * aggregated, has no DISTINCT, HAVING or ORDER BY of its own and reads nothing else (MySQL manual, "Optimizing
 * Derived Tables"): {@code SELECT a FROM (SELECT i AS a FROM t ORDER BY i DESC) d} lists the rows in descending
 * order. Calcite drops the ORDER BY of a sub-query without LIMIT. Such a query gets an ORDER BY on the derived
 * table's columns that the inner ORDER BY names ({@code d.a DESC}); an inner sort key that is no selected column
 * leaves the query as it is. Nested derived tables are handled from the inside out.
 */
final class DerivedTableOrder {
    private DerivedTableOrder() {
    }

    /** The query with the carried ORDER BY, or {@code query} itself. */
    static SqlNode rewrite(SqlNode query) {
        if (query instanceof SqlSelect select) {
            SqlNodeList order = carriedOrder(select);
            if (order != null) {
                select.setOrderBy(order);
            }
            return query;
        }
        if (query instanceof SqlOrderBy outer && outer.orderList.isEmpty() && outer.query instanceof SqlSelect select) {
            // only a LIMIT / OFFSET of its own
            SqlNodeList order = carriedOrder(select);
            if (order != null) {
                return new SqlOrderBy(outer.getParserPosition(), select, order, outer.offset, outer.fetch);
            }
        }
        return query;
    }

    /** The ORDER BY {@code select} takes from its derived table, or null. */
    private static SqlNodeList carriedOrder(SqlSelect select) {
        if (select.isDistinct() || select.getHaving() != null
                || select.getGroup() != null && !select.getGroup().isEmpty()
                || select.getOrderList() != null && !select.getOrderList().isEmpty()
                || AggregateCalls.containsAggregateOrWindow(select.getSelectList())
                || !(select.getFrom() instanceof SqlBasicCall as) || as.getKind() != SqlKind.AS) {
            return null;
        }
        SqlNode derived = rewrite(as.operand(0));
        as.setOperand(0, derived);
        SqlNodeList innerOrder;
        SqlNode inner;
        if (derived instanceof SqlOrderBy orderBy) {
            innerOrder = orderBy.orderList;
            inner = orderBy.query;
        } else if (derived instanceof SqlSelect s) {
            innerOrder = s.getOrderList();
            inner = s;
        } else {
            return null;
        }
        if (innerOrder == null || innerOrder.isEmpty() || !(inner instanceof SqlSelect innerSelect)
                || !(as.operand(1) instanceof SqlIdentifier alias) || !alias.isSimple()) {
            return null;
        }
        List<String> names = columnNames(as, innerSelect);
        if (names == null) {
            return null;
        }
        SqlNodeList carried = new SqlNodeList(SqlParserPos.ZERO);
        for (SqlNode item : innerOrder) {
            SqlNode mapped = mapped(item, innerSelect.getSelectList(), names, alias.getSimple());
            if (mapped == null) {
                return null;
            }
            carried.add(mapped);
        }
        return carried;
    }

    /** The derived table's column names: its column list, else the select list's names; null if one is unknown. */
    private static List<String> columnNames(SqlBasicCall as, SqlSelect inner) {
        List<String> names = new ArrayList<>();
        if (as.operandCount() > 2) {
            for (int i = 2; i < as.operandCount(); i++) {
                if (!(as.operand(i) instanceof SqlIdentifier id) || !id.isSimple()) {
                    return null;
                }
                names.add(id.getSimple());
            }
            return names;
        }
        for (SqlNode item : inner.getSelectList()) {
            String name = itemName(item);
            if (name == null) {
                return null;
            }
            names.add(name);
        }
        return names;
    }

    private static String itemName(SqlNode item) {
        if (item.getKind() == SqlKind.AS && item instanceof SqlCall call
                && call.operand(1) instanceof SqlIdentifier alias) {
            return alias.getSimple();
        }
        if (item instanceof SqlIdentifier id && !id.isStar()) {
            return id.names.get(id.names.size() - 1);
        }
        return null;
    }

    /** The inner sort key {@code item} as the outer query's, keeping DESC / NULLS FIRST / NULLS LAST; or null. */
    private static SqlNode mapped(SqlNode item, SqlNodeList selectList, List<String> names, String alias) {
        if (item.getKind() == SqlKind.DESCENDING || item.getKind() == SqlKind.NULLS_FIRST
                || item.getKind() == SqlKind.NULLS_LAST) {
            SqlCall call = (SqlCall) item;
            SqlNode operand = mapped(call.operand(0), selectList, names, alias);
            return operand == null ? null : call.getOperator().createCall(call.getParserPosition(), operand);
        }
        int column = column(item, selectList);
        if (column < 0 || column >= names.size()) {
            return null;
        }
        return new SqlIdentifier(List.of(alias, names.get(column)), item.getParserPosition());
    }

    /** The position in the select list that the sort key names, or -1. */
    private static int column(SqlNode key, SqlNodeList selectList) {
        if (key instanceof SqlLiteral literal && literal.getTypeName() != null
                && literal.getValue() instanceof java.math.BigDecimal n) {
            return n.scale() <= 0 ? n.intValue() - 1 : -1;
        }
        int found = -1;
        for (int i = 0; i < selectList.size(); i++) {
            SqlNode item = selectList.get(i);
            SqlNode expr = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
            boolean same = expr.equalsDeep(key, org.apache.calcite.util.Litmus.IGNORE)
                    || key instanceof SqlIdentifier id && id.isSimple() && name(item, id.getSimple())
                    || key instanceof SqlIdentifier id && expr instanceof SqlIdentifier column && sameColumn(id, column);
            if (same) {
                if (found >= 0) {
                    return -1; // ambiguous: leave the query alone
                }
                found = i;
            }
        }
        return found;
    }

    /** Whether {@code d.a} and {@code a} (one a qualified form of the other) name the same column. */
    private static boolean sameColumn(SqlIdentifier a, SqlIdentifier b) {
        if (a.isStar() || b.isStar()) {
            return false;
        }
        List<String> longer = a.names.size() >= b.names.size() ? a.names : b.names;
        List<String> shorter = longer == a.names ? b.names : a.names;
        List<String> tail = longer.subList(longer.size() - shorter.size(), longer.size());
        for (int i = 0; i < shorter.size(); i++) {
            if (!tail.get(i).equalsIgnoreCase(shorter.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean name(SqlNode item, String name) {
        String itemName = itemName(item);
        return itemName != null && itemName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }
}
