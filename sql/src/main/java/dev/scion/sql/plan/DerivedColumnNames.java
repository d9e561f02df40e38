package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names the columns of every derived table and CTE of a statement as MySQL 8 does: an unaliased expression is named
 * after its text as written ({@code SELECT * FROM (SELECT COUNT(*) FROM t) d} has a column {@code COUNT(*)}, which
 * the outer query can name as {@code `COUNT(*)`}), by the same rule as the outer query ({@link SelectLabeler}).
 * Calcite would name it EXPR$0 and make repeated names unique; MySQL refuses a derived table or CTE whose columns
 * share a name, compared without case (1060), and a column list whose length is not the select list's (1353).
 * Unlike a view's, a long name is not replaced by Name_exp_N: MySQL does that for views only.
 * A CTE nothing reads is neither labelled nor checked: MySQL does not resolve it, and Calcite's validator, which
 * checks every WITH item, would refuse the names it repeats. Names hidden behind a {@code *} are not checked here
 * (that needs the tables' columns).
 */
public final class DerivedColumnNames {
    private DerivedColumnNames() {
    }

    /** Labels, in place, the derived tables and CTEs of {@code statement} as parsed from {@code sql}; checks them. */
    public static void name(SqlNode statement, String sql) {
        walk(statement, sql);
    }

    private static void walk(SqlNode node, String sql) {
        if (node instanceof SqlWith with) {
            Set<SqlWithItem> referenced = referencedItems(with);
            for (SqlNode n : with.withList) {
                SqlWithItem item = (SqlWithItem) n;
                if (referenced.contains(item)) {
                    SelectLabeler.label(item.query, sql);
                    check(item.query, item.columnList);
                    walk(item.query, sql);
                }
            }
            walk(with.body, sql);
            return;
        }
        if (node instanceof SqlNodeList list) {
            list.forEach(n -> walk(n, sql));
            return;
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.AS && call.operandCount() >= 2) {
            SqlNode derived = unwrapLateral(call.operand(0));
            if (isQuery(derived)) {
                SelectLabeler.label(derived, sql);
                check(derived, call.operandCount() > 2
                        ? new SqlNodeList(call.getOperandList().subList(2, call.operandCount()),
                                call.getParserPosition())
                        : null);
            }
        }
        if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    walk(operand, sql);
                }
            }
        }
    }

    /**
     * The WITH items the body reads, directly or through another such item: MySQL resolves, and so names and
     * checks, only those ({@code WITH c AS (SELECT 1, 1) SELECT 2} is no error). A name is taken for a reference wherever it
     * appears, which may check an item MySQL would not.
     */
    private static Set<SqlWithItem> referencedItems(SqlWith with) {
        Set<SqlWithItem> referenced = new HashSet<>();
        List<SqlNode> pending = new ArrayList<>(List.of(with.body));
        while (!pending.isEmpty()) {
            Set<String> names = identifierNames(pending.remove(pending.size() - 1));
            for (SqlNode n : with.withList) {
                SqlWithItem item = (SqlWithItem) n;
                if (names.contains(item.name.getSimple().toLowerCase(Locale.ROOT)) && referenced.add(item)) {
                    pending.add(item.query);
                }
            }
        }
        return referenced;
    }

    private static Set<String> identifierNames(SqlNode node) {
        Set<String> names = new HashSet<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                id.names.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
                return null;
            }
        });
        return names;
    }

    private static SqlNode unwrapLateral(SqlNode node) {
        return node != null && node.getKind() == SqlKind.LATERAL ? ((SqlCall) node).operand(0) : node;
    }

    private static boolean isQuery(SqlNode node) {
        return node instanceof SqlSelect || node instanceof SqlOrderBy || node instanceof SqlWith
                || node instanceof SqlBasicCall call && (call.getKind() == SqlKind.UNION
                || call.getKind() == SqlKind.EXCEPT || call.getKind() == SqlKind.INTERSECT);
    }

    /** MySQL's check_duplicate_names for a derived table or CTE: the column list, else the select list's names. */
    private static void check(SqlNode query, SqlNodeList columnList) {
        SqlNodeList items = firstSelectList(query);
        boolean starred = items == null || items.stream().anyMatch(i -> i instanceof SqlIdentifier id && id.isStar());
        if (columnList != null) {
            if (!starred && columnList.size() != items.size()) {
                throw new SqlError(ErrorCode.VIEW_WRONG_LIST, "In definition of view, derived table or common "
                        + "table expression, SELECT list and column names list have different column counts");
            }
            List<String> names = new ArrayList<>();
            for (SqlNode column : columnList) {
                names.add(((SqlIdentifier) column).getSimple());
            }
            refuseDuplicates(names);
            return;
        }
        if (items == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (SqlNode item : items) {
            String name = name(item);
            if (name != null) {
                names.add(name);
            }
        }
        refuseDuplicates(names);
    }

    private static void refuseDuplicates(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new SqlError(ErrorCode.DUP_FIELDNAME, "Duplicate column name '" + name + "'");
            }
        }
    }

    /** The column name of a select item once labelled; null for {@code *} or an item left unnamed. */
    private static String name(SqlNode item) {
        if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(1) instanceof SqlIdentifier alias) {
            return alias.getSimple();
        }
        if (item instanceof SqlIdentifier id && !id.isStar()) {
            return id.names.get(id.names.size() - 1);
        }
        return null;
    }

    /** The select list that names the query's columns: its first SELECT's (a UNION's first branch). */
    private static SqlNodeList firstSelectList(SqlNode query) {
        if (query instanceof SqlOrderBy ob) {
            return firstSelectList(ob.query);
        }
        if (query instanceof SqlWith with) {
            return firstSelectList(with.body);
        }
        if (query instanceof SqlBasicCall call && isQuery(call)) {
            return firstSelectList(call.operand(0));
        }
        return query instanceof SqlSelect select ? select.getSelectList() : null;
    }
}
