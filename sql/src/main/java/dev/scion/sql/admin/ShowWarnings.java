package dev.scion.sql.admin;

import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.List;

/** SHOW WARNINGS: the warnings of the previous statement. */
final class ShowWarnings implements AdminStatement {
    @Override
    public StatementResult execute(Session session) {
        List<Object[]> rows = session.warnings().stream()
                .map(w -> new Object[] {w.level(), (long) w.code(), w.message()}).toList();
        return new StatementResult.Rows(List.of(ResultColumn.text("Level"), ResultColumn.bigint("Code"),
                ResultColumn.text("Message")), RowStream.of(rows));
    }
}
