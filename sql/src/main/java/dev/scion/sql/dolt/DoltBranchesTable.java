package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Iterator;

/** dolt_branches: every branch with its head commit. */
final class DoltBranchesTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_branches";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder()
                .add("name", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("hash", f.createSqlType(SqlTypeName.VARCHAR, 32))
                .add("latest_committer", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("latest_committer_email", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("latest_commit_date", f.createSqlType(SqlTypeName.TIMESTAMP, 3))
                .add("latest_commit_message", f.createSqlType(SqlTypeName.VARCHAR, 65535))
                .build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        Iterator<String> names = db.repo().branches().iterator();
        return () -> {
            while (names.hasNext()) {
                String n = names.next();
                Hash h = db.repo().branchHead(n).orElse(null);
                if (h == null) {
                    continue;
                }
                Commit c = db.repo().readCommit(h);
                return new Object[] {n, h.toString(), c.committer().name(), c.committer().email(),
                    DoltLogTable.toDateTime(c.committer().timeMillis()), c.message()};
            }
            return null;
        };
    }
}
