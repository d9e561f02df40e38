package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/** dolt_commit_ancestors: one row per (commit, parent) edge of every reachable commit. */
final class DoltCommitAncestorsTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_commit_ancestors";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("commit_hash", Columns.hash(f)).add("parent_hash", Columns.hash(f))
                .add("parent_index", Columns.bigint(f)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        CommitGraphWalk walk = new CommitGraphWalk(db.repo());
        Deque<Object[]> ready = new ArrayDeque<>();
        return () -> {
            while (ready.isEmpty()) {
                CommitGraphWalk.Visited v = walk.next();
                if (v == null) {
                    return null;
                }
                var parents = v.commit().parents();
                for (int i = 0; i < parents.size(); i++) {
                    ready.add(new Object[] {v.hash().toString(), parents.get(i).toString(), (long) i});
                }
            }
            return ready.poll();
        };
    }
}
