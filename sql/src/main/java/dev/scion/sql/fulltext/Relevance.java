package dev.scion.sql.fulltext;

/**
 * The relevance of one word for one row, by the formula of MySQL's internals manual for the full-text search of
 * MyISAM (the one go-mysql-server and Dolt use, so results rank as Dolt's do):
 * {@code (ln(count in row) + 1) * (U / (1 + 0.115 U)) * (ln(rows / rows with the word) + 1)} where U is the
 * number of distinct words of the row. A row's relevance is the sum over the words searched, plus 0.5 when it
 * is positive. Sums are kept in single precision, each word's share rounded to a float before it is added, as
 * Dolt does (InnoDB's ranks are floats too), so the same data ranks with the same numbers.
 */
final class Relevance {
    private Relevance() {
    }

    static double word(int countInRow, int distinctWordsInRow, long rows, long rowsWithWord) {
        if (countInRow <= 0 || rowsWithWord <= 0) {
            return 0;
        }
        double base = Math.log(countInRow) + 1;
        double norm = distinctWordsInRow / (1 + 0.115 * distinctWordsInRow);
        double global = Math.log((double) rows / rowsWithWord) + 1;
        return base * norm * global;
    }

    /** The reported value of a summed score: 0.5 added when positive, to 8 significant digits (as Dolt shows it). */
    static double finish(float sum) {
        if (sum <= 0) {
            return 0.0;
        }
        return new java.math.BigDecimal(sum + 0.5f).round(new java.math.MathContext(8)).doubleValue();
    }
}
