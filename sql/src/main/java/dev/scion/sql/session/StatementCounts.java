package dev.scion.sql.session;

import dev.scion.sql.plan.CalcFoundRows;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;


/**
 * What ROW_COUNT() and FOUND_ROWS() report: the previous statement's affected rows (-1 after a statement that
 * returned rows, 0 after DDL), and the rows the last SELECT returned (unchanged by writes), or with
 * SQL_CALC_FOUND_ROWS the rows it would have returned without its LIMIT.
 */
public final class StatementCounts {
    private long rowCount = -1;
    private long foundRows;

    public long rowCount() {
        return rowCount;
    }

    public long foundRows() {
        return foundRows;
    }

    /**
     * A write or other statement without rows finished with this result. An UPDATE also sets FOUND_ROWS() to the rows
     * it matched, as MySQL does; its OK packet's info ("Rows matched: N  Changed: ...") is where that count is kept.
     */
    public void finished(StatementResult.Update update) {
        rowCount = update.affectedRows();
        String info = update.info();
        if (info != null && info.startsWith(MATCHED)) {
            int end = MATCHED.length();
            while (end < info.length() && info.charAt(end) >= '0' && info.charAt(end) <= '9') {
                end++;
            }
            if (end > MATCHED.length()) {
                foundRows = Long.parseLong(info, MATCHED.length(), end, 10);
            }
        }
    }

    /** How an UPDATE's info starts (read once per UPDATE: a prefix test, where a regex cost 3% of a one-row write). */
    private static final String MATCHED = "Rows matched: ";

    /** The rows of {@code rows}, counted as the client drains them; the counts change once they are all read. */
    public StatementResult.Rows counting(StatementResult.Rows rows) {
        RowStream inner = rows.rows();
        RowStream counted = new RowStream() {
            private long seen;

            @Override
            public Object[] next() {
                Object[] r = inner.next();
                if (r != null) {
                    seen++;
                } else {
                    done();
                }
                return r;
            }

            @Override
            public void close() {
                try {
                    inner.close();
                } finally {
                    done();
                }
            }

            private void done() {
                rowCount = -1;
                foundRows = inner instanceof CalcFoundRows.Counted c ? c.found() : seen;
            }
        };
        return new StatementResult.Rows(rows.columns(), counted);
    }
}
