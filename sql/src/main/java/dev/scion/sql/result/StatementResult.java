package dev.scion.sql.result;

import java.util.List;

/** What one statement produced: a row set, or a count of affected rows. */
public sealed interface StatementResult {

    record Rows(List<ResultColumn> columns, RowStream rows) implements StatementResult {
    }

    record Update(long affectedRows, long lastInsertId, int warnings, String info) implements StatementResult {
        public static Update of(long affected) {
            return new Update(affected, 0, 0, null);
        }
    }

    static StatementResult ok() {
        return Update.of(0);
    }
}
