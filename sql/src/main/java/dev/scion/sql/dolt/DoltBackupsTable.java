package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.remote.BackupConfig;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** dolt_backups: name, url and params (JSON) of each backup dolt_backup('add', ...) configured. */
final class DoltBackupsTable implements SystemTable {
    @Override
    public String name() {
        return "dolt_backups";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder()
                .add("name", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("url", f.createSqlType(SqlTypeName.VARCHAR, 4096))
                .add("params", f.createSqlType(SqlTypeName.VARCHAR, 4096))
                .build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : BackupConfig.list(db.repo()).entrySet()) {
            rows.add(new Object[] {e.getKey(), e.getValue(), "{}"});
        }
        return RowStream.of(rows);
    }
}
