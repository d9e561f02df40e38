package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import dev.scion.versioning.history.CommitLog;
import dev.scion.versioning.model.Commit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/** dolt_log: the history of the session's HEAD, newest first. Streams through the commit graph. */
final class DoltLogTable implements SystemTable {

    @Override
    public String name() {
        return "dolt_log";
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        return f.builder()
                .add("commit_hash", f.createSqlType(SqlTypeName.VARCHAR, 32))
                .add("committer", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("email", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .add("date", f.createSqlType(SqlTypeName.TIMESTAMP, 3))
                .add("message", f.createSqlType(SqlTypeName.VARCHAR, 65535))
                .add("commit_order", f.createSqlType(SqlTypeName.BIGINT))
                .add("parents", f.createSqlType(SqlTypeName.VARCHAR, 1024))
                .build();
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        CommitLog log = new CommitLog(db.repo(), session.headOf(db));
        return () -> {
            if (!log.hasNext()) {
                return null;
            }
            CommitLog.Entry e = log.next();
            Commit c = e.commit();
            return new Object[] {
                e.hash().toString(), c.committer().name(), c.committer().email(), toDateTime(c.committer().timeMillis()),
                c.message(), c.height(), c.parents().stream().map(Object::toString).collect(Collectors.joining(", "))
            };
        };
    }

    static LocalDateTime toDateTime(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
