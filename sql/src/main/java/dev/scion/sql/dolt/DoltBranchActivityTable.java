package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.repo.BranchActivity;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * dolt_branch_activity: per existing branch, when it was last read and last written since the server opened the
 * database (NULL: not since then), how many sessions have it checked out, and when the database was opened.
 * Deleted branches are not listed.
 */
final class DoltBranchActivityTable implements SystemTable {
    @Override
    public String name() {
        return "dolt_branch_activity";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder()
                .add("branch", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("last_read", f.createTypeWithNullability(f.createSqlType(SqlTypeName.TIMESTAMP, 0), true))
                .add("last_write", f.createTypeWithNullability(f.createSqlType(SqlTypeName.TIMESTAMP, 0), true))
                .add("active_sessions", f.createSqlType(SqlTypeName.BIGINT))
                .add("system_start_time", f.createSqlType(SqlTypeName.TIMESTAMP, 0))
                .build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        BranchActivity activity = db.repo().branchActivity();
        List<Session> sessions = List.copyOf(session.engine().sessions());
        List<Object[]> rows = new ArrayList<>();
        for (String branch : db.repo().branches()) {
            long bound = sessions.stream().filter(s -> branch.equals(s.boundBranch(db.databaseName()))).count();
            rows.add(new Object[] {branch, time(activity.lastRead(branch)), time(activity.lastWrite(branch)), bound,
                DoltLogTable.toDateTime(activity.openedAt())});
        }
        return RowStream.of(rows);
    }

    private static Object time(OptionalLong millis) {
        return millis.isPresent() ? DoltLogTable.toDateTime(millis.getAsLong()) : null;
    }
}
