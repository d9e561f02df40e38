package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.lock.RowLocking;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.expr.Values;
import dev.scion.sql.parser.dml.SqlMySqlUpdate;
import dev.scion.sql.plan.ScionTable;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.plan.StoredRowReads;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.trigger.TableTriggers;
import dev.scion.sql.trigger.TriggerDefinition.Event;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.DuplicateKeyException;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * UPDATE: reads the matching rows with their new values computed by one planned query over the transaction's
 * snapshot, then writes them through table editors. Single-table UPDATE takes ORDER BY and LIMIT; the multi-table
 * form joins its tables and updates each matched row of each assigned table once.
 */
public final class UpdateExecutor {
    private UpdateExecutor() {
    }

    /** Where one SET assignment goes: which joined table (0 for single-table), which column. */
    private record Assignment(int table, int column) {
    }

    public static StatementResult execute(Session session, SqlUpdate update, String sql) {
        boolean ignore = update instanceof SqlMySqlUpdate m && m.isIgnore();
        return session.runWrite(!ignore && ColumnValues.strict(session), () -> update(session, update, sql));
    }

    private static StatementResult update(Session session, SqlUpdate update, String sql) {
        SqlMySqlUpdate my = update instanceof SqlMySqlUpdate m ? m : null;
        boolean ignore = my != null && my.isIgnore();
        Session lenient = ignore || !ColumnValues.strict(session) ? session : null;
        List<JoinedTables.Joined> tables;
        SqlSelect select;
        List<Assignment> assignments = new ArrayList<>();
        Object[] constants = null;
        SqlNodeList targets = update.getTargetColumnList();
        if (my != null && my.isMultiTable()) {
            JoinedTables.refuseOrderAndLimit("UPDATE", my.getOrderBy(), my.getLimit());
            JoinedTables joined = JoinedTables.of(session, update.getTargetTable());
            tables = joined.all();
            for (SqlNode t : targets) {
                assignments.add(multiTableAssignment(joined, (SqlIdentifier) t));
            }
            select = selectJoined(tables, update.getTargetTable(), update.getSourceExpressionList().getList(),
                    update.getCondition());
        } else {
            var system = dev.scion.sql.dolt.SystemTableWrites.update(session, update.getTargetTable(),
                    update.getAlias(), targets, update.getSourceExpressionList(), update.getCondition(), sql);
            if (system.isPresent()) {
                return system.get();
            }
            TableTarget target = TableTarget.resolve(session, update.getTargetTable());
            SqlIdentifier table = (SqlIdentifier) update.getTargetTable();
            String ref = update.getAlias() != null ? update.getAlias().getSimple()
                    : table.names.get(table.names.size() - 1);
            tables = List.of(new JoinedTables.Joined(ref, table, target));
            TableSchema schema = target.value().schema();
            for (SqlNode t : targets) {
                SqlIdentifier id = (SqlIdentifier) t;
                String name = id.names.get(id.names.size() - 1);
                int pos = schema.columnIndex(name);
                if (pos < 0) {
                    throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + name + "' in 'field list'");
                }
                if (schema.columns().get(pos).generated() && update.getSourceExpressionList()
                        .get(assignments.size()).getKind() != org.apache.calcite.sql.SqlKind.DEFAULT) {
                    throw GeneratedColumns.valueNotAllowed(schema.columns().get(pos), target.name());
                }
                assignments.add(new Assignment(0, pos));
            }
            List<SqlNode> values = new ArrayList<>();
            constants = new Object[assignments.size()];
            for (int i = 0; i < assignments.size(); i++) {
                SqlNode value = ColumnDefaults.bind(session, schema, assignments.get(i).column(),
                        update.getSourceExpressionList().get(i), lenient);
                // A plain literal (SET c = '...') is assigned as is instead of being selected, so the row query's
                // text, and with it its cached plan, does not change with the value.
                Object literal = ExpressionEvaluator.literal(value);
                if (literal != ExpressionEvaluator.NOT_LITERAL && literal != null) {
                    constants[i] = literal;
                    value = SqlLiteral.createNull(SqlParserPos.ZERO);
                }
                values.add(value);
            }
            select = selectRows(update.getTargetTable(), update.getAlias(), schema, values, update.getCondition());
            if (my != null) {
                select.setOrderBy(my.getOrderBy());
                select.setFetch(my.getLimit());
            }
        }
        return run(session, sql, tables, assignments, constants, select, ignore, lenient);
    }

    private static Assignment multiTableAssignment(JoinedTables joined, SqlIdentifier id) {
        String column = id.names.get(id.names.size() - 1);
        if (id.names.size() >= 2) {
            JoinedTables.Joined j = joined.find(id.names.get(id.names.size() - 2));
            int t = j == null ? -1 : joined.all().indexOf(j);
            int pos = j == null ? -1 : j.target().value().schema().columnIndex(column);
            if (pos < 0) {
                throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + String.join(".", id.names)
                        + "' in 'field list'");
            }
            return new Assignment(t, pos);
        }
        Assignment found = null;
        for (int t = 0; t < joined.all().size(); t++) {
            int pos = joined.all().get(t).target().value().schema().columnIndex(column);
            if (pos >= 0) {
                if (found != null) {
                    throw new SqlError(ErrorCode.NON_UNIQ, "Column '" + column + "' in field list is ambiguous");
                }
                found = new Assignment(t, pos);
            }
        }
        if (found == null) {
            throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + column + "' in 'field list'");
        }
        return found;
    }

    private static StatementResult run(Session session, String sql, List<JoinedTables.Joined> tables,
                                       List<Assignment> assignments, Object[] constants, SqlSelect select,
                                       boolean ignore,
                                       Session lenient) {
        int[] offsets = new int[tables.size() + 1];
        for (int t = 0; t < tables.size(); t++) {
            offsets[t + 1] = offsets[t] + tables.get(t).target().value().schema().columns().size();
        }
        // the tables' columns come first and are written back: as stored, whatever the session's time zone
        QueryPlanner.Plan plan = StoredRowReads.firstColumns(offsets[tables.size()], () ->
                ScionTable.namingHiddenColumns(() -> QueryPlanner.plan(session, select, sql)));
        TableEditor[] editors = new TableEditor[tables.size()];
        List<List<ForeignKeys.Child>> children = new ArrayList<>();
        for (JoinedTables.Joined j : tables) {
            children.add(ForeignKeys.enabled(session)
                    ? ForeignKeys.childrenOf(j.target().database(), j.target().name()) : List.of());
        }
        List<Set<ByteBuffer>> seen = new ArrayList<>();
        TableTriggers[] triggers = new TableTriggers[tables.size()];
        OnUpdateTimestamps[] touched = new OnUpdateTimestamps[tables.size()];
        for (int t = 0; t < tables.size(); t++) {
            TableTarget tt = tables.get(t).target();
            editors[t] = tt.editor();
            seen.add(new HashSet<>());
            final int table = t;
            touched[t] = OnUpdateTimestamps.of(session, tt.value().schema(), assignments.stream()
                    .filter(a -> a.table() == table).mapToInt(Assignment::column).toArray(), lenient);
            triggers[t] = assignments.stream().anyMatch(a -> a.table() == table)
                    ? TableTriggers.load(session, tt.database(), tt.name(), tt.value().schema()) : null;
        }
        StatementEditors open = new StatementEditors();
        for (int t = 0; t < tables.size(); t++) {
            open.add(tables.get(t).target(), editors[t]);
        }
        long matched = 0;
        long changed = 0;
        try (RowStream rows = plan.root().open(new ExecContext(session))) {
            Object[] r;
            while ((r = rows.next()) != null) {
                for (int t = 0; t < tables.size(); t++) {
                    final int table = t;
                    if (assignments.stream().noneMatch(a -> a.table() == table)) {
                        continue;
                    }
                    TableSchema schema = tables.get(t).target().value().schema();
                    Object[] old = new Object[schema.columns().size()];
                    System.arraycopy(r, offsets[t], old, 0, old.length);
                    if (tables.size() > 1 && (allNull(old)
                            || !seen.get(t).add(ByteBuffer.wrap(editors[t].codec().key(old))))) {
                        continue; // an outer join's missing side, or a row this statement already updated
                    }
                    TableTarget locked = tables.get(t).target();
                    RowLocking.lockForWrite(session, locked.database(), locked.name(),
                            editors[t], editors[t].codec().key(old));
                    matched++;
                    Object[] next = old.clone();
                    for (int i = 0; i < assignments.size(); i++) {
                        Assignment a = assignments.get(i);
                        if (a.table() != t) {
                            continue;
                        }
                        Column c = schema.columns().get(a.column());
                        Object v = constants != null && constants[i] != null ? constants[i]
                                : r[offsets[tables.size()] + i];
                        next[a.column()] = SessionTimestamps.written(
                                v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v, c, matched, lenient, session);
                    }
                    if (touched[t] != null) {
                        touched[t].apply(old, next, matched);
                    }
                    if (GeneratedColumns.any(schema)) {
                        GeneratedColumns.compute(session, schema, next, matched, lenient);
                    }
                    next = triggers[t].before(Event.UPDATE, old, next, matched, lenient);
                    if (sameRow(old, next)) {
                        triggers[t].after(Event.UPDATE, old, next);
                        continue;
                    }
                    TableTarget target = tables.get(t).target();
                    try {
                        CheckConstraints.verify(session, schema, next);
                        ForeignKeys.checkParents(session, target.database(), target.name(), schema, next);
                        ForeignKeys.beforeUpdate(session, target.database(), target.name(), schema, children.get(t),
                                old, next, 0, open);
                    } catch (SqlError e) {
                        if (!ignore) {
                            throw e;
                        }
                        session.addWarning(e.code(), e.getMessage());
                        continue;
                    }
                    byte[] newKey = editors[t].codec().key(next);
                    if (!java.util.Arrays.equals(newKey, editors[t].codec().key(old))) {
                        RowLocking.lockForWrite(session, target.database(), target.name(), editors[t], newKey);
                    }
                    try {
                        editors[t].update(old, next);
                        changed++;
                        triggers[t].after(Event.UPDATE, old, next);
                    } catch (DuplicateKeyException e) {
                        if (!ignore) {
                            throw new SqlError(ErrorCode.DUP_ENTRY, e.getMessage());
                        }
                        session.addWarning(ErrorCode.DUP_ENTRY.code(), e.getMessage());
                    }
                }
            }
        }
        for (int t = 0; t < tables.size(); t++) {
            if (editors[t].hasPendingWrites()) {
                tables.get(t).target().apply(editors[t]);
            }
        }
        int warnings = session.warnings().size();
        return new StatementResult.Update(session.foundRows() ? matched : changed, 0, warnings,
                "Rows matched: " + matched + "  Changed: " + changed + "  Warnings: " + warnings);
    }

    static boolean allNull(Object[] row) {
        for (Object o : row) {
            if (o != null) {
                return false;
            }
        }
        return true;
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

    /** {@code SELECT <every column of each joined table>, <extra...> FROM join WHERE condition}. */
    static SqlSelect selectJoined(List<JoinedTables.Joined> tables, SqlNode from, List<SqlNode> extra,
                                  SqlNode condition) {
        SqlParserPos pos = SqlParserPos.ZERO;
        List<SqlNode> items = new ArrayList<>();
        for (JoinedTables.Joined j : tables) {
            for (Column c : j.target().value().schema().columns()) {
                items.add(new SqlIdentifier(List.of(j.refName(), c.name()), pos));
            }
        }
        items.addAll(extra);
        return new SqlSelect(pos, null, new SqlNodeList(items, pos), from, condition, null, null, null, null, null,
                null, null);
    }
}
