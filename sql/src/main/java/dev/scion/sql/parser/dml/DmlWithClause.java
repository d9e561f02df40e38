package dev.scion.sql.parser.dml;

import dev.scion.sql.plan.SqlDeepCopy;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL 8's {@code WITH ... UPDATE} and {@code WITH ... DELETE}: the common table expressions are visible to the
 * statement's tables, its WHERE and its sub-queries. Each table reference naming one becomes the derived table
 * {@code (WITH <the whole list> SELECT * FROM name) AS name} (keeping its alias if it has one), which means the same:
 * the derived table carries the list, so recursive expressions and expressions naming earlier ones still resolve.
 * A query inside that has a WITH of its own is left as it is.
 */
public final class DmlWithClause {
    private final SqlNodeList withList;
    private final Set<String> names = new HashSet<>();

    private DmlWithClause(SqlNodeList withList) {
        this.withList = withList;
        for (SqlNode item : withList) {
            names.add(key(((SqlWithItem) item).name.getSimple()));
        }
    }

    /** {@code dml} (an UPDATE or DELETE) with the table references to {@code withList}'s names replaced. */
    public static SqlNode apply(SqlNodeList withList, SqlNode dml) {
        DmlWithClause clause = new DmlWithClause(withList);
        // A single target table stays as it is: a common table expression is no table one can write to. A join
        // of targets is rewritten in place.
        if (dml instanceof SqlUpdate update) {
            clause.targets(update.getTargetTable());
            clause.visitExpressions(update.getSourceExpressionList());
            clause.visitExpressions(update.getCondition());
        } else if (dml instanceof SqlDelete delete) {
            clause.targets(delete.getTargetTable());
            clause.visitExpressions(delete.getCondition());
        }
        return dml;
    }

    private void targets(SqlNode table) {
        if (table instanceof SqlJoin join) {
            from(join);
        }
    }

    /** A FROM item with its references to common table expressions replaced. */
    private SqlNode from(SqlNode node) {
        if (node instanceof SqlIdentifier id && id.isSimple() && names.contains(key(id.getSimple()))) {
            return alias(derived(id.getSimple(), id.getParserPosition()), id.getSimple(), id.getParserPosition());
        }
        if (node instanceof SqlJoin join) {
            join.setLeft(from(join.getLeft()));
            join.setRight(from(join.getRight()));
            visitExpressions(join.getCondition());
            return join;
        }
        if (node != null && node.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) node;
            SqlNode source = as.operand(0);
            if (source instanceof SqlIdentifier id && id.isSimple() && names.contains(key(id.getSimple()))) {
                as.setOperand(0, derived(id.getSimple(), id.getParserPosition()));
            } else {
                visitExpressions(source);
            }
            return as;
        }
        visitExpressions(node);
        return node;
    }

    /** Rewrites the FROM of every query inside {@code node}. */
    private void visitExpressions(SqlNode node) {
        if (node == null) {
            return;
        }
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWith) {
                    return null; // a derived table made here, or a nested WITH with its own names
                }
                if (call instanceof SqlSelect select && select.getFrom() != null) {
                    select.setFrom(from(select.getFrom()));
                }
                return super.visit(call);
            }
        });
    }

    private SqlNode derived(String name, SqlParserPos pos) {
        SqlSelect body = new SqlSelect(pos, null, SqlNodeList.of(SqlIdentifier.star(pos)),
                new SqlIdentifier(name, pos), null, null, null, null, null, null, null, null, null);
        return new SqlWith(pos, (SqlNodeList) SqlDeepCopy.of(withList), body);
    }

    private static SqlNode alias(SqlNode source, String name, SqlParserPos pos) {
        return SqlStdOperatorTable.AS.createCall(pos, source, new SqlIdentifier(name, pos));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
