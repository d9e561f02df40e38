package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.expr.Values;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.DuplicateKeyException;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/**
 * UPDATE: reads the matching rows with their new values computed by one planned query over the transaction's
 * snapshot, then writes them through a table editor.
 */
public final class UpdateExecutor {
    private UpdateExecutor() {
    }

    public static StatementResult execute(Session session, SqlUpdate update, String sql) {
        TableTarget target = TableTarget.resolve(session, update.getTargetTable());
        TableSchema schema = target.value().schema();
        SqlNodeList targets = update.getTargetColumnList();
        int[] setPositions = new int[targets.size()];
        for (int i = 0; i < setPositions.length; i++) {
            SqlIdentifier id = (SqlIdentifier) targets.get(i);
            String name = id.names.get(id.names.size() - 1);
            setPositions[i] = schema.columnIndex(name);
            if (setPositions[i] < 0) {
                throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + name + "' in 'field list'");
            }
        }
        SqlSelect select = selectRows(update.getTargetTable(), update.getAlias(), schema,
                update.getSourceExpressionList().getList(), update.getCondition());
        QueryPlanner.Plan plan = QueryPlanner.plan(session, select, sql);
        TableEditor editor = target.editor();
        int n = schema.columns().size();
        long matched = 0;
        long changed = 0;
        try (RowStream rows = plan.root().open(new ExecContext(session))) {
            Object[] r;
            while ((r = rows.next()) != null) {
                matched++;
                Object[] old = new Object[n];
                System.arraycopy(r, 0, old, 0, n);
                Object[] next = old.clone();
                for (int i = 0; i < setPositions.length; i++) {
                    Column c = schema.columns().get(setPositions[i]);
                    Object v = r[n + i];
                    next[setPositions[i]] = ColumnValues.coerce(v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v, c,
                            matched);
                }
                if (sameRow(old, next)) {
                    continue;
                }
                changed++;
                try {
                    editor.update(old, next);
                } catch (DuplicateKeyException e) {
                    throw new SqlError(ErrorCode.DUP_ENTRY, e.getMessage());
                }
            }
        }
        if (changed > 0) {
            target.apply(editor);
        }
        return new StatementResult.Update(session.foundRows() ? matched : changed, 0, 0,
                "Rows matched: " + matched + "  Changed: " + changed + "  Warnings: 0");
    }

    static boolean sameRow(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || b[i] == null) {
                if (a[i] != b[i]) {
                    return false;
                }
            } else if (a[i] instanceof byte[] x && b[i] instanceof byte[] y) {
                if (!java.util.Arrays.equals(x, y)) {
                    return false;
                }
            } else if (a[i].getClass() != b[i].getClass() ? Values.compare(a[i], b[i]) != 0 : !a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code SELECT <every column>, <extra...> FROM table [alias] WHERE condition}. */
    static SqlSelect selectRows(SqlNode table, SqlIdentifier alias, TableSchema schema, List<SqlNode> extra,
                                SqlNode condition) {
        SqlParserPos pos = SqlParserPos.ZERO;
        List<SqlNode> items = new ArrayList<>();
        String qualifier = alias != null ? alias.getSimple() : ((SqlIdentifier) table).names.get(
                ((SqlIdentifier) table).names.size() - 1);
        for (Column c : schema.columns()) {
            items.add(new SqlIdentifier(List.of(qualifier, c.name()), pos));
        }
        items.addAll(extra);
        SqlNode from = alias == null ? table : SqlStdOperatorTable.AS.createCall(pos, table, alias);
        return new SqlSelect(pos, null, new SqlNodeList(items, pos), from, condition, null, null, null, null, null,
                null, null);
    }
}
