package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * INSERT, UPDATE and DELETE on writable system tables. The DML executors ask here first; when the target is such
 * a table the affected rows are selected through the ordinary planner (so WHERE can use any expression) and the
 * table applies the change.
 */
public final class SystemTableWrites {
    private SystemTableWrites() {
    }

    private record Target(DatabaseState db, WritableSystemTable table) {
    }

    private static Optional<Target> target(Session session, SqlNode node) {
        if (!(node instanceof SqlIdentifier id) || id.isStar()) {
            return Optional.empty();
        }
        List<String> names = id.names;
        DatabaseState db = names.size() > 1 ? session.database(names.get(names.size() - 2)) : session.current();
        String name = names.get(names.size() - 1);
        if (db.workingRoot().resolveName(name).isPresent()) {
            return Optional.empty();
        }
        Optional<SystemTable> t = SystemTables.find(name, db);
        if (t.isEmpty() || t.get() instanceof AbsentDoltTable) {
            // dolt_docs / dolt_ignore: the first write creates the real table (dml.TableTarget)
            return Optional.empty();
        }
        if (!(t.get() instanceof WritableSystemTable w)) {
            throw new SqlError(ErrorCode.UNKNOWN_ERROR, name.equalsIgnoreCase("dolt_remotes")
                    ? "the dolt_remotes table is read-only; use the dolt_remote stored procedure to edit remotes"
                    : "table '" + name + "' is read-only");
        }
        if (db.isReadOnly()) {
            throw new SqlError(ErrorCode.READ_ONLY_DATABASE, "database '" + db.name() + "' is read-only");
        }
        return Optional.of(new Target(db, w));
    }

    /** Whether the node names a system table (writable or not) rather than a user table. */
    public static boolean isSystemTable(Session session, SqlNode node) {
        if (!(node instanceof SqlIdentifier id) || id.isStar()) {
            return false;
        }
        List<String> names = id.names;
        DatabaseState db = names.size() > 1 ? session.database(names.get(names.size() - 2)) : session.current();
        String name = names.get(names.size() - 1);
        return db.workingRoot().resolveName(name).isEmpty() && SystemTables.find(name, db).isPresent();
    }

    public static Optional<StatementResult> delete(Session session, SqlNode table, SqlIdentifier alias,
                                                   SqlNode condition, String sql) {
        Optional<Target> t = target(session, table);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Selected sel = select(session, table, alias, List.of(), condition, sql);
        return Optional.of(StatementResult.Update.of(t.get().table().delete(session, t.get().db(), sel.rows())));
    }

    public static Optional<StatementResult> update(Session session, SqlNode table, SqlIdentifier alias,
                                                   SqlNodeList columns, SqlNodeList values, SqlNode condition,
                                                   String sql) {
        Optional<Target> t = target(session, table);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Selected sel = select(session, table, alias, values.getList(), condition, sql);
        int width = sel.columns().size() - values.size();
        int[] positions = new int[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            String c = ((SqlIdentifier) columns.get(i)).names.get(((SqlIdentifier) columns.get(i)).names.size() - 1);
            positions[i] = -1;
            for (int k = 0; k < width; k++) {
                if (sel.columns().get(k).name().equalsIgnoreCase(c)) {
                    positions[i] = k;
                }
            }
            if (positions[i] < 0) {
                throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + c + "' in 'field list'");
            }
        }
        List<Object[]> before = new ArrayList<>();
        List<Object[]> after = new ArrayList<>();
        for (Object[] r : sel.rows()) {
            Object[] old = java.util.Arrays.copyOf(r, width);
            Object[] next = old.clone();
            for (int i = 0; i < positions.length; i++) {
                next[positions[i]] = r[width + i];
            }
            before.add(old);
            after.add(next);
        }
        long changed = t.get().table().update(session, t.get().db(), before, after);
        return Optional.of(new StatementResult.Update(changed, 0, 0,
                "Rows matched: " + before.size() + "  Changed: " + changed + "  Warnings: 0"));
    }

    public static Optional<StatementResult> insert(Session session, SqlNode table, SqlNodeList columns,
                                                   SqlNode source, String sql) {
        Optional<Target> t = target(session, table);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (columns == null || columns.size() == 0) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, "INSERT INTO " + t.get().table().name()
                    + " needs an explicit column list");
        }
        List<String> names = new ArrayList<>();
        for (SqlNode c : columns) {
            SqlIdentifier id = (SqlIdentifier) c;
            names.add(id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT));
        }
        QueryPlanner.Plan plan = QueryPlanner.plan(session, source, sql);
        if (plan.columns().size() != names.size()) {
            throw new SqlError(ErrorCode.WRONG_VALUE_COUNT, "Column count doesn't match value count at row 1");
        }
        List<Object[]> rows = drain(session, plan);
        return Optional.of(StatementResult.Update.of(t.get().table().insert(session, t.get().db(), names, rows)));
    }

    private record Selected(List<ResultColumn> columns, List<Object[]> rows) {
    }

    private static Selected select(Session session, SqlNode table, SqlIdentifier alias, List<SqlNode> extra,
                                   SqlNode condition, String sql) {
        SqlParserPos pos = SqlParserPos.ZERO;
        List<SqlNode> items = new ArrayList<>();
        items.add(SqlIdentifier.star(pos));
        items.addAll(extra);
        SqlNode from = alias == null ? table : SqlStdOperatorTable.AS.createCall(pos, table, alias);
        SqlSelect select = new SqlSelect(pos, null, new SqlNodeList(items, pos), from, condition, null, null, null,
                null, null, null, null);
        QueryPlanner.Plan plan = QueryPlanner.plan(session, select, sql);
        return new Selected(plan.columns(), drain(session, plan));
    }

    /** Reads every row before writing: the writes change the refs the scan reads. */
    private static List<Object[]> drain(Session session, QueryPlanner.Plan plan) {
        List<Object[]> rows = new ArrayList<>();
        try (RowStream s = plan.root().open(new ExecContext(session))) {
            Object[] r;
            while ((r = s.next()) != null) {
                rows.add(r.clone());
            }
        }
        return rows;
    }
}
