package dev.scion.sql.plan;

import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MySQL without {@code ONLY_FULL_GROUP_BY} in sql_mode (Scion's default, as MySQL 5.6's) lets an aggregate query name
 * columns it does not group by, in the select list, HAVING and ORDER BY: each such column gives the value of some row
 * of the group. Calcite's validator refuses them ("Expression ... is not being grouped"), so before validation such a
 * reference is wrapped in {@code ANY_VALUE}, which means exactly that.
 *
 * <p>Which references are grouped is decided by name, before names are resolved: a column is grouped when a GROUP BY
 * item is that column (same name; same qualifier when both have one), and a subexpression is grouped when it is
 * written as a GROUP BY item is. A select item a GROUP BY item names by alias or position is left as it is. This
 * errs toward not wrapping: a reference it leaves alone is validated as before.
 */
public final class NonGroupedColumns {

    /** Rewrites {@code query} in place when the session's sql_mode lacks ONLY_FULL_GROUP_BY; returns it. */
    public static SqlNode rewrite(Session session, SqlNode query) {
        Object mode = session.variable("sql_mode");
        boolean strict = mode != null && mode.toString().toUpperCase(Locale.ROOT).contains("ONLY_FULL_GROUP_BY");
        new NonGroupedColumns(session, strict).walk(query);
        return query;
    }

    private final Session session;
    /**
     * ONLY_FULL_GROUP_BY is set: only the columns of a table whose whole primary key is grouped are wrapped (they
     * are functionally dependent on it, which MySQL accepts); the validator refuses the others with 1055.
     */
    private final boolean strict;

    private NonGroupedColumns(Session session, boolean strict) {
        this.session = session;
        this.strict = strict;
    }

    /** Finds every SELECT in the statement (subqueries, derived tables, CTEs, set operations) and rewrites it. */
    private void walk(SqlNode node) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlOrderBy ob) {
            walk(ob.query);
            if (ob.query instanceof SqlSelect select && isAggregate(select)
                    && (!strict || isImplicitlyGrouped(select))) {
                rewriteList(ob.orderList, new Scope(select, true, fromColumns(select)));
            }
            walk(ob.orderList);
            return;
        }
        if (node instanceof SqlSelect select) {
            for (SqlNode operand : select.getOperandList()) {
                walk(operand);
            }
            if (isAggregate(select)) {
                java.util.Set<String> keyed = null;
                List<SqlIdentifier> fixed = List.of();
                if (strict) {
                    Scope grouping = new Scope(select, false, fromColumns(select));
                    fixed = FixedColumns.of(select, grouping::isGrouped);
                    keyed = keyedTables(select, grouping, fixed);
                    if (keyed.isEmpty() && fixed.isEmpty()) {
                        return;
                    }
                    if (keyed.contains("")) {
                        expandStar(select);
                    }
                } else {
                    expandStar(select);
                }
                Scope scope = new Scope(select, false, fromColumns(select));
                Scope afterwards = new Scope(select, true, fromColumns(select)); // the aliases written, not those added below
                scope.keyedTables = keyed;
                afterwards.keyedTables = keyed;
                scope.fixed = fixed;
                afterwards.fixed = fixed;
                SqlNodeList items = select.getSelectList();
                for (int i = 0; i < items.size(); i++) {
                    if (!scope.groupedItems[i]) {
                        items.set(i, rewriteItem(items.get(i), scope));
                    }
                }
                if (select.getHaving() != null) {
                    select.setHaving(rewriteExpr(select.getHaving(), afterwards));
                }
                if (select.getOrderList() != null) {
                    rewriteList(select.getOrderList(), afterwards);
                }
            }
            return;
        }
        if (node instanceof SqlWith with) {
            walk(with.withList);
            walk(with.body);
            return;
        }
        if (node instanceof SqlWithItem item) {
            walk(item.query);
            return;
        }
        if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                walk(operand);
            }
        } else if (node instanceof SqlNodeList list) {
            for (SqlNode n : list) {
                walk(n);
            }
        }
    }

    /** What one aggregate SELECT groups by. {@code aliasesVisible}: HAVING and ORDER BY may name select aliases. */
    private static final class Scope {
        final List<SqlNode> groupItems = new ArrayList<>();
        final List<String> groupTexts = new ArrayList<>();
        final boolean[] groupedItems;
        final List<String> aliases = new ArrayList<>();
        final boolean aliasesVisible;

        /** The lower-case column names of the tables in FROM, or null when they are not all known. */
        final java.util.Set<String> fromColumns;

        /**
         * Under ONLY_FULL_GROUP_BY, the tables (lower-case name or alias) whose primary key is all grouped: only
         * their columns are wrapped ("" stands for unqualified columns when FROM has that one table). Null
         * otherwise (every ungrouped column is wrapped).
         */
        java.util.Set<String> keyedTables;

        /** Under ONLY_FULL_GROUP_BY, the columns the conditions hold to one value per group ({@link FixedColumns}). */
        List<SqlIdentifier> fixed = List.of();

        Scope(SqlSelect select, boolean aliasesVisible, java.util.Set<String> fromColumns) {
            this.aliasesVisible = aliasesVisible;
            this.fromColumns = fromColumns;
            SqlNodeList items = select.getSelectList();
            groupedItems = new boolean[items.size()];
            for (SqlNode item : items) {
                aliases.add(item.getKind() == SqlKind.AS
                        ? ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple().toLowerCase(Locale.ROOT) : null);
            }
            if (select.getGroup() != null) {
                for (SqlNode g : select.getGroup()) {
                    addGroupItem(g, items);
                }
            }
        }

        private void addGroupItem(SqlNode g, SqlNodeList items) {
            if (g == null) {
                return;
            }
            SqlKind kind = g.getKind();
            if (kind == SqlKind.ROLLUP || kind == SqlKind.CUBE || kind == SqlKind.GROUPING_SETS) {
                for (SqlNode operand : ((SqlCall) g).getOperandList()) {
                    addGroupItem(operand, items);
                }
                return;
            }
            if (g instanceof SqlNodeList list) {
                for (SqlNode n : list) {
                    addGroupItem(n, items);
                }
                return;
            }
            if (g instanceof SqlLiteral lit && lit.getValue() instanceof java.math.BigDecimal position) {
                int i = position.intValue() - 1;
                if (i >= 0 && i < groupedItems.length) {
                    groupedItems[i] = true;
                }
                return;
            }
            if (g instanceof SqlIdentifier id && id.isSimple()) {
                // GROUP BY looks for a FROM column first, then a select alias (MySQL and Calcite alike)
                String name = id.getSimple().toLowerCase(Locale.ROOT);
                int i = fromColumns != null && fromColumns.contains(name) ? -1 : aliases.indexOf(name);
                if (i >= 0) {
                    groupedItems[i] = true;
                }
            }
            groupItems.add(g);
            groupTexts.add(g.toString());
        }

        boolean isGrouped(SqlNode node) {
            if (node instanceof SqlIdentifier id) {
                for (SqlNode g : groupItems) {
                    if (g instanceof SqlIdentifier gid && sameColumn(id, gid)) {
                        return true;
                    }
                }
                return false;
            }
            return groupTexts.contains(node.toString());
        }

        boolean isAlias(SqlIdentifier id) {
            return aliasesVisible && id.isSimple() && aliases.contains(id.getSimple().toLowerCase(Locale.ROOT));
        }
    }

    private java.util.Set<String> fromColumns(SqlSelect select) {
        return FromColumns.of(session, select);
    }

    /**
     * The tables of a SELECT's FROM (plain tables, by alias or name) with a key (the primary key, or a unique key of
     * NOT NULL columns) whose every column is among its GROUP BY columns or fixed by its conditions, each key column
     * named with that table's qualifier.
     */
    private java.util.Set<String> keyedTables(SqlSelect select, Scope scope, List<SqlIdentifier> fixed) {
        java.util.Set<String> out = new java.util.HashSet<>();
        List<SqlNode> from = new ArrayList<>();
        flattenFrom(select.getFrom(), from);
        for (SqlNode f : from) {
            SqlNode table = f.getKind() == SqlKind.AS ? ((SqlCall) f).operand(0) : f;
            if (!(table instanceof SqlIdentifier id) || id.names.size() > 2) {
                continue;
            }
            String qualifier = (f.getKind() == SqlKind.AS ? ((SqlIdentifier) ((SqlCall) f).operand(1)).getSimple()
                    : id.names.get(id.names.size() - 1));
            boolean grouped = false;
            for (List<String> key : candidateKeys(id)) {
                boolean all = true;
                for (String column : key) {
                    SqlIdentifier qualified = new SqlIdentifier(List.of(qualifier, column), SqlParserPos.ZERO);
                    boolean fixedHere = from.size() == 1 ? FixedColumns.contains(fixed, qualified)
                            : fixedQualified(fixed, qualifier, column);
                    all &= fixedHere || scope.isGrouped(qualified)
                            && (from.size() == 1 || isQualifiedGroupItem(scope, qualifier, column));
                }
                grouped |= all;
            }
            if (grouped) {
                out.add(qualifier.toLowerCase(Locale.ROOT));
                if (from.size() == 1) {
                    out.add(""); // an unqualified column can only be this table's
                }
            }
        }
        return out;
    }

    /**
     * A bare {@code *} over the one table of FROM (under ONLY_FULL_GROUP_BY: when its key is grouped) becomes its
     * columns, so that those not grouped can be wrapped like any column named outright (Calcite would expand the
     * star after this rewrite and refuse them).
     */
    private void expandStar(SqlSelect select) {
        SqlNodeList items = select.getSelectList();
        SqlNode from = select.getFrom();
        SqlNode table = from != null && from.getKind() == SqlKind.AS ? ((SqlCall) from).operand(0) : from;
        if (!(table instanceof SqlIdentifier tableId) || schema(tableId) == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof SqlIdentifier id && id.isStar() && id.names.size() == 1) {
                List<String> columns = visibleColumns(tableId);
                items.remove(i);
                for (int k = 0; k < columns.size(); k++) {
                    items.add(i + k, new SqlIdentifier(columns.get(k), id.getParserPosition()));
                }
                return;
            }
        }
    }

    /** With several tables, an unqualified GROUP BY column could be another table's: only a qualified one counts. */
    private static boolean isQualifiedGroupItem(Scope scope, String qualifier, String column) {
        for (SqlNode g : scope.groupItems) {
            if (g instanceof SqlIdentifier gid && gid.names.size() >= 2 && sameColumn(gid,
                    new SqlIdentifier(List.of(qualifier, column), SqlParserPos.ZERO))) {
                return true;
            }
        }
        return false;
    }

    private static void flattenFrom(SqlNode from, List<SqlNode> out) {
        if (from instanceof org.apache.calcite.sql.SqlJoin join) {
            flattenFrom(join.getLeft(), out);
            flattenFrom(join.getRight(), out);
        } else if (from != null) {
            out.add(from);
        }
    }

    /** With several tables, only a qualified fixed column is surely this table's. */
    private static boolean fixedQualified(List<SqlIdentifier> fixed, String qualifier, String column) {
        for (SqlIdentifier f : fixed) {
            if (f.names.size() >= 2 && f.names.get(f.names.size() - 2).equalsIgnoreCase(qualifier)
                    && f.names.get(f.names.size() - 1).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The keys of the table {@code id} names: its primary key and each unique index over whole NOT NULL columns
     * (NULLs may repeat in a unique index, so a nullable one identifies no row). None when it is not a table here.
     */
    private List<List<String>> candidateKeys(SqlIdentifier id) {
        var schema = schema(id);
        if (schema == null) {
            return List.of();
        }
        List<List<String>> keys = new ArrayList<>();
        if (!schema.primaryKey().isEmpty()) {
            keys.add(schema.primaryKey());
        }
        for (var index : schema.indexes()) {
            if (index.unique() && index.prefixLengths().isEmpty() && index.columns().stream()
                    .allMatch(c -> schema.column(c).map(col -> !col.nullable()).orElse(false))) {
                keys.add(index.columns());
            }
        }
        return keys;
    }

    /** The columns {@code SELECT *} shows of the table {@code id} names (functional keys' hidden ones left out). */
    private List<String> visibleColumns(SqlIdentifier id) {
        List<String> out = new ArrayList<>();
        for (var c : schema(id).columns()) {
            if (!c.hidden()) {
                out.add(c.name());
            }
        }
        return out;
    }

    private dev.scion.versioning.schema.TableSchema schema(SqlIdentifier id) {
        String db = id.names.size() == 2 ? id.names.get(0) : session.currentDatabase();
        String table = id.names.get(id.names.size() - 1);
        dev.scion.sql.catalog.DatabaseState state = db == null ? null : session.findDatabase(db).orElse(null);
        if (state == null) {
            return null;
        }
        for (var e : state.workingRoot().tables().entrySet()) {
            if (e.getKey().equalsIgnoreCase(table)) {
                return state.repo().readTable(state.buffer(), e.getValue()).schema();
            }
        }
        return null;
    }

    private static boolean sameColumn(SqlIdentifier a, SqlIdentifier b) {
        String an = a.names.get(a.names.size() - 1);
        String bn = b.names.get(b.names.size() - 1);
        if (!an.equalsIgnoreCase(bn)) {
            return false;
        }
        if (a.names.size() == 1 || b.names.size() == 1) {
            return true;
        }
        return a.names.get(a.names.size() - 2).equalsIgnoreCase(b.names.get(b.names.size() - 2));
    }

    private static void rewriteList(SqlNodeList list, Scope scope) {
        for (int i = 0; i < list.size(); i++) {
            list.set(i, rewriteExpr(list.get(i), scope));
        }
    }

    /** A select item; a bare column that gets wrapped keeps its name as the alias of the result column. */
    private static SqlNode rewriteItem(SqlNode item, Scope scope) {
        if (item instanceof SqlIdentifier id && !id.isStar()) {
            SqlNode wrapped = rewriteExpr(id, scope);
            if (wrapped == id) {
                return id;
            }
            return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, wrapped,
                    new SqlIdentifier(id.names.get(id.names.size() - 1), SqlParserPos.ZERO));
        }
        if (item.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) item;
            as.setOperand(0, rewriteExpr(as.operand(0), scope));
            return as;
        }
        return rewriteExpr(item, scope);
    }

    private static SqlNode rewriteExpr(SqlNode node, Scope scope) {
        if (node == null || node instanceof SqlLiteral || scope.isGrouped(node)) {
            return node;
        }
        if (node instanceof SqlIdentifier id) {
            if (id.isStar() || scope.isAlias(id) || id.names.get(id.names.size() - 1).startsWith("@")) {
                return id;
            }
            String qualifier = id.names.size() < 2 ? "" : id.names.get(id.names.size() - 2).toLowerCase(Locale.ROOT);
            if (scope.keyedTables != null && !scope.keyedTables.contains(qualifier)
                    && !FixedColumns.contains(scope.fixed, id)) {
                return id;
            }
            return SqlStdOperatorTable.ANY_VALUE.createCall(id.getParserPosition(), id);
        }
        if (node instanceof SqlNodeList list) {
            rewriteList(list, scope);
            return list;
        }
        if (!(node instanceof SqlCall call) || node instanceof SqlSelect || SubQueries.isQuery(node)
                || call.getKind() == SqlKind.OVER || AggregateCalls.isAggregateCall(call)) {
            return node;
        }
        SqlOperands.replace(call, operand -> rewriteExpr(operand, scope));
        return node;
    }

    /**
     * An aggregate SELECT without GROUP BY: one row, so its ORDER BY orders nothing and MySQL accepts any column
     * there even under ONLY_FULL_GROUP_BY.
     */
    private static boolean isImplicitlyGrouped(SqlSelect select) {
        return select.getGroup() == null || select.getGroup().isEmpty();
    }

    /** Whether the SELECT aggregates: it groups, has HAVING, or its select list calls an aggregate function. */
    private static boolean isAggregate(SqlSelect select) {
        if (select.getGroup() != null && !select.getGroup().isEmpty()) {
            return true;
        }
        if (select.getHaving() != null) {
            return true;
        }
        for (SqlNode item : select.getSelectList()) {
            if (AggregateCalls.containsAggregate(item)) {
                return true;
            }
        }
        return false;
    }
}
