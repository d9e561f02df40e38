package dev.scion.sql.admin;

import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.List;

/** SHOW WARNINGS (notes, warnings and the error of the previous statement) and SHOW ERRORS (the error only). */
final class ShowWarnings implements AdminStatement {
    private final boolean errorsOnly;

    ShowWarnings(boolean errorsOnly) {
        this.errorsOnly = errorsOnly;
    }

    @Override
    public StatementResult execute(Session session) {
        List<Object[]> rows = session.warnings().stream()
                .filter(w -> !errorsOnly || w.level().equals("Error"))
                .map(w -> new Object[] {w.level(), (long) w.code(), w.message()}).toList();
        return new StatementResult.Rows(List.of(ResultColumn.text("Level"), ResultColumn.bigint("Code"),
                ResultColumn.text("Message")), RowStream.of(rows));
    }
}
