package dev.scion.wire.api;

import java.util.List;

/**
 * Where a command writes its results. A statement produces either one {@link #ok} or one row set
 * ({@link #beginRows}, rows, {@link RowWriter#end}). A multi-statement query produces one result per
 * statement; the wire layer sets SERVER_MORE_RESULTS_EXISTS on all but the last.
 */
public interface ResultSink {

    void ok(long affectedRows, long lastInsertId, int warnings, String info);

    /** Starts a row set; the writer streams rows to the client with backpressure. */
    RowWriter beginRows(List<WireColumn> columns);

    /**
     * LOAD DATA LOCAL INFILE: asks the client for the file {@code fileName} and returns its content as the
     * client streams it (read it to the end or not: the wire layer drops what is left afterwards). The
     * statement then reports its result with {@link #ok}.
     *
     * @throws WireException 3948 if the client did not allow local files, or 1295 where the protocol has no
     *                       room for it (prepared statements)
     */
    default java.io.InputStream localFile(String fileName) throws WireException {
        throw new WireException(1295, "HY000", "This command is not supported in the prepared statement protocol yet");
    }

    interface RowWriter {
        /**
         * One row. Values: null, Long, Integer, java.math.BigInteger, java.math.BigDecimal, Double, Float,
         * String, byte[], java.time.LocalDate, java.time.LocalDateTime, java.time.Duration, java.time.LocalTime.
         * May block while the client is slow to read.
         */
        void row(Object[] values) throws WireException;

        void end(int warnings);
    }
}
