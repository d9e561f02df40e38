package dev.scion.sql.admin;

import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

import java.util.Arrays;
import java.util.List;

/** A SHOW whose answer is an empty table with the given columns. */
final class EmptyResult implements AdminStatement {
    private final List<String> columns;

    EmptyResult(String... columns) {
        this.columns = Arrays.asList(columns);
    }

    @Override
    public StatementResult execute(Session session) {
        return new StatementResult.Rows(columns.stream().map(ResultColumn::text).toList(), RowStream.of(List.of()));
    }
}
