package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.TableConflicts;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.List;
import java.util.stream.Collectors;

/** dolt_merge_status: one row saying whether a merge is in progress, from what, into what, and what is unmerged. */
final class DoltMergeStatusTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_merge_status";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("is_merging", Columns.flag(f)).add("source", Columns.text(f, 1024))
                .add("source_commit", Columns.hash(f)).add("target", Columns.text(f, 1024))
                .add("unmerged_tables", Columns.text(f, 65535)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        MergeState ms = VersionedRoots.mergeState(db);
        Object[] row;
        if (ms == null) {
            row = new Object[] {0L, null, null, null, null};
        } else {
            String unmerged = ms.tables().stream().filter(t -> !t.isResolved()).map(TableConflicts::table)
                    .collect(Collectors.joining(", "));
            row = new Object[] {1L, ms.sourceSpec(), ms.source() == null ? null : ms.source().toString(),
                "refs/heads/" + db.branch(), unmerged};
        }
        return RowStream.of(List.<Object[]>of(row));
    }
}
