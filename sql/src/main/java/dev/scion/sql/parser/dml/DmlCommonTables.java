package dev.scion.sql.parser.dml;

import dev.scion.sql.plan.SqlDeepCopy;
import org.apache.calcite.sql.SqlBasicCall;
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

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL 8's {@code WITH cte AS (...) UPDATE ...} and {@code WITH ... DELETE ...}: the common tables are visible
 * to every query of the statement. UPDATE and DELETE have no WITH of their own here, so the list is handed to each
 * query they hold: a subquery {@code q} (in SET, WHERE or a join condition) becomes {@code WITH ... q}, and a common
 * table joined by a multi-table statement becomes the derived table {@code (WITH ... SELECT * FROM cte) AS cte}.
 * Each place gets its own copy of the list, since the validator rewrites nodes in place.
 */
public final class DmlCommonTables {
    private final SqlNodeList withList;
    private final Set<String> names = new HashSet<>();

    private DmlCommonTables(SqlNodeList withList) {
        this.withList = withList;
        for (SqlNode item : withList) {
            names.add(((SqlWithItem) item).name.getSimple().toLowerCase(Locale.ROOT));
        }
    }

    /** {@code dml} (an UPDATE or DELETE) with {@code withList} given to the queries it holds; changed in place. */
    public static SqlNode attach(SqlNodeList withList, SqlNode dml) {
        DmlCommonTables tables = new DmlCommonTables(withList);
        if (dml instanceof SqlUpdate update) {
            tables.source(update.getTargetTable());
            update.setOperand(2, tables.inQueries(update.getSourceExpressionList()));
            update.setOperand(3, tables.inQueries(update.getCondition()));
        } else if (dml instanceof SqlDelete delete) {
            tables.source(delete.getTargetTable());
            delete.setOperand(1, tables.inQueries(delete.getCondition()));
        }
        return dml;
    }

    /**
     * The statement's table references, changed in place: a common table in a join becomes a derived table; a lone
     * target is left for the executor (MySQL cannot update a common table either).
     */
    private void source(SqlNode ref) {
        if (ref instanceof SqlJoin join) {
            join.setLeft(joined(join.getLeft()));
            join.setRight(joined(join.getRight()));
            join.setOperand(5, inQueries(join.getCondition()));
        }
    }

    private SqlNode joined(SqlNode ref) {
        if (ref instanceof SqlJoin) {
            source(ref);
            return ref;
        }
        if (ref instanceof SqlIdentifier id && isCommonTable(id)) {
            return as(read(id), id.getSimple());
        }
        if (ref instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            SqlNode inner = call.operand(0);
            if (inner instanceof SqlIdentifier id && isCommonTable(id)) {
                call.setOperand(0, read(id));
            } else {
                call.setOperand(0, inQueries(inner));
            }
        }
        return ref;
    }

    /** {@code node} with each outermost query in it given the common tables. */
    private SqlNode inQueries(SqlNode node) {
        if (node == null) {
            return null;
        }
        if (node.getKind().belongsTo(SqlKind.QUERY)) {
            return with(node);
        }
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                list.set(i, inQueries(list.get(i)));
            }
        } else if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                SqlNode rewritten = inQueries(operand);
                if (rewritten != operand) {
                    call.setOperand(i, rewritten);
                }
            }
        }
        return node;
    }

    private boolean isCommonTable(SqlIdentifier id) {
        return id.isSimple() && names.contains(id.getSimple().toLowerCase(Locale.ROOT));
    }

    /** {@code WITH ... SELECT * FROM cte}. */
    private SqlNode read(SqlIdentifier cte) {
        SqlParserPos pos = cte.getParserPosition();
        SqlNodeList star = new SqlNodeList(List.of(SqlIdentifier.star(pos)), pos);
        SqlSelect all = new SqlSelect(pos, null, star, cte, null, null, null, null, null, null, null, null);
        return with(all);
    }

    private SqlNode with(SqlNode query) {
        return new SqlWith(query.getParserPosition(), (SqlNodeList) SqlDeepCopy.of(withList), query);
    }

    private static SqlNode as(SqlNode query, String alias) {
        return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, query, new SqlIdentifier(alias, SqlParserPos.ZERO));
    }
}
