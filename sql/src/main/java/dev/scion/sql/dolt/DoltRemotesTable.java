package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.remote.RemoteConfig;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** dolt_remotes: name, url, fetch_specs (JSON), params (JSON), as Dolt shows them. */
final class DoltRemotesTable implements SystemTable {
    @Override
    public String name() {
        return "dolt_remotes";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder()
                .add("name", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("url", f.createSqlType(SqlTypeName.VARCHAR, 4096))
                .add("fetch_specs", f.createSqlType(SqlTypeName.VARCHAR, 4096))
                .add("params", f.createSqlType(SqlTypeName.VARCHAR, 4096))
                .build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : RemoteConfig.list(db.repo()).entrySet()) {
            String spec = "[\"refs/heads/*:refs/remotes/" + e.getKey() + "/*\"]";
            rows.add(new Object[] {e.getKey(), e.getValue(), spec, "{}"});
        }
        return RowStream.of(rows);
    }
}
