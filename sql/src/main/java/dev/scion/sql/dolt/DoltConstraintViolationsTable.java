package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.model.MergeState;
import dev.scion.versioning.model.TableConflicts;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.ArrayList;
import java.util.List;

/** dolt_constraint_violations: each table whose merged rows break a constraint, and how many rows do. */
final class DoltConstraintViolationsTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_constraint_violations";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder().add("table", Columns.text(f, 1024)).add("num_violations", Columns.bigint(f)).build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        MergeState ms = VersionedRoots.mergeState(db);
        List<Object[]> rows = new ArrayList<>();
        if (ms != null) {
            for (TableConflicts t : ms.tables()) {
                if (t.violationCount() > 0) {
                    // Dolt counts each (row, constraint) pair; a row can break several constraints
                    long n = 0;
                    for (var v : dev.scion.versioning.ops.ConflictsOp.violations(
                            new dev.scion.versioning.ops.BranchContext(db.repo(), db.branch()), t.table())) {
                        n += ViolationInfo.parts(v.description()).size();
                    }
                    rows.add(new Object[] {t.table(), n});
                }
            }
        }
        return RowStream.of(rows);
    }
}
