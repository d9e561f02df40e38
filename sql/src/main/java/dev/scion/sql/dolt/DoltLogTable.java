package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** dolt_log: the history of the session's HEAD, newest first, as dolt_log() with parents and refs shown. */
final class DoltLogTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_log";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return LogFunction.columns(f);
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        return LogFunction.ofHead(session, db).scan(session, db);
    }

    static LocalDateTime toDateTime(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
