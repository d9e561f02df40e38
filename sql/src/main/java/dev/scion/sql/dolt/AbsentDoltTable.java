package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.plan.TypeMapping;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.util.List;

/**
 * dolt_docs or dolt_ignore (versioning.ops.DoltTables) while the root has no such table yet: its columns, no
 * rows. The first write creates the real table (dml.TableTarget), which from then on is read like any other.
 */
final class AbsentDoltTable implements SystemTable {
    private final String name;
    private final TableSchema schema;

    AbsentDoltTable(String name, TableSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (Column c : schema.columns()) {
            b.add(c.name(), f.createTypeWithNullability(TypeMapping.toCalcite(f, c), c.nullable()));
        }
        return b.build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        return RowStream.of(List.of());
    }
}
