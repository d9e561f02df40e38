package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.lock.RowLocking;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.parser.dml.SqlMySqlDelete;
import dev.scion.sql.plan.ScionTable;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.plan.StoredRowReads;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.sql.trigger.TableTriggers;
import dev.scion.sql.trigger.TriggerDefinition.Event;
import dev.scion.versioning.table.TableEditor;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DELETE: reads the matching rows from the snapshot and removes them. Single-table DELETE takes ORDER BY and
 * LIMIT; the multi-table forms ({@code DELETE t1, t2 FROM join ...} and {@code DELETE FROM t1 USING join ...})
 * remove each matched row of each named table.
 */
public final class DeleteExecutor {
    private DeleteExecutor() {
    }

    public static StatementResult execute(Session session, SqlDelete delete, String sql) {
        SqlMySqlDelete my = delete instanceof SqlMySqlDelete m ? m : null;
        if (my != null && my.isMultiTable()) {
            return multiTable(session, my, sql);
        }
        var system = dev.scion.sql.dolt.SystemTableWrites.delete(session, delete.getTargetTable(), delete.getAlias(),
                delete.getCondition(), sql);
        if (system.isPresent()) {
            return system.get();
        }
        TableTarget target = TableTarget.resolve(session, delete.getTargetTable());
        SqlSelect select = UpdateExecutor.selectRows(delete.getTargetTable(), delete.getAlias(),
                target.value().schema(), List.of(), delete.getCondition());
        if (my != null) {
            select.setOrderBy(my.getOrderBy());
            select.setFetch(my.getLimit());
        }
        QueryPlanner.Plan plan = StoredRowReads.firstColumns(target.value().schema().columns().size(), () ->
                ScionTable.namingHiddenColumns(() -> QueryPlanner.plan(session, select, sql)));
        TableEditor editor = target.editor();
        List<ForeignKeys.Child> children = ForeignKeys.enabled(session)
                ? ForeignKeys.childrenOf(target.database(), target.name()) : List.of();
        TableTriggers triggers = TableTriggers.load(session, target.database(), target.name(),
                target.value().schema());
        StatementEditors open = new StatementEditors().add(target, editor);
        // a cascade (a self-referencing key, a cycle of keys) may delete rows the statement reaches later, or lead
        // back to the row being deleted
        boolean cascades = !children.isEmpty();
        long deleted = 0;
        try (RowStream rows = plan.root().open(new ExecContext(session))) {
            Object[] r;
            while ((r = rows.next()) != null) {
                RowLocking.lockForWrite(session, target.database(), target.name(), editor, editor.codec().key(r));
                if (cascades && editor.getByKey(editor.codec().key(r)) == null) {
                    continue; // already deleted by a cascade of an earlier row
                }
                triggers.before(Event.DELETE, r, null, deleted + 1, null);
                ForeignKeys.beforeDelete(session, target.database(), target.name(), target.value().schema(), children,
                        r, 0, open);
                // a cycle of keys may have led the cascade back to this row: it counts as this statement's delete
                if (editor.delete(r) || cascades) {
                    deleted++;
                    triggers.after(Event.DELETE, r, null);
                }
            }
        }
        if (deleted > 0) {
            target.apply(editor);
        }
        return StatementResult.Update.of(deleted);
    }

    private static StatementResult multiTable(Session session, SqlMySqlDelete delete, String sql) {
        JoinedTables.refuseOrderAndLimit("DELETE", delete.getOrderBy(), delete.getLimit());
        JoinedTables joined = JoinedTables.of(session, delete.getTargetTable());
        List<JoinedTables.Joined> tables = joined.all();
        List<Integer> targets = new ArrayList<>();
        for (SqlNode t : delete.getTargets()) {
            int index = tables.indexOf(joined.require((SqlIdentifier) t));
            if (!targets.contains(index)) {
                targets.add(index);
            }
        }
        SqlSelect select = UpdateExecutor.selectJoined(tables, delete.getTargetTable(), List.of(),
                delete.getCondition());
        int[] offsets = new int[tables.size() + 1];
        for (int t = 0; t < tables.size(); t++) {
            offsets[t + 1] = offsets[t] + tables.get(t).target().value().schema().columns().size();
        }
        QueryPlanner.Plan plan = StoredRowReads.firstColumns(offsets[tables.size()], () ->
                ScionTable.namingHiddenColumns(() -> QueryPlanner.plan(session, select, sql)));
        TableEditor[] editors = new TableEditor[tables.size()];
        List<List<ForeignKeys.Child>> children = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            TableTarget tt = tables.get(t).target();
            children.add(ForeignKeys.enabled(session) ? ForeignKeys.childrenOf(tt.database(), tt.name()) : List.of());
        }
        TableTriggers[] triggers = new TableTriggers[tables.size()];
        // a table deleted from under two aliases has one editor, so neither alias's deletes are lost
        Map<String, Integer> firstAlias = new HashMap<>();
        for (int t : targets) {
            TableTarget tt = tables.get(t).target();
            Integer same = firstAlias.putIfAbsent(tt.database().name() + "\0" + tt.name().toLowerCase(Locale.ROOT), t);
            editors[t] = same == null ? tt.editor() : editors[same];
            triggers[t] = same == null ? TableTriggers.load(session, tt.database(), tt.name(), tt.value().schema())
                    : triggers[same];
        }
        StatementEditors open = new StatementEditors();
        for (int t : new HashSet<>(firstAlias.values())) {
            open.add(tables.get(t).target(), editors[t]);
        }
        long deleted = 0;
        try (RowStream rows = plan.root().open(new ExecContext(session))) {
            Object[] r;
            while ((r = rows.next()) != null) {
                for (int t : targets) {
                    Object[] row = new Object[offsets[t + 1] - offsets[t]];
                    System.arraycopy(r, offsets[t], row, 0, row.length);
                    // A row joined several times is deleted once: delete() reports false the second time.
                    if (UpdateExecutor.allNull(row)) {
                        continue;
                    }
                    TableTarget tt = tables.get(t).target();
                    RowLocking.lockForWrite(session, tt.database(), tt.name(), editors[t], editors[t].codec().key(row));
                    triggers[t].before(Event.DELETE, row, null, deleted + 1, null);
                    ForeignKeys.beforeDelete(session, tt.database(), tt.name(), tt.value().schema(), children.get(t),
                            row, 0, open);
                    if (editors[t].delete(row)) {
                        deleted++;
                        triggers[t].after(Event.DELETE, row, null);
                    }
                }
            }
        }
        for (int t : firstAlias.values()) {
            if (editors[t].hasPendingWrites()) {
                tables.get(t).target().apply(editors[t]);
            }
        }
        return StatementResult.Update.of(deleted);
    }
}
