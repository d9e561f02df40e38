package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.type.RelDataType;
import dev.scion.versioning.schema.TableSchema;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

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
    public Optional<TableSchema> declaredSchema() {
        return Optional.of(new DeclaredSchema().key("commit_hash", DeclaredSchema.text())
                .column("committer", DeclaredSchema.text(), false).column("email", DeclaredSchema.text(), false)
                .column("date", DeclaredSchema.datetime3(), false).column("message", DeclaredSchema.text(), false)
                .column("commit_order", DeclaredSchema.unsignedBigint(), false)
                .column("parents", DeclaredSchema.text(), true).column("refs", DeclaredSchema.text(), false)
                .column("signature", DeclaredSchema.text(), true).column("author", DeclaredSchema.text(), false)
                .column("author_email", DeclaredSchema.text(), false)
                .column("author_date", DeclaredSchema.datetime3(), false).build());
    }

    @Override
    public RowStream scan(Session session, DatabaseState db) {
        return LogFunction.ofHead(session, db).scan(session, db);
    }

    static LocalDateTime toDateTime(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
