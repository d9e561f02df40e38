package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * dolt_commits: every commit reachable from a branch or tag, in no particular order, with its committer and (as
 * dolt_log and current Dolt show them) its author.
 */
final class DoltCommitsTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_commits";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("commit_hash", Columns.hash(f)).add("committer", Columns.text(f, 1024))
                .add("email", Columns.text(f, 1024)).add("date", Columns.datetime(f))
                .add("message", Columns.text(f, 65535)).add("author", Columns.text(f, 1024))
                .add("author_email", Columns.text(f, 1024)).add("author_date", Columns.datetime(f)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        CommitGraphWalk walk = new CommitGraphWalk(db.repo());
        return () -> {
            CommitGraphWalk.Visited v = walk.next();
            if (v == null) {
                return null;
            }
            var c = v.commit();
            return new Object[] {v.hash().toString(), c.committer().name(), c.committer().email(),
                DoltLogTable.toDateTime(c.committer().timeMillis()), c.message(), c.author().name(),
                c.author().email(), DoltLogTable.toDateTime(c.author().timeMillis())};
        };
    }
}
