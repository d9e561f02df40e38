package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.lock.LockMode;
import dev.scion.sql.lock.RowLocking;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.parser.dml.SqlMySqlLockedQuery;
import dev.scion.sql.plan.QueryPlanner;
import dev.scion.sql.plan.StoredRowReads;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.table.RowCodec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SELECT ... FOR UPDATE / FOR SHARE / LOCK IN SHARE MODE: before the query runs, the rows of its base tables that
 * its FROM and WHERE select (in the transaction's snapshot) are locked, exclusive or shared; each lock reads the
 * row's latest committed version ({@link RowLocking}), so the query itself then returns what a current read in
 * InnoDB returns. Rows of derived tables and views are not locked. GROUP BY, HAVING and LIMIT do not narrow the
 * locked set, as InnoDB also locks every row it reads to evaluate them.
 */
public final class LockingRead {
    private LockingRead() {
    }

    /** Whether a statement's text may carry a locking clause (a cheap scan that keeps the fast paths off it). */
    public static boolean mentionsLockingClause(String text) {
        char first = text.isEmpty() ? ' ' : Character.toUpperCase(text.charAt(0));
        if (first != 'S' && first != 'W' && first != '(') {
            return false; // only a query (SELECT, WITH, a parenthesised one) takes a locking clause
        }
        int n = text.length();
        for (int i = 0; i + 9 < n; i++) {
            char c = text.charAt(i);
            if ((c == 'F' || c == 'f') && (text.regionMatches(true, i, "FOR UPDATE", 0, 10)
                    || text.regionMatches(true, i, "FOR SHARE", 0, 9))) {
                return true;
            }
            if ((c == 'S' || c == 's') && text.regionMatches(true, i, "SHARE MODE", 0, 10)) {
                return true;
            }
        }
        return false;
    }

    /** Locks the rows the locking query {@code sql} (already rewritten for the parser) reads. */
    public static void lockRows(Session session, String sql) {
        // a private parse: planning rewrites parts of the tree, and the statement plans its own copy afterwards
        if (!(StatementReader.statement(sql) instanceof SqlMySqlLockedQuery locked)) {
            return;
        }
        SqlNode query = locked.getQuery();
        if (query instanceof SqlOrderBy orderBy) {
            query = orderBy.query;
        }
        if (!(query instanceof SqlSelect select) || select.getFrom() == null) {
            return;
        }
        List<JoinedTables.Joined> tables;
        try {
            tables = JoinedTables.of(session, select.getFrom()).all();
        } catch (SqlError e) {
            return; // a view, a read-only revision or another source that has no rows to lock
        }
        if (tables.isEmpty()) {
            return;
        }
        List<Integer> chosen = chosen(tables, locked.getOfTables());
        LockMode mode = locked.getLockMode() == SqlMySqlLockedQuery.LockMode.FOR_UPDATE ? LockMode.EXCLUSIVE
                : LockMode.SHARED;
        boolean noWait = locked.getWaitPolicy() == SqlMySqlLockedQuery.WaitPolicy.NOWAIT;
        SqlSelect keys = UpdateExecutor.selectJoined(tables, select.getFrom(), List.of(), select.getWhere());
        // the rows' keys are built from their stored values
        QueryPlanner.Plan plan = StoredRowReads.firstColumns(
                tables.stream().mapToInt(t -> t.target().value().schema().columns().size()).sum(),
                () -> QueryPlanner.plan(session, keys, sql));
        int[] offsets = new int[tables.size() + 1];
        RowCodec[] codecs = new RowCodec[tables.size()];
        for (int t = 0; t < tables.size(); t++) {
            codecs[t] = new RowCodec(tables.get(t).target().value().schema());
            offsets[t + 1] = offsets[t] + tables.get(t).target().value().schema().columns().size();
        }
        List<Object[]> rows = new ArrayList<>();
        try (RowStream stream = plan.root().open(new ExecContext(session))) {
            Object[] r;
            while ((r = stream.next()) != null) {
                rows.add(r);
            }
        }
        // the rows are read in full before the first lock, so a restart never leaves a half-read stream behind
        int staleMark = session.staleRowMark();
        for (Object[] r : rows) {
            for (int t : chosen) {
                Object[] row = new Object[offsets[t + 1] - offsets[t]];
                System.arraycopy(r, offsets[t], row, 0, row.length);
                if (codecs[t].keyless() || UpdateExecutor.allNull(row)) {
                    continue;
                }
                TableTarget target = tables.get(t).target();
                RowLocking.lock(session, target.database(), target.name(), codecs[t].key(row), mode, noWait);
            }
        }
        // every row is locked: one rerun catches up on all the stale ones, before the query reads any
        RowLocking.restartIfStale(session, staleMark);
    }

    /**
     * The tables whose rows are locked: those {@code FOR UPDATE OF} names, else all. A name that is no table of
     * the query is 3568, as in MySQL.
     */
    private static List<Integer> chosen(List<JoinedTables.Joined> tables, org.apache.calcite.sql.SqlNodeList of) {
        if (of != null) {
            for (SqlNode n : of) {
                String name = ((SqlIdentifier) n).names.get(((SqlIdentifier) n).names.size() - 1);
                if (tables.stream().noneMatch(t -> t.refName().equalsIgnoreCase(name))) {
                    throw new SqlError(ErrorCode.UNRESOLVED_TABLE_LOCK, "Unresolved table name `" + name
                            + "` in locking clause.");
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            if (of == null) {
                out.add(t);
                continue;
            }
            String ref = tables.get(t).refName().toLowerCase(Locale.ROOT);
            for (SqlNode n : of) {
                if (n instanceof SqlIdentifier id
                        && id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT).equals(ref)) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
