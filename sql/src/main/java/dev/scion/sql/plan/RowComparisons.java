package dev.scion.sql.plan;

import java.util.ArrayList;
import java.util.List;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * MySQL's row comparisons that Calcite lacks, written out before validation:
 * <ul>
 * <li>{@code (a, b) < (x, y)} and the other orderings compare lexicographically, as MySQL documents:
 * {@code a < x OR (a = x AND b < y)};</li>
 * <li>a sub-query of several columns used as a row ({@code (a, b) = (SELECT x, y ...)}) becomes a row of one-column
 * scalar sub-queries over it, each still refusing a second row (1242);</li>
 * <li>{@code (a, b) <> (x, y)} is true when any field differs: {@code a <> x OR b <> y};</li>
 * <li>operands of different widths are refused with 1241 (Operand should contain N column(s)).</li>
 * </ul>
 * Row equality and row IN lists are left to Calcite, which expands them itself.
 */
public final class RowComparisons extends SqlShuttle {
    private RowComparisons() {
    }

    public static SqlNode rewrite(SqlNode query) {
        return query.accept(new RowComparisons());
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (!(visited instanceof SqlCall c) || c.operandCount() != 2) {
            return visited;
        }
        SqlKind kind = c.getKind();
        boolean ordering = kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL
                || kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL;
        boolean comparison = ordering || kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS
                || kind == SqlKind.IS_NOT_DISTINCT_FROM;
        if (kind == SqlKind.IN || kind == SqlKind.NOT_IN) {
            return in(c);
        }
        if (!comparison) {
            return visited;
        }
        SqlNode left = c.operand(0);
        SqlNode right = c.operand(1);
        int lw = width(left);
        int rw = width(right);
        if (lw < 0 || rw < 0 || lw == 1 && rw == 1) {
            return visited;
        }
        if (lw != rw) {
            throw operandColumns(lw);
        }
        List<SqlNode> l = fields(left, lw);
        List<SqlNode> r = fields(right, rw);
        if (kind == SqlKind.NOT_EQUALS) {
            return anyFieldDiffers(l, r);
        }
        if (!ordering) {
            return SubQueries.isQuery(left) || SubQueries.isQuery(right)
                    ? c.getOperator().createCall(c.getParserPosition(), row(l), row(r)) : visited;
        }
        return lexicographic(c.getOperator(), l, r, 0);
    }

    /** {@code row IN (...)}: a sub-query row on the left is written out; widths must agree. */
    private SqlNode in(SqlCall c) {
        SqlNode left = c.operand(0);
        SqlNode right = c.operand(1);
        int lw = width(left);
        if (lw < 0) {
            return c;
        }
        if (right instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                int w = width(item);
                if (w >= 0 && w != lw) {
                    throw operandColumns(lw);
                }
            }
        } else {
            int rw = width(right);
            if (rw >= 0 && rw != lw) {
                throw operandColumns(lw);
            }
        }
        if (lw > 1 && SubQueries.isQuery(left)) {
            return c.getOperator().createCall(c.getParserPosition(), row(fields(left, lw)), right);
        }
        return c;
    }

    private static SqlError operandColumns(int n) {
        return new SqlError(ErrorCode.OPERAND_COLUMNS, "Operand should contain " + n + " column(s)");
    }

    /** {@code (a, b) <> (x, y)}: {@code a <> x OR b <> y}, which Calcite's validator does not take on rows. */
    private static SqlNode anyFieldDiffers(List<SqlNode> l, List<SqlNode> r) {
        SqlParserPos pos = SqlParserPos.ZERO;
        SqlNode any = null;
        for (int i = 0; i < l.size(); i++) {
            SqlNode differs = SqlStdOperatorTable.NOT_EQUALS.createCall(pos, l.get(i), r.get(i));
            any = any == null ? differs : SqlStdOperatorTable.OR.createCall(pos, any, differs);
        }
        return any;
    }

    /** {@code l op r} over fields {@code i..}: {@code l[i] op' r[i] OR (l[i] = r[i] AND rest)}. */
    private static SqlNode lexicographic(SqlOperator op, List<SqlNode> l, List<SqlNode> r, int i) {
        SqlParserPos pos = SqlParserPos.ZERO;
        if (i == l.size() - 1) {
            return op.createCall(pos, l.get(i), r.get(i));
        }
        SqlOperator strict = switch (op.getKind()) {
            case LESS_THAN_OR_EQUAL -> SqlStdOperatorTable.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> SqlStdOperatorTable.GREATER_THAN;
            default -> op;
        };
        SqlNode first = strict.createCall(pos, l.get(i), r.get(i));
        SqlNode tie = SqlStdOperatorTable.EQUALS.createCall(pos, SqlDeepCopy.of(l.get(i)), SqlDeepCopy.of(r.get(i)));
        return SqlStdOperatorTable.OR.createCall(pos, first,
                SqlStdOperatorTable.AND.createCall(pos, tie, lexicographic(op, l, r, i + 1)));
    }

    /** How many columns {@code node} has: a row's fields, a sub-query's select items; -1 when unknown. */
    private static int width(SqlNode node) {
        if (node.getKind() == SqlKind.ROW) {
            return ((SqlCall) node).operandCount();
        }
        if (node instanceof SqlSelect select) {
            for (SqlNode item : select.getSelectList()) {
                if (item instanceof SqlIdentifier id && id.isStar()) {
                    return -1;
                }
            }
            return select.getSelectList().size();
        }
        return SubQueries.isQuery(node) ? -1 : 1;
    }

    /** The fields of a row, or of a sub-query of {@code n} columns as one scalar sub-query per column. */
    private static List<SqlNode> fields(SqlNode node, int n) {
        if (node.getKind() == SqlKind.ROW) {
            return ((SqlCall) node).getOperandList();
        }
        if (n == 1) {
            return List.of(node);
        }
        SqlParserPos pos = node.getParserPosition();
        List<SqlNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<SqlNode> as = new ArrayList<>();
            as.add(SqlDeepCopy.of(node));
            as.add(new SqlIdentifier("$row", pos));
            for (int k = 0; k < n; k++) {
                as.add(new SqlIdentifier("$c" + k, pos));
            }
            SqlNode from = SqlStdOperatorTable.AS.createCall(pos, as);
            SqlNodeList select = SqlNodeList.of(new SqlIdentifier("$c" + i, pos));
            out.add(new SqlSelect(pos, null, select, from, null, null, null, null, null, null, null, null, null));
        }
        return out;
    }

    private static SqlNode row(List<SqlNode> fields) {
        return SqlStdOperatorTable.ROW.createCall(SqlParserPos.ZERO, fields);
    }
}
