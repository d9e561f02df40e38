package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.RebaseState;
import dev.scion.versioning.model.RebaseStep;
import dev.scion.versioning.ops.RebaseOp;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * dolt_rebase: the plan of the interactive rebase running on the session's branch, one row per step (rebase_order,
 * action, commit_hash, commit_message). It has rows only while a rebase is in progress; otherwise reading it fails
 * with Dolt's "table not found" (the name still resolves, so the error comes from the table, in Dolt's words). UPDATE reorders steps
 * (any decimal order), changes actions and reword messages; DELETE drops steps; INSERT adds one. Each write
 * replaces the stored plan by compare-and-swap.
 */
final class DoltRebaseTable implements WritableSystemTable {
    static final String NAME = "dolt_rebase";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder()
                .add("rebase_order", f.createSqlType(SqlTypeName.DECIMAL, 6, 2))
                .add("action", Columns.text(f, 6))
                .add("commit_hash", Columns.hash(f))
                .add("commit_message", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        List<Object[]> rows = new ArrayList<>();
        for (RebaseStep s : state(db).plan()) {
            rows.add(new Object[] {s.order(), s.action(), s.commit().toString(), s.message()});
        }
        return RowStream.of(rows);
    }

    private static RebaseState state(DatabaseState db) {
        return (db.isReadOnly() ? java.util.Optional.<RebaseState>empty() : RebaseOp.state(db.repo(), db.branch())).orElseThrow(() -> new SqlError(ErrorCode.NO_SUCH_TABLE,
                "table not found: " + NAME));
    }

    @Override
    public long insert(Session session, DatabaseState db, List<String> columns, List<Object[]> rows) {
        RebaseState st = state(db);
        List<RebaseStep> plan = new ArrayList<>(st.plan());
        for (Object[] r : rows) {
            Object[] full = new Object[4];
            for (int i = 0; i < columns.size(); i++) {
                int at = List.of("rebase_order", "action", "commit_hash", "commit_message").indexOf(columns.get(i));
                if (at < 0) {
                    throw new SqlError(ErrorCode.BAD_FIELD, "Unknown column '" + columns.get(i) + "' in 'field list'");
                }
                full[at] = r[i];
            }
            plan.add(step(db, full));
        }
        return write(db, st, plan, rows.size());
    }

    @Override
    public long delete(Session session, DatabaseState db, List<Object[]> rows) {
        RebaseState st = state(db);
        List<RebaseStep> plan = new ArrayList<>(st.plan());
        for (Object[] r : rows) {
            plan.removeIf(s -> s.order().compareTo(order(r[0])) == 0);
        }
        return write(db, st, plan, rows.size());
    }

    @Override
    public long update(Session session, DatabaseState db, List<Object[]> before, List<Object[]> after) {
        RebaseState st = state(db);
        List<RebaseStep> plan = new ArrayList<>(st.plan());
        long changed = 0;
        for (int i = 0; i < before.size(); i++) {
            BigDecimal old = order(before.get(i)[0]);
            RebaseStep next = step(db, after.get(i));
            plan.removeIf(s -> s.order().compareTo(old) == 0);
            plan.add(next);
            changed++;
        }
        return write(db, st, plan, changed);
    }

    private static long write(DatabaseState db, RebaseState st, List<RebaseStep> plan, long count) {
        for (int i = 0; i < plan.size(); i++) {
            for (int j = i + 1; j < plan.size(); j++) {
                if (plan.get(i).order().compareTo(plan.get(j).order()) == 0) {
                    throw new SqlError(ErrorCode.DUP_ENTRY, "Duplicate entry '" + plan.get(i).order().toPlainString()
                            + "' for key 'dolt_rebase.PRIMARY'");
                }
            }
        }
        RebaseOp.replacePlan(db.repo(), db.branch(), st, plan);
        return count;
    }

    private static RebaseStep step(DatabaseState db, Object[] row) {
        if (row[0] == null || row[1] == null || row[2] == null) {
            throw new SqlError(ErrorCode.BAD_NULL, "rebase_order, action and commit_hash of dolt_rebase cannot be NULL");
        }
        String action = String.valueOf(row[1]).strip();
        if (!RebaseStep.ACTIONS.contains(action.toLowerCase(java.util.Locale.ROOT))) {
            throw new SqlError(ErrorCode.TRUNCATED_WRONG_VALUE_FOR_FIELD, "invalid rebase action '" + action
                    + "': use pick, reword, edit, squash, fixup or drop");
        }
        String hash = String.valueOf(row[2]).strip();
        if (!Hash.isHashString(hash) || !db.repo().chunks().has(Hash.parse(hash))) {
            throw new SqlError(ErrorCode.VERSIONING, "invalid commit hash in dolt_rebase: " + hash);
        }
        return new RebaseStep(order(row[0]), action, Hash.parse(hash), row[3] == null ? "" : String.valueOf(row[3]));
    }

    private static BigDecimal order(Object v) {
        BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(v).strip());
        if (d.signum() < 0 || d.compareTo(new BigDecimal("9999.99")) > 0) {
            throw new SqlError(ErrorCode.WARN_DATA_OUT_OF_RANGE, "rebase_order out of range: " + d.toPlainString());
        }
        return d.setScale(2, RoundingMode.HALF_UP);
    }
}
