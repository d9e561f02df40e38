package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.model.Commit;
import dev.scion.versioning.remote.RemoteConfig;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** dolt_remote_branches: the remote-tracking branches ({@code remotes/origin/main}), shaped like dolt_branches. */
final class DoltRemoteBranchesTable implements SystemTable {
    @Override
    public String name() {
        return "dolt_remote_branches";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return DoltBranchesTable.rowType(f, false); // as Dolt's: without remote, branch and dirty
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Hash> e : RemoteConfig.allTrackingBranches(db.repo()).entrySet()) {
            Commit c = db.repo().readCommit(e.getValue());
            rows.add(DoltBranchesTable.row("remotes/" + e.getKey(), e.getValue(), c, false, null, null));
        }
        return RowStream.of(rows);
    }
}
