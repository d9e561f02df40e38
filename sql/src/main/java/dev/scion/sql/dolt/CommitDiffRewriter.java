package dev.scion.sql.dolt;

import dev.scion.sql.dml.ExpressionEvaluator;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * dolt_commit_diff_&lt;t&gt; must be filtered to one from_commit and one to_commit: this rewrite reads the two from
 * the query's WHERE ({@code to_commit = X AND from_commit = Y}, any constant expressions) and replaces the table
 * with the table function {@code dolt_commit_diff(Y, X, t)}, which diffs just those two roots. The WHERE stays,
 * and holds, since the function reports the revisions as given. Without both filters the query fails as in Dolt.
 * Likewise dolt_diff_&lt;t&gt; filtered by {@code to_commit = X} is narrowed to that one commit's change.
 */
final class CommitDiffRewriter extends SqlShuttle {
    static final String PREFIX = "dolt_commit_diff_";

    private final Session session;
    private final String sql;

    CommitDiffRewriter(Session session, String sql) {
        this.session = session;
        this.sql = sql;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlSelect select && select.getFrom() != null) {
            select.setFrom(rewriteFrom(select.getFrom(), select.getWhere()));
        }
        return visited;
    }

    private SqlNode rewriteFrom(SqlNode from, SqlNode where) {
        if (from instanceof SqlJoin join) {
            join.setLeft(rewriteFrom(join.getLeft(), where));
            join.setRight(rewriteFrom(join.getRight(), where));
            return join;
        }
        if (from instanceof SqlCall as && as.getKind() == SqlKind.AS && as.operand(0) instanceof SqlIdentifier id
                && diffTable(id) != null) {
            String alias = ((SqlIdentifier) as.operand(1)).getSimple();
            SqlIdentifier narrowed = diffAt(id, where, alias);
            if (narrowed == null) {
                return from;
            }
            List<SqlNode> operands = new ArrayList<>(as.getOperandList());
            operands.set(0, narrowed);
            return new SqlBasicCall(as.getOperator(), operands, as.getParserPosition());
        }
        if (from instanceof SqlIdentifier id && diffTable(id) != null) {
            String alias = id.names.get(id.names.size() - 1);
            SqlIdentifier narrowed = diffAt(id, where, alias);
            return narrowed == null ? from : SqlStdOperatorTable.AS.createCall(id.getParserPosition(), narrowed,
                    new SqlIdentifier(alias, id.getParserPosition()));
        }
        if (from instanceof SqlCall as && as.getKind() == SqlKind.AS && as.operand(0) instanceof SqlIdentifier id
                && commitDiffTable(id) != null) {
            List<SqlNode> operands = new ArrayList<>(as.getOperandList());
            String alias = ((SqlIdentifier) as.operand(1)).getSimple();
            operands.set(0, replacement(id, where, alias));
            return new SqlBasicCall(as.getOperator(), operands, as.getParserPosition());
        }
        if (from instanceof SqlIdentifier id && commitDiffTable(id) != null) {
            String alias = id.names.get(id.names.size() - 1);
            return SqlStdOperatorTable.AS.createCall(id.getParserPosition(), replacement(id, where, alias),
                    new SqlIdentifier(alias, id.getParserPosition()));
        }
        return from;
    }

    /** The table of a dolt_diff_&lt;t&gt; reference, or null. */
    private static String diffTable(SqlIdentifier id) {
        String last = id.names.get(id.names.size() - 1);
        String lower = last.toLowerCase(Locale.ROOT);
        return lower.startsWith(DoltDiffForTable.PREFIX) && last.length() > DoltDiffForTable.PREFIX.length()
                && !lower.startsWith(PREFIX) && last.indexOf('\0') < 0
                ? last.substring(DoltDiffForTable.PREFIX.length()) : null;
    }

    /**
     * dolt_diff_&lt;t&gt; with {@code to_commit = X} in the WHERE becomes dolt_diff_at(t, X), which diffs only that
     * commit against its parent instead of every commit of the history (the WHERE stays and still holds); null
     * when the WHERE does not fix to_commit.
     */
    private SqlIdentifier diffAt(SqlIdentifier id, SqlNode where, String alias) {
        String to = filterValue(where, "to_commit", alias);
        if (to == null) {
            return null;
        }
        List<String> names = new ArrayList<>(id.names.subList(0, id.names.size() - 1));
        names.add(TableFunctions.encode(DoltDiffForTable.AT_FUNCTION, List.of(diffTable(id), to)));
        return new SqlIdentifier(names, id.getParserPosition());
    }

    private static String commitDiffTable(SqlIdentifier id) {
        String last = id.names.get(id.names.size() - 1);
        return last.toLowerCase(Locale.ROOT).startsWith(PREFIX) && last.length() > PREFIX.length()
                ? last.substring(PREFIX.length()) : null;
    }

    private SqlIdentifier replacement(SqlIdentifier id, SqlNode where, String alias) {
        String table = commitDiffTable(id);
        String to = filterValue(where, "to_commit", alias);
        String from = filterValue(where, "from_commit", alias);
        if (to == null || from == null) {
            // Dolt's words, naming the first filter missing, with the table name as Dolt prints it (lower case)
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "error querying table "
                    + id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT)
                    + ": dolt_commit_diff_* tables must be filtered to a single '"
                    + (to == null ? "to_commit" : "from_commit") + "'");
        }
        List<String> names = new ArrayList<>(id.names.subList(0, id.names.size() - 1));
        names.add(TableFunctions.encode("dolt_commit_diff", List.of(from, to, table)));
        return new SqlIdentifier(names, id.getParserPosition());
    }

    /** The constant a top-level conjunct {@code column = constant} gives the column, or null. */
    private String filterValue(SqlNode where, String column, String alias) {
        if (!(where instanceof SqlCall c)) {
            return null;
        }
        if (c.getKind() == SqlKind.AND) {
            for (SqlNode operand : c.getOperandList()) {
                String v = filterValue(operand, column, alias);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
        if (c.getKind() != SqlKind.EQUALS) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            if (names(c.operand(side), column, alias) && isConstant(c.operand(1 - side))) {
                Object v = ExpressionEvaluator.evaluate(session, List.of(c.operand(1 - side)), sql)[0];
                return v == null ? null : v.toString();
            }
        }
        return null;
    }

    private static boolean names(SqlNode node, String column, String alias) {
        if (!(node instanceof SqlIdentifier id)) {
            return false;
        }
        String last = id.names.get(id.names.size() - 1);
        return last.equalsIgnoreCase(column)
                && (id.names.size() == 1 || id.names.get(id.names.size() - 2).equalsIgnoreCase(alias));
    }

    /** No column references: a literal or a function of literals (HASHOF('main')). */
    private static boolean isConstant(SqlNode node) {
        if (node instanceof SqlIdentifier) {
            return false;
        }
        if (node instanceof SqlCall c) {
            if (c instanceof SqlSelect) {
                return false;
            }
            return c.getOperandList().stream().allMatch(o -> o == null || isConstant(o));
        }
        return true;
    }
}
