package dev.scion.sql.result;

import java.util.List;

/** What one statement produced: a row set, a count of affected rows, or (CALL) several of those. */
public sealed interface StatementResult {

    record Rows(List<ResultColumn> columns, RowStream rows) implements StatementResult {
    }

    record Update(long affectedRows, long lastInsertId, int warnings, String info) implements StatementResult {
        public static Update of(long affected) {
            return new Update(affected, 0, 0, null);
        }
    }

    /**
     * Several results of one statement (a CALL: each result set its procedure produced, then its OK). The rows are
     * materialised, so they stay readable after the statement commits; the last element is never a Sequence.
     */
    record Sequence(List<StatementResult> results) implements StatementResult {
    }

    static StatementResult ok() {
        return Update.of(0);
    }
}
