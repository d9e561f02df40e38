package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where MySQL's USING and NATURAL joins differ from Calcite's, settled before validation:
 * <ul>
 * <li>{@code SELECT *} shows the coalesced columns in the order of the first table, not of the USING list
 * ({@code t1 JOIN t2 USING (j, i)} shows {@code i, j}): the list is put in the left side's column order.</li>
 * <li>A RIGHT join is read as the LEFT join of its sides swapped, so {@code *} shows the coalesced columns, then
 * the right table's, then the left's: the join is written so.</li>
 * <li>A USING column that two tables of one side have (and that a USING or NATURAL join there has not coalesced)
 * is 1052, where Calcite picked one.</li>
 * </ul>
 * Column lists are read from the catalog by table name; a side holding a derived table, a table function, a view
 * or a common table expression is left as it is.
 */
public final class UsingJoins extends SqlBasicVisitor<Void> {
    private final Session session;
    /** Names of the common table expressions in the statement, which shadow tables of the same name. */
    private final Set<String> cteNames = new HashSet<>();

    private UsingJoins(Session session) {
        this.session = session;
    }

    /** Rewrites {@code query} in place; returns it. */
    public static SqlNode rewrite(Session session, SqlNode query) {
        query.accept(new UsingJoins(session));
        return query;
    }

    @Override
    public Void visit(SqlCall call) {
        if (call instanceof SqlWith with) {
            for (SqlNode item : with.withList) {
                cteNames.add(key(((SqlWithItem) item).name.getSimple()));
            }
        } else if (call instanceof SqlSelect select && select.getFrom() instanceof SqlJoin) {
            select.setFrom(rewriteFrom(select.getFrom()));
        }
        return super.visit(call);
    }

    private SqlNode rewriteFrom(SqlNode from) {
        if (!(from instanceof SqlJoin join)) {
            return from;
        }
        join.setLeft(rewriteFrom(join.getLeft()));
        join.setRight(rewriteFrom(join.getRight()));
        boolean using = join.getConditionType() == JoinConditionType.USING;
        if (!using && !join.isNatural()) {
            return join;
        }
        if (join.getJoinType() == JoinType.RIGHT) {
            join = new SqlJoin(join.getParserPosition(), join.getRight(), join.isNaturalNode(),
                    JoinType.LEFT.symbol(join.getJoinTypeNode().getParserPosition()), join.getLeft(),
                    join.getConditionTypeNode(), join.getCondition());
        }
        if (using) {
            List<String> left = columns(join.getLeft());
            List<String> right = columns(join.getRight());
            if (left != null && right != null) {
                orderUsingList(join, left, right);
            }
        }
        return join;
    }

    private static void orderUsingList(SqlJoin join, List<String> left, List<String> right) {
        SqlNodeList names = (SqlNodeList) join.getCondition();
        for (SqlNode n : names) {
            String name = key(((SqlIdentifier) n).getSimple());
            if (Collections.frequency(left, name) > 1 || Collections.frequency(right, name) > 1) {
                throw new SqlError(ErrorCode.NON_UNIQ,
                        "Column '" + ((SqlIdentifier) n).getSimple() + "' in from clause is ambiguous");
            }
        }
        List<SqlNode> ordered = new ArrayList<>(names.getList());
        ordered.sort((a, b) -> Integer.compare(left.indexOf(key(((SqlIdentifier) a).getSimple())),
                left.indexOf(key(((SqlIdentifier) b).getSimple()))));
        for (int i = 0; i < ordered.size(); i++) {
            names.set(i, ordered.get(i));
        }
    }

    /**
     * The lower-case columns {@code *} shows of a FROM item, a name once per table that has it (once for the
     * columns a USING or NATURAL join coalesced); null when not known here.
     */
    private List<String> columns(SqlNode from) {
        if (from instanceof SqlIdentifier id) {
            return cteNames.contains(key(id.names.get(id.names.size() - 1))) ? null
                    : FromColumns.visibleColumns(session, id);
        }
        if (from.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) from;
            return as.operandCount() == 2 ? columns(as.operand(0)) : null;
        }
        if (!(from instanceof SqlJoin join)) {
            return null;
        }
        List<String> left = columns(join.getLeft());
        List<String> right = columns(join.getRight());
        if (left == null || right == null) {
            return null;
        }
        List<String> common = new ArrayList<>();
        if (join.isNatural()) {
            for (String c : left) {
                if (right.contains(c)) {
                    common.add(c);
                }
            }
        } else if (join.getConditionType() == JoinConditionType.USING) {
            for (SqlNode n : (SqlNodeList) join.getCondition()) {
                common.add(key(((SqlIdentifier) n).getSimple()));
            }
        }
        List<String> out = new ArrayList<>(common);
        for (String c : left) {
            if (!common.contains(c)) {
                out.add(c);
            }
        }
        for (String c : right) {
            if (!common.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
